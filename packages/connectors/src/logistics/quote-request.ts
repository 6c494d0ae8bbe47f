import { z } from 'zod';
import { countryCode, moneyInput, type QuoteInput, serviceType, weightKg } from './schema.js';

/**
 * The body of `POST /integrations/logistics/{integration_id}/quote` as the
 * reference server receives it (snake_case). `shipment_value` is Money JSON:
 * `{ "amount": "15000", "currency": "USD" }` is $150.00 (minor units).
 * The optional place and weight fields make a quote more precise.
 */
export const quoteRequestBody = z.object({
  session_id: z.string().min(1).max(200),
  service_type: serviceType,
  origin_country: countryCode,
  destination_country: countryCode,
  shipment_value: moneyInput,
  idempotency_key: z.string().min(1).max(200),
  origin_city: z.string().trim().min(1).max(45).optional(),
  origin_postal_code: z.string().trim().min(1).max(12).optional(),
  destination_city: z.string().trim().min(1).max(45).optional(),
  destination_postal_code: z.string().trim().min(1).max(12).optional(),
  weight_kg: weightKg.optional(),
});

/** A parsed {@link quoteRequestBody}. */
export type QuoteRequestBody = z.output<typeof quoteRequestBody>;

/**
 * The contract's `quote` input for a parsed reference-server body: the
 * shipment value becomes the declared (customs) value; without `weight_kg`
 * the quote prices the default 0.5 kg document envelope. The session id and
 * idempotency key are not part of the carrier request: pass the key as the
 * call's `idempotencyKey`.
 */
export function quoteInputFromRequestBody(body: QuoteRequestBody): QuoteInput {
  return {
    origin: {
      countryCode: body.origin_country,
      ...(body.origin_city === undefined ? {} : { city: body.origin_city }),
      ...(body.origin_postal_code === undefined ? {} : { postalCode: body.origin_postal_code }),
    },
    destination: {
      countryCode: body.destination_country,
      ...(body.destination_city === undefined ? {} : { city: body.destination_city }),
      ...(body.destination_postal_code === undefined
        ? {}
        : { postalCode: body.destination_postal_code }),
    },
    serviceType: body.service_type,
    declaredValue: body.shipment_value,
    ...(body.weight_kg === undefined ? {} : { packages: [{ weightKg: body.weight_kg }] }),
  };
}
