import { z } from 'zod';
import { quoteInput } from '../logistics/schema.js';

/** A UN/LOCODE: country and location, `CNSHA`, `BDCGP`. */
export const unLocode = z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'a UN/LOCODE such as "CNSHA"');

/** Non-secret settings of a Maersk connection. */
export const maerskConfig = z.object({
  /** The Maersk brand quoted: `MAEU` (Maersk), `SEAU`/`SEJJ`/`MCPU` (Sealand). Default `MAEU`. */
  brandScac: z.enum(['MAEU', 'SEAU', 'SEJJ', 'MCPU']).default('MAEU'),
  /** Path of the DCSA Track & Trace events endpoint. Default `/track-and-trace-private/events`. */
  eventsPath: z.string().startsWith('/').default('/track-and-trace-private/events'),
  /** Port (UN/LOCODE) to quote from or to, per country, when a quote names none. */
  portDefaults: z.record(z.string().regex(/^[A-Z]{2}$/), unLocode).optional(),
  /** The DCSA event subscription whose notifications this connection accepts (`Subscription-ID`). */
  subscriptionId: z.string().min(1).optional(),
});

/**
 * Maersk credentials: the app's Consumer-Key; its client secret when the
 * APIs used need an OAuth2 token as well; and the base64 shared secret of
 * a DCSA event subscription, to verify its notifications.
 */
export const maerskCredentials = z.object({
  consumerKey: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  notificationSecret: z.string().min(1).optional(),
});

/** Parsed {@link maerskConfig}. */
export type MaerskConfig = z.output<typeof maerskConfig>;
/** Parsed {@link maerskCredentials}. */
export type MaerskCredentials = z.output<typeof maerskCredentials>;

/** Maersk's container size-types and their ISO 6346 size-type codes. */
export const MAERSK_CONTAINERS = {
  '20DRY': '22G1',
  '40DRY': '42G1',
  '40HDRY': '45G1',
  '20REEF': '22R1',
  '40REEF': '45R1',
} as const;

/**
 * `quote` input of Maersk: the contract's, for a full container load by sea.
 * Ports default from the place's country (`portDefaults`, then the sandbox-
 * and-README table of main ports); packages are not priced, containers are.
 */
export const maerskQuoteInput = quoteInput.extend({
  serviceType: z.literal('ocean').default('ocean'),
  originPort: unLocode.optional(),
  destinationPort: unLocode.optional(),
  containerType: z.enum(['20DRY', '40DRY', '40HDRY', '20REEF', '40REEF']).default('40HDRY'),
  containerCount: z.number().int().min(1).max(50).default(1),
});

const amount = z.union([z.number(), z.string()]);

/** One offer of a Maersk Product Offers answer (a priced sailing). */
export const maerskOffer = z.looseObject({
  priceId: z.string(),
  productCode: z.string(),
  productName: z.string(),
  departureDate: z.string(),
  arrivalDate: z.string().optional(),
  transitTime: z.number().int().nonnegative().optional(),
  vesselName: z.string().optional(),
  voyageNumber: z.string().optional(),
  totalPrice: z.looseObject({ amount, currency: z.string() }),
});

/** A Maersk Product Offers answer. */
export const maerskOffersResponse = z.looseObject({ offers: z.array(maerskOffer) });
