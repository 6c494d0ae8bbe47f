import {
  isCurrencyCode,
  isMoney,
  type Money,
  money,
  ROUNDING_MODES,
  type RoundingMode,
} from '@tollgate/core';
import { z } from 'zod';
import { DAY_COUNTS, type DayCount, isIsoDate } from './day-count.js';
import { MAX_RATE_LENGTH, RATE_PATTERN, SIGNED_DECIMAL_PATTERN } from './decimal-rate.js';

/** Most digits an amount in minor units may have: far beyond any real amount, and it bounds the work. */
export const MAX_AMOUNT_DIGITS = 40;

/** An active ISO 4217 code with minor units, upper case (`EUR`, `JPY`, `BHD`). */
export const currencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an upper-case ISO 4217 code such as EUR')
  .refine((code): boolean => isCurrencyCode(code), 'must be an active ISO 4217 currency code');

/** A calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .refine((text): boolean => isIsoDate(text), 'must be a calendar date written YYYY-MM-DD');

/** A rate: a positive plain decimal string (`"1.0856"`), exact, never a float. */
export const rateSchema = z
  .string()
  .max(MAX_RATE_LENGTH)
  .regex(RATE_PATTERN, 'must be a positive decimal string such as "1.0856"')
  .refine((text) => /[1-9]/.test(text), 'must be greater than zero');

/** An annual interest rate in percent as a decimal string (`"5.33"`, `"-0.75"`). */
export const percentSchema = z
  .string()
  .max(MAX_RATE_LENGTH)
  .regex(SIGNED_DECIMAL_PATTERN, 'must be a decimal string in percent, such as "5.33"');

/** A rounding mode of core's money helpers; the FX default is `half-even`. */
export const roundingSchema = z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]);

/** A money-market day count: `ACT/360` or `ACT/365`. */
export const dayCountSchema = z.enum(DAY_COUNTS as [DayCount, ...DayCount[]]);

const MAX_MINOR_UNITS = 10n ** BigInt(MAX_AMOUNT_DIGITS);

const minorUnits = z.union(
  [
    z
      .bigint()
      .refine(
        (amount) => -MAX_MINOR_UNITS < amount && amount < MAX_MINOR_UNITS,
        `must have at most ${MAX_AMOUNT_DIGITS} digits`,
      ),
    z
      .string()
      .regex(
        new RegExp(`^-?\\d{1,${MAX_AMOUNT_DIGITS}}$`),
        `must be whole minor units, at most ${MAX_AMOUNT_DIGITS} digits`,
      ),
  ],
  {
    error:
      'amount must be minor units as a string ("125000") or a bigint (125000n), never a JS number',
  },
);

/**
 * Money as the FX operations take it: `{ amount, currency }` with `amount` in
 * minor units as a string of digits (`"125000"` USD is $1,250.00) or a bigint.
 * A core `Money` fits as is. Parsed into a core `Money`.
 */
export const moneyInputSchema = z
  .object({ amount: minorUnits, currency: currencyCodeSchema })
  .transform(({ amount, currency }): Money => money(BigInt(amount), currency));

/**
 * A core `Money` in an answer (bigint minor units). It serializes with
 * `JSON.stringify` as `{"amount":"125000","currency":"USD"}`.
 */
export const moneySchema = z.custom<Money>(isMoney, {
  error: 'must be Money: { amount: bigint minor units, currency: ISO 4217 code }',
});

/** What `rates` takes: a base currency and, optionally, which currencies to quote. */
export const fxRatesInput = z.object({
  base: currencyCodeSchema,
  /** Currencies to quote; default every currency the provider publishes. */
  symbols: z.array(currencyCodeSchema).min(1).max(200).optional(),
});

/** What `rates` answers: units of each currency per one unit of `base`, on `date`. */
export const fxRatesOutput = z.object({
  base: currencyCodeSchema,
  /** The date the provider's rates are for (`YYYY-MM-DD`). */
  date: isoDateSchema,
  rates: z.record(z.string(), rateSchema),
});

/** What `convert` takes. */
export const fxConvertInput = z.object({
  amount: moneyInputSchema,
  to: currencyCodeSchema,
  /** How the result is rounded to whole minor units of `to`; default `half-even`. */
  rounding: roundingSchema.default('half-even'),
});

/** What `convert` answers: `to = round(from × rate)` in whole minor units of `to`. */
export const fxConvertOutput = z.object({
  from: moneySchema,
  to: moneySchema,
  /** Units of `to.currency` per unit of `from.currency`, exactly as applied. */
  rate: rateSchema,
  /** The date of the reference rates the rate comes from. */
  rateDate: isoDateSchema,
  rounding: roundingSchema,
});

/** A currency pair `BASE/QUOTE` (`EUR/USD`: USD per EUR). */
export const currencyPairSchema = z
  .string()
  .regex(/^[A-Z]{3}\/[A-Z]{3}$/, 'must be a currency pair such as EUR/USD')
  .refine(
    (pair) => pair.split('/').every((code) => isCurrencyCode(code)),
    'both sides must be active ISO 4217 codes',
  );

/** What `forwardQuote` takes: the pair, an amount in the pair's base currency, a value date. */
export const fxForwardQuoteInput = z
  .object({
    pair: currencyPairSchema,
    amount: moneyInputSchema,
    valueDate: isoDateSchema,
    /** How `counterAmount` is rounded; default `half-even`. */
    rounding: roundingSchema.default('half-even'),
  })
  .refine((input) => input.amount.currency === input.pair.slice(0, 3), {
    error: "amount must be in the pair's base currency (EUR for EUR/USD)",
    path: ['amount', 'currency'],
  });

const legSchema = z.object({
  currency: currencyCodeSchema,
  /** Annual simple interest rate in percent, as configured. */
  ratePercent: percentSchema,
  dayCount: dayCountSchema,
});

/**
 * What `forwardQuote` answers: an **indicative** outright forward by covered
 * interest parity from the spot reference rate and configured interest rates,
 * not a dealable price.
 */
export const fxForwardQuoteOutput = z.object({
  /** Always true: derived from reference and configured rates, not a dealer's price. */
  indicative: z.literal(true),
  method: z.literal('covered-interest-parity'),
  pair: currencyPairSchema,
  spotRate: rateSchema,
  spotDate: isoDateSchema,
  valueDate: isoDateSchema,
  /** Actual days from `spotDate` to `valueDate`. */
  days: z.int().positive(),
  forwardRate: rateSchema,
  /** `forwardRate − spotRate`, exact, signed, in rate units. */
  forwardPoints: z.string().regex(SIGNED_DECIMAL_PATTERN),
  interestRates: z.object({ base: legSchema, quote: legSchema }),
  /** The amount quoted, in the base currency. */
  amount: moneySchema,
  /** `round(amount × forwardRate)` in the quote currency. */
  counterAmount: moneySchema,
  rounding: roundingSchema,
});

/** Input of `rates` as a caller writes it. */
export type FxRatesInput = z.input<typeof fxRatesInput>;
/** Answer of `rates`. */
export type FxRatesOutput = z.output<typeof fxRatesOutput>;
/** Input of `convert` as a caller writes it. */
export type FxConvertInput = z.input<typeof fxConvertInput>;
/** Answer of `convert`. */
export type FxConvertOutput = z.output<typeof fxConvertOutput>;
/** Input of `forwardQuote` as a caller writes it. */
export type FxForwardQuoteInput = z.input<typeof fxForwardQuoteInput>;
/** Answer of `forwardQuote`. */
export type FxForwardQuoteOutput = z.output<typeof fxForwardQuoteOutput>;
/** Money as FX operations take it: minor units as a string or bigint. */
export type MoneyInput = z.input<typeof moneyInputSchema>;
