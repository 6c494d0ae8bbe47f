import { z } from 'zod';
import { placeDefaults } from '../logistics/places.js';

/** Non-secret settings of a DHL Express (MyDHL API) connection. */
export const dhlExpressConfig = z.object({
  /** The DHL Express customer account billed (9 digits). */
  accountNumber: z.string().regex(/^\d{9}$/, 'a 9-digit DHL Express account number'),
  /** The MyDHL API interface version sent as `x-version`. Default `2.12.0`. */
  apiVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'a version such as "2.12.0"')
    .default('2.12.0'),
  /**
   * Cities (and postal codes) to quote with when a quote names only a
   * country: MyDHL rating needs a city at both ends.
   */
  placeDefaults: placeDefaults.optional(),
});

/** MyDHL API credentials: the API key and secret DHL issues, sent as HTTP Basic. */
export const dhlExpressCredentials = z.object({
  apiKey: z.string().min(1),
  apiSecret: z.string().min(1),
});

/** Parsed {@link dhlExpressConfig}. */
export type DhlExpressConfig = z.output<typeof dhlExpressConfig>;
/** Parsed {@link dhlExpressCredentials}. */
export type DhlExpressCredentials = z.output<typeof dhlExpressCredentials>;

const amount = z.union([z.number(), z.string()]);

/** One `totalPrice` entry: `BILLC` is the billing currency, `PULCL` the local one, `BASEC` the base. */
export const dhlPrice = z.looseObject({
  currencyType: z.string(),
  priceCurrency: z.string().optional(),
  price: amount,
});

/** One product of a MyDHL `GET/POST /rates` answer. */
export const dhlProduct = z.looseObject({
  productName: z.string(),
  productCode: z.string(),
  localProductCode: z.string().optional(),
  totalPrice: z.array(dhlPrice),
  deliveryCapabilities: z
    .looseObject({
      deliveryTypeCode: z.string().optional(),
      estimatedDeliveryDateAndTime: z.string().optional(),
      totalTransitDays: z.union([z.number().int(), z.string().regex(/^\d+$/)]).optional(),
    })
    .optional(),
});

/** A MyDHL rates answer. */
export const dhlRatesResponse = z.looseObject({ products: z.array(dhlProduct) });

/** One checkpoint of a MyDHL tracking answer. */
export const dhlTrackingEvent = z.looseObject({
  date: z.string(),
  time: z.string(),
  GMTOffset: z.string().optional(),
  typeCode: z.string(),
  description: z.string(),
  serviceArea: z
    .array(z.looseObject({ code: z.string().optional(), description: z.string().optional() }))
    .optional(),
});

/** A MyDHL `GET /shipments/{n}/tracking` answer. */
export const dhlTrackingResponse = z.looseObject({
  shipments: z
    .array(
      z.looseObject({
        shipmentTrackingNumber: z.union([z.string(), z.number()]).transform(String),
        status: z.string().optional(),
        estimatedDeliveryDate: z.string().optional(),
        events: z.array(dhlTrackingEvent).default([]),
      }),
    )
    .min(1),
});

/** A MyDHL `POST /shipments` answer. */
export const dhlShipmentResponse = z.looseObject({
  shipmentTrackingNumber: z.union([z.string(), z.number()]).transform(String),
  trackingUrl: z.string().optional(),
  packages: z
    .array(
      z.looseObject({
        referenceNumber: z.number().optional(),
        trackingNumber: z.string(),
        trackingUrl: z.string().optional(),
      }),
    )
    .default([]),
  documents: z
    .array(z.looseObject({ imageFormat: z.string(), content: z.string(), typeCode: z.string() }))
    .default([]),
  shipmentCharges: z.array(dhlPrice).optional(),
  estimatedDeliveryDate: z
    .looseObject({
      estimatedDeliveryDate: z.string().optional(),
      estimatedDeliveryType: z.string().optional(),
    })
    .optional(),
});

/** A MyDHL `POST /pickups` answer. */
export const dhlPickupResponse = z.looseObject({
  dispatchConfirmationNumbers: z.array(z.string()).min(1),
  readyByTime: z.string().optional(),
  nextPickupDate: z.string().optional(),
});
