import { z } from 'zod';
import { carrierOAuth2Client } from '../logistics/carrier-oauth2.js';
import { placeDefaults } from '../logistics/places.js';

/** Non-secret settings of a FedEx connection. */
export const fedexConfig = z.object({
  /** The FedEx account number billed (9 digits). */
  accountNumber: z.string().regex(/^\d{9}$/, 'a 9-digit FedEx account number'),
  /** The currency FedEx is asked to rate in (ISO 4217; sent in FedEx's own code). Default `USD`. */
  preferredCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as "USD"')
    .default('USD'),
  /** The FedEx operating company pick-ups are booked with: `FDXE` (Express) or `FDXG` (Ground). */
  pickupCarrierCode: z.enum(['FDXE', 'FDXG']).default('FDXE'),
  /** Postal codes or cities to quote with when a quote names only a country. */
  placeDefaults: placeDefaults.optional(),
});

/**
 * FedEx API credentials: the project's API key and secret key (OAuth2 client
 * credentials), and the security token of a tracking webhook, if one is set up.
 */
export const fedexCredentials = carrierOAuth2Client.extend({
  /** The webhook's security token: the key of the `fdx-signature` HMAC. */
  webhookSecurityToken: z.string().min(1).optional(),
});

/** Parsed {@link fedexConfig}. */
export type FedexConfig = z.output<typeof fedexConfig>;
/** Parsed {@link fedexCredentials}. */
export type FedexCredentials = z.output<typeof fedexCredentials>;

const amount = z.union([z.number(), z.string()]);

/** One rated shipment detail (`ACCOUNT` or `LIST` rates). */
export const fedexRatedShipmentDetail = z.looseObject({
  rateType: z.string().optional(),
  totalNetCharge: amount,
  currency: z.string().optional(),
  shipmentRateDetail: z.looseObject({ currency: z.string().optional() }).optional(),
});

/** A FedEx `POST /rate/v1/rates/quotes` answer. */
export const fedexRateResponse = z.looseObject({
  transactionId: z.string().optional(),
  output: z.looseObject({
    rateReplyDetails: z.array(
      z.looseObject({
        serviceType: z.string(),
        serviceName: z.string().optional(),
        ratedShipmentDetails: z.array(fedexRatedShipmentDetail).min(1),
        operationalDetail: z
          .looseObject({
            transitTime: z.string().optional(),
            deliveryDate: z.string().optional(),
          })
          .optional(),
        commit: z
          .looseObject({
            dateDetail: z.looseObject({ dayFormat: z.string().optional() }).optional(),
          })
          .optional(),
      }),
    ),
  }),
});

/** A FedEx `POST /ship/v1/shipments` answer. */
export const fedexShipResponse = z.looseObject({
  transactionId: z.string().optional(),
  output: z.looseObject({
    transactionShipments: z
      .array(
        z.looseObject({
          masterTrackingNumber: z.string(),
          serviceType: z.string().optional(),
          pieceResponses: z
            .array(
              z.looseObject({
                trackingNumber: z.string(),
                packageDocuments: z
                  .array(
                    z.looseObject({
                      contentType: z.string().optional(),
                      docType: z.string().optional(),
                      encodedLabel: z.string().optional(),
                      url: z.string().optional(),
                    }),
                  )
                  .default([]),
              }),
            )
            .default([]),
          completedShipmentDetail: z
            .looseObject({
              shipmentRating: z
                .looseObject({
                  shipmentRateDetails: z
                    .array(z.looseObject({ totalNetCharge: amount, currency: z.string() }))
                    .default([]),
                })
                .optional(),
              operationalDetail: z.looseObject({ deliveryDate: z.string().optional() }).optional(),
            })
            .optional(),
        }),
      )
      .min(1),
  }),
});

/** A FedEx scan location. */
export const fedexScanLocation = z.looseObject({
  city: z.string().optional(),
  stateOrProvinceCode: z.string().optional(),
  countryCode: z.string().optional(),
});

/** One FedEx scan event. */
export const fedexScanEvent = z.looseObject({
  date: z.string(),
  eventType: z.string(),
  eventDescription: z.string(),
  derivedStatusCode: z.string().optional(),
  exceptionDescription: z.string().optional(),
  scanLocation: fedexScanLocation.optional(),
});

/** One FedEx track result (in a track answer, or pushed by a tracking webhook). */
export const fedexTrackResult = z.looseObject({
  trackingNumberInfo: z.looseObject({ trackingNumber: z.string() }).optional(),
  latestStatusDetail: z
    .looseObject({
      code: z.string().optional(),
      derivedCode: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
  dateAndTimes: z.array(z.looseObject({ type: z.string(), dateTime: z.string() })).default([]),
  scanEvents: z.array(fedexScanEvent).default([]),
  error: z.looseObject({ code: z.string(), message: z.string().optional() }).optional(),
});

/** A FedEx `POST /track/v1/trackingnumbers` answer. */
export const fedexTrackResponse = z.looseObject({
  transactionId: z.string().optional(),
  output: z.looseObject({
    completeTrackResults: z
      .array(
        z.looseObject({
          trackingNumber: z.string(),
          trackResults: z.array(fedexTrackResult).min(1),
        }),
      )
      .min(1),
  }),
});

/** A FedEx `POST /pickup/v1/pickups` answer. */
export const fedexPickupResponse = z.looseObject({
  transactionId: z.string().optional(),
  output: z.looseObject({
    pickupConfirmationCode: z.string(),
    location: z.string().optional(),
  }),
});
