import { isMoney, type Money } from '@tollgate/core';
import { z } from 'zod';
import { nameString, unitCount } from './config-values.js';

/** A `Money` value (bigint minor units, known currency) that is not negative. */
export const transactionValueSchema = z
  .custom<Money>(isMoney, {
    error: 'Must be Money: { amount: bigint minor units, currency: ISO 4217 code }',
  })
  .refine((value) => value.amount >= 0n, {
    error: 'A transaction value must not be negative',
    params: { code: 'invalid_transaction_value' },
  });

const tierSchema = nameString.nullable().optional();

/** Which tenant, operation and tier to find a rate for. */
export const rateLookupSchema = z.object({
  tenantId: nameString,
  operation: nameString,
  tier: tierSchema,
});

/** What `quote` takes. */
export const quoteRequestSchema = rateLookupSchema.extend({
  transactionValue: transactionValueSchema.optional(),
  alreadyUsed: unitCount.optional(),
});

/** What `priceQuantity` takes. */
export const quantityRequestSchema = rateLookupSchema.extend({
  quantity: unitCount,
  transactionValues: z.array(transactionValueSchema).optional(),
});

/** One entry of a `priceUsage` request. */
export const usageEntrySchema = z.object({
  operation: nameString,
  tier: tierSchema,
  quantity: unitCount,
  transactionValues: z.array(transactionValueSchema).optional(),
});

/** What `priceUsage` takes (the period is checked by `parseBillingPeriod`). */
export const usageRequestSchema = z.object({
  tenantId: nameString,
  period: z.union([z.string(), z.object({ year: z.number(), month: z.number() })]),
  usage: z.array(usageEntrySchema),
});
