import { z } from 'zod';
import { carrierOAuth2Client } from '../logistics/carrier-oauth2.js';
import { placeDefaults } from '../logistics/places.js';

/** Non-secret settings of a UPS connection. */
export const upsConfig = z.object({
  /** The UPS shipper (account) number billed: six letters or digits. */
  accountNumber: z.string().regex(/^[A-Z0-9]{6}$/, 'a 6-character UPS shipper number'),
  /** Version segment of the Rating, Shipping and Pickup paths. Default `v2409`. */
  apiVersion: z
    .string()
    .regex(/^v\d+$/, 'a version segment such as "v2409"')
    .default('v2409'),
  /** Sent as `transactionSrc` on every call. Default `tollgate`. */
  transactionSource: z.string().min(1).max(512).default('tollgate'),
  /** Postal codes, states or cities to quote with when a quote names only a country. */
  placeDefaults: placeDefaults.optional(),
});

/**
 * UPS credentials: the app's client id and secret (OAuth2 client credentials,
 * sent as HTTP Basic to the token endpoint), and the credential given to
 * Track Alert subscriptions, which UPS echoes in the `credential` header.
 */
export const upsCredentials = carrierOAuth2Client.extend({
  /** The Track Alert subscription credential, to verify pushed tracking events. */
  webhookCredential: z.string().min(16).optional(),
});

/** Parsed {@link upsConfig}. */
export type UpsConfig = z.output<typeof upsConfig>;
/** Parsed {@link upsCredentials}. */
export type UpsCredentials = z.output<typeof upsCredentials>;

/** UPS sends a lone element as an object and several as an array: always read an array. */
export function oneOrMany<T extends z.ZodType>(item: T) {
  return z.union([z.array(item), item.transform((one) => [one])]);
}

/** UPS's money: `{ CurrencyCode, MonetaryValue }`, the value a decimal string. */
export const upsCharge = z.looseObject({
  CurrencyCode: z.string(),
  MonetaryValue: z.union([z.string(), z.number()]),
});

const responseStatus = z.looseObject({
  Response: z
    .looseObject({
      ResponseStatus: z.looseObject({ Code: z.string(), Description: z.string().optional() }),
    })
    .optional(),
});

/** One rated service of a UPS rating answer. */
export const upsRatedShipment = z.looseObject({
  Service: z.looseObject({ Code: z.string(), Description: z.string().optional() }),
  TotalCharges: upsCharge,
  NegotiatedRateCharges: z.looseObject({ TotalCharge: upsCharge }).optional(),
  GuaranteedDelivery: z
    .looseObject({
      BusinessDaysInTransit: z.string().optional(),
      DeliveryByTime: z.string().optional(),
    })
    .optional(),
  TimeInTransit: z
    .looseObject({
      ServiceSummary: z
        .looseObject({
          EstimatedArrival: z
            .looseObject({
              Arrival: z
                .looseObject({ Date: z.string().optional(), Time: z.string().optional() })
                .optional(),
              BusinessDaysInTransit: z.string().optional(),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

/** A UPS `POST /api/rating/{version}/Shoptimeintransit` answer. */
export const upsRateResponse = z.looseObject({
  RateResponse: responseStatus.extend({ RatedShipment: oneOrMany(upsRatedShipment) }),
});

/** A UPS `POST /api/shipments/{version}/ship` answer. */
export const upsShipResponse = z.looseObject({
  ShipmentResponse: responseStatus.extend({
    ShipmentResults: z.looseObject({
      ShipmentCharges: z.looseObject({ TotalCharges: upsCharge }).optional(),
      NegotiatedRateCharges: z.looseObject({ TotalCharge: upsCharge }).optional(),
      ShipmentIdentificationNumber: z.string(),
      PackageResults: oneOrMany(
        z.looseObject({
          TrackingNumber: z.string(),
          ShippingLabel: z
            .looseObject({
              ImageFormat: z.looseObject({ Code: z.string() }),
              GraphicImage: z.string(),
            })
            .optional(),
        }),
      ),
    }),
  }),
});

/** One activity (scan) of a UPS tracking answer. */
export const upsActivity = z.looseObject({
  location: z
    .looseObject({
      address: z
        .looseObject({
          city: z.string().optional(),
          stateProvince: z.string().optional(),
          countryCode: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  status: z.looseObject({
    type: z.string().optional(),
    description: z.string().optional(),
    code: z.string().optional(),
    statusCode: z.string().optional(),
  }),
  date: z.string(),
  time: z.string(),
  gmtDate: z.string().optional(),
  gmtOffset: z.string().optional(),
  gmtTime: z.string().optional(),
});

/** A UPS `GET /api/track/v1/details/{inquiryNumber}` answer. */
export const upsTrackResponse = z.looseObject({
  trackResponse: z.looseObject({
    shipment: z
      .array(
        z.looseObject({
          inquiryNumber: z.string().optional(),
          package: z
            .array(
              z.looseObject({
                trackingNumber: z.string(),
                deliveryDate: z
                  .array(z.looseObject({ type: z.string(), date: z.string() }))
                  .default([]),
                deliveryTime: z
                  .looseObject({ type: z.string().optional(), endTime: z.string().optional() })
                  .optional(),
                activity: z.array(upsActivity).default([]),
                currentStatus: z
                  .looseObject({ type: z.string().optional(), code: z.string().optional() })
                  .optional(),
              }),
            )
            .default([]),
          warnings: z
            .array(z.looseObject({ code: z.string(), message: z.string().optional() }))
            .optional(),
        }),
      )
      .min(1),
  }),
});

/** A UPS `POST /api/shipments/{version}/pickup/{pickuptype}` answer. */
export const upsPickupResponse = z.looseObject({
  PickupCreationResponse: responseStatus.extend({ PRN: z.string() }),
});

/** A UPS Track Alert push: one activity of one package. */
export const upsTrackAlertPayload = z.looseObject({
  trackingNumber: z.string(),
  localActivityDate: z.string().regex(/^\d{8}$/),
  localActivityTime: z.string().regex(/^\d{6}$/),
  gmtActivityDate: z
    .string()
    .regex(/^\d{8}$/)
    .optional(),
  gmtActivityTime: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  scheduledDeliveryDate: z.string().optional(),
  actualDeliveryDate: z.string().optional(),
  actualDeliveryTime: z.string().optional(),
  activityLocation: z
    .looseObject({
      city: z.string().optional(),
      stateProvince: z.string().optional(),
      postalCode: z.string().optional(),
      country: z.string().optional(),
    })
    .optional(),
  activityStatus: z.looseObject({
    type: z.string(),
    code: z.string().optional(),
    description: z.string().optional(),
  }),
});
