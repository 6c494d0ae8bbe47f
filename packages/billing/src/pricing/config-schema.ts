import { z } from 'zod';
import { checkBands } from './band-checks.js';
import { checkPriceBookReferences } from './config-cross-checks.js';
import {
  addCodedIssue,
  amountString,
  currencyCode,
  fractionString,
  nameString,
  positiveUnitCount,
  unitCount,
} from './config-values.js';
import { compareDecimals, DECIMAL_PATTERN, parseDecimal } from './exact-decimal.js';

/** Run a refinement even when other parts of the value failed, so every issue is listed. */
const always = { when: () => true } as const;

const bandSchema = z.strictObject({
  from: positiveUnitCount,
  to: positiveUnitCount.nullable().optional(),
  unitPrice: amountString,
});

const bandsSchema = z.array(bandSchema).min(1).superRefine(checkBands, always);

const rateScope = {
  operation: nameString,
  tier: nameString.optional(),
  currency: currencyCode.optional(),
};

function validDecimal(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

const percentageRateSchema = z
  .strictObject({
    ...rateScope,
    model: z.literal('percentage'),
    share: fractionString,
    minimumFee: amountString.optional(),
    maximumFee: amountString.optional(),
  })
  .superRefine((rate, ctx) => {
    const { minimumFee, maximumFee } = rate as { minimumFee?: unknown; maximumFee?: unknown };
    if (
      validDecimal(minimumFee) &&
      validDecimal(maximumFee) &&
      compareDecimals(parseDecimal(minimumFee), parseDecimal(maximumFee)) > 0
    ) {
      addCodedIssue(ctx, 'minimum_above_maximum', 'minimumFee is greater than maximumFee', [
        'minimumFee',
      ]);
    }
  }, always);

const USAGE_MODELS = 'per-unit, graduated, volume, package, percentage';

/** The schema of one rate; the `model` field picks the pricing model. */
export const rateSchema = z.discriminatedUnion(
  'model',
  [
    z.strictObject({ ...rateScope, model: z.literal('per-unit'), unitPrice: amountString }),
    z.strictObject({ ...rateScope, model: z.literal('graduated'), bands: bandsSchema }),
    z.strictObject({ ...rateScope, model: z.literal('volume'), bands: bandsSchema }),
    z.strictObject({
      ...rateScope,
      model: z.literal('package'),
      packageSize: positiveUnitCount,
      packagePrice: amountString,
    }),
    percentageRateSchema,
  ],
  { error: `Unknown pricing model; use one of ${USAGE_MODELS}` },
);

function rateKey(rate: unknown): string | undefined {
  if (typeof rate !== 'object' || rate === null) return undefined;
  const { operation, tier } = rate as { operation?: unknown; tier?: unknown };
  if (typeof operation !== 'string') return undefined;
  return JSON.stringify([operation, typeof tier === 'string' ? tier : null]);
}

/** A list of rates in which no operation and tier are priced twice. */
const ratesSchema = z.array(rateSchema).superRefine((rates: unknown, ctx) => {
  if (!Array.isArray(rates)) return;
  const seen = new Map<string, number>();
  rates.forEach((rate: unknown, index) => {
    const key = rateKey(rate);
    if (key === undefined) return;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    const [operation, tier] = JSON.parse(key) as [string, string | null];
    addCodedIssue(
      ctx,
      'duplicate_rate',
      `${operation}${tier === null ? ' (every tier)' : ` (tier ${tier})`} is already priced by rate ${first}`,
      [index],
    );
  });
}, always);

const planSchema = z.discriminatedUnion(
  'model',
  [
    z.strictObject({
      model: z.literal('subscription'),
      monthlyFee: amountString,
      currency: currencyCode.optional(),
      minimumCommitment: amountString.optional(),
    }),
    z.strictObject({
      model: z.literal('hybrid'),
      monthlyFee: amountString,
      includedUnits: z.record(nameString, unitCount),
      currency: currencyCode.optional(),
      minimumCommitment: amountString.optional(),
    }),
  ],
  { error: 'Unknown plan model; use subscription or hybrid' },
);

const tenantSchema = z.strictObject({
  tier: nameString.optional(),
  plan: nameString.optional(),
  currency: currencyCode.optional(),
  rates: ratesSchema.optional(),
  minimumCommitment: amountString.optional(),
});

/**
 * The whole price book config. Every field is checked, and the checks across
 * fields (bands, duplicates, plan references, currencies, included units) run
 * even when something else is wrong, so one error lists every issue.
 */
export const priceBookConfigSchema = z
  .strictObject({
    currency: currencyCode,
    rates: ratesSchema,
    plans: z.record(nameString, planSchema).optional(),
    tenants: z.record(nameString, tenantSchema).optional(),
  })
  .superRefine(checkPriceBookReferences, always);
