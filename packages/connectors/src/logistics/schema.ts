import { isMoney, type Money, money as makeMoney, moneyFromJSON } from '@tollgate/core';
import { z } from 'zod';
import { trackingStatus } from './tracking-status.js';

/** An ISO 3166-1 alpha-2 country code, upper case (`DE`, `BD`, `US`). */
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "DE"');

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** A timestamp with its UTC offset, `2025-03-10T09:00:00+01:00` or `…Z`. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A place as precise as the caller knows it: a country, and a city, postal code and state if known. */
export const place = z.object({
  countryCode,
  city: z.string().trim().min(1).max(45).optional(),
  postalCode: z.string().trim().min(1).max(12).optional(),
  /** State or province code where the carrier needs one (US, CA, MX, IN …). */
  stateCode: z.string().trim().min(1).max(3).optional(),
});

/** A kilogram weight as a decimal string (`"2.5"`), never a float. */
export const weightKg = z
  .string()
  .regex(/^\d{1,5}(\.\d{1,3})?$/, 'kilograms as a decimal string such as "2.5"')
  .refine((value) => /[1-9]/.test(value), 'must be more than zero');

const centimetres = z.number().int().min(1).max(400);

/** One package: its weight and, when known, its outer dimensions in whole centimetres. */
export const parcel = z.object({
  weightKg,
  lengthCm: centimetres.optional(),
  widthCm: centimetres.optional(),
  heightCm: centimetres.optional(),
});

/**
 * The kind of service asked for: `express` (time-definite air), `economy`
 * (deferred air or ground), `ocean` (a full container by sea).
 */
export const serviceType = z.enum(['express', 'economy', 'ocean']);

/** A `Money`: bigint minor units and an ISO 4217 code. */
export const money = z.custom<Money>((value) => isMoney(value), {
  message: 'expected Money: { amount: bigint minor units, currency: ISO 4217 code }',
});

/**
 * Money given by a caller: a `Money` (bigint minor units), or its JSON
 * form `{ amount: "15000", currency: "USD" }` whose amount is **minor units**
 * ($150.00), as `moneyToJSON` writes it. Never a float, never major units.
 */
export const moneyInput = z.unknown().transform((value, context): Money => {
  try {
    const result = isMoney(value)
      ? makeMoney(value.amount, value.currency)
      : moneyFromJSON(value as Record<string, unknown>);
    if (result.amount < 0n) {
      context.addIssue({ code: 'custom', message: 'must not be negative' });
      return z.NEVER;
    }
    return result;
  } catch (error) {
    context.addIssue({
      code: 'custom',
      message: error instanceof Error ? error.message : 'invalid money',
    });
    return z.NEVER;
  }
});

/**
 * A quote without package details prices one 0.5 kg parcel: a document
 * envelope, which is what trade documents (an original LC, a bill of lading)
 * travel in.
 */
export const DEFAULT_PARCELS: readonly z.output<typeof parcel>[] = Object.freeze([
  { weightKg: '0.5' },
]);

/** The UTC calendar date of today, `YYYY-MM-DD`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** What `quote` takes, for every carrier. */
export const quoteInput = z.object({
  origin: place,
  destination: place,
  /** Default `express`. */
  serviceType: serviceType.default('express'),
  /** Default: one 0.5 kg parcel ({@link DEFAULT_PARCELS}). */
  packages: z
    .array(parcel)
    .min(1)
    .max(50)
    .default(() => DEFAULT_PARCELS.map((one) => ({ ...one }))),
  /** Customs value of the goods; makes the shipment customs-declarable. */
  declaredValue: moneyInput.optional(),
  /** Planned shipping date; default today (UTC). */
  shipDate: isoDate.default(() => todayUtc()),
});

/** One priced service of one carrier, normalized. */
export const normalizedQuote = z.object({
  /** The connector id: `dhl-express`, `fedex`, `ups`, `maersk`. */
  carrier: z.string(),
  /** The carrier's name for the service (`EXPRESS WORLDWIDE`). */
  service: z.string(),
  /** The carrier's code for the service (`P`, `INTERNATIONAL_PRIORITY`, `65`). */
  serviceCode: z.string(),
  serviceType,
  /** The total the carrier will bill, in the carrier's currency. */
  total: money,
  /** Days in transit, when the carrier says. */
  transitDays: z.number().int().nonnegative().nullable(),
  /** Estimated delivery (`YYYY-MM-DD` or an ISO date-time), when the carrier says. */
  estimatedDelivery: z.string().nullable(),
  /** The carrier's quote or price id, or one derived from the request when the carrier has none. */
  quoteId: z.string(),
});

/** What `quote` returns: the best service matching `serviceType`, and the carrier's other services. */
export const quoteOutput = normalizedQuote.extend({
  alternatives: z.array(normalizedQuote),
});

/** What `track` takes, for every carrier. */
export const trackInput = z.object({
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, 'a tracking number: 6 to 40 letters, digits or dashes'),
});

/** One event of a shipment's history, normalized. */
export const trackingEvent = z.object({
  /** When it happened, ISO 8601 with the offset the carrier gave (or `Z`). */
  at: z.string(),
  /** Where, as the carrier names it (`Leipzig, DE`), when it says. */
  location: z.string().nullable(),
  /** The carrier's own event code (`PU`, `DL`, `LOAD`). */
  code: z.string(),
  description: z.string(),
  status: trackingStatus,
});

/** What `track` returns: the current status and the history, oldest event first. */
export const trackOutput = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  status: trackingStatus,
  estimatedDelivery: z.string().nullable(),
  events: z.array(trackingEvent),
});

/** A postal address for shipping. */
export const address = z.object({
  lines: z.array(z.string().trim().min(1).max(45)).min(1).max(3),
  city: z.string().trim().min(1).max(45),
  postalCode: z.string().trim().min(1).max(12).optional(),
  stateCode: z.string().trim().min(1).max(3).optional(),
  countryCode,
});

/** A shipper, recipient or pick-up contact. */
export const party = z.object({
  name: z.string().trim().min(1).max(45),
  company: z.string().trim().min(1).max(60).optional(),
  phone: z.string().regex(/^\+?[0-9 ()-]{5,25}$/, 'a phone number such as "+49 228 1234567"'),
  email: z.email().optional(),
  address,
});

/** What `createShipment` takes, for every carrier that books parcels. */
export const createShipmentInput = z.object({
  serviceType: serviceType.default('express'),
  /** The carrier's service code from a quote; default: the carrier's main service for `serviceType`. */
  serviceCode: z.string().min(1).max(40).optional(),
  shipDate: isoDate.default(() => todayUtc()),
  shipper: party,
  recipient: party,
  packages: z.array(parcel).min(1).max(50),
  /** What is inside, for the waybill and customs. */
  description: z.string().trim().min(1).max(70),
  /** Customs value of the goods; makes the shipment customs-declarable. */
  declaredValue: moneyInput.optional(),
  /** The shipper's own reference (an LC number, an invoice number). */
  reference: z.string().trim().min(1).max(35).optional(),
});

/** A label or other shipping document. */
export const shippingDocument = z.object({
  format: z.string(),
  /** Base64 content, when the carrier returns the document inline. */
  content: z.string().optional(),
  /** Where to fetch it, when the carrier returns a link. */
  url: z.string().optional(),
});

/** What `createShipment` returns. */
export const createShipmentOutput = z.object({
  carrier: z.string(),
  trackingNumber: z.string(),
  packageTrackingNumbers: z.array(z.string()),
  labels: z.array(shippingDocument),
  /** What the carrier will bill, when it says at booking. */
  total: money.nullable(),
  estimatedDelivery: z.string().nullable(),
});

/** What `schedulePickup` takes, for every carrier that collects. */
export const schedulePickupInput = z.object({
  /** When the packages are ready, with the local UTC offset: `2025-03-10T09:00:00+01:00`. */
  readyAt: isoDateTime,
  /** When the location closes, local time `HH:MM`. */
  closeTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time "HH:MM"'),
  location: party,
  packageCount: z.number().int().min(1).max(999),
  totalWeightKg: weightKg,
  serviceType: serviceType.default('express'),
  /** Where the courier finds the packages (`reception`, `loading dock`). */
  instructions: z.string().trim().min(1).max(80).optional(),
});

/** What `schedulePickup` returns. */
export const schedulePickupOutput = z.object({
  carrier: z.string(),
  confirmationNumber: z.string(),
  pickupDate: z.string().nullable(),
  readyByTime: z.string().nullable(),
});

/** Input of `quote` as a caller writes it (defaults optional). */
export type QuoteInput = z.input<typeof quoteInput>;
/** Input of `quote` after parsing (defaults filled). */
export type ParsedQuoteInput = z.output<typeof quoteInput>;
/** One normalized quote. */
export type NormalizedQuote = z.output<typeof normalizedQuote>;
/** What `quote` returns. */
export type QuoteResult = z.output<typeof quoteOutput>;
/** Input of `track`. */
export type TrackInput = z.input<typeof trackInput>;
/** One normalized tracking event. */
export type TrackingEvent = z.output<typeof trackingEvent>;
/** What `track` returns. */
export type TrackResult = z.output<typeof trackOutput>;
/** Input of `createShipment` as a caller writes it. */
export type CreateShipmentInput = z.input<typeof createShipmentInput>;
/** Input of `createShipment` after parsing. */
export type ParsedCreateShipmentInput = z.output<typeof createShipmentInput>;
/** What `createShipment` returns. */
export type ShipmentResult = z.output<typeof createShipmentOutput>;
/** Input of `schedulePickup` as a caller writes it. */
export type SchedulePickupInput = z.input<typeof schedulePickupInput>;
/** Input of `schedulePickup` after parsing. */
export type ParsedSchedulePickupInput = z.output<typeof schedulePickupInput>;
/** What `schedulePickup` returns. */
export type PickupResult = z.output<typeof schedulePickupOutput>;
/** A place (country, city, postal code, state). */
export type Place = z.output<typeof place>;
/** One package. */
export type Parcel = z.output<typeof parcel>;
/** A contact with an address. */
export type Party = z.output<typeof party>;
/** A kind of service. */
export type ServiceType = z.output<typeof serviceType>;
