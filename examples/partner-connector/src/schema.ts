import { z } from 'zod';

/** Non-secret settings of an Acme Freight connection. */
export const acmeConfig = z.object({
  /** Acme account the bookings are billed to. */
  accountNumber: z.string().regex(/^AF\d{6}$/, 'an Acme account number such as AF000123'),
});

/** OAuth2 client credentials Acme issues to each platform. */
export const acmeCredentials = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(16),
});

const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');
/** A decimal amount as Acme sends it (a string, never a float). */
const decimal = z.string().regex(/^\d+(\.\d{1,2})?$/);

export const quoteInput = z.object({
  origin: country,
  destination: country,
  weightKg: z.string().regex(/^\d+(\.\d{1,3})?$/, 'kilograms as a decimal string'),
  service: z.enum(['express', 'economy']).default('express'),
});

export const quoteOutput = z.object({
  quoteId: z.string(),
  total: z.object({ amount: decimal, currency: z.string().length(3) }),
  transitDays: z.number().int().positive(),
});

export const bookInput = z.object({
  quoteId: z.string().min(1),
  shipperReference: z.string().max(35),
});

export const bookOutput = z.object({
  bookingId: z.string(),
  trackingNumber: z.string(),
  status: z.literal('booked'),
});
