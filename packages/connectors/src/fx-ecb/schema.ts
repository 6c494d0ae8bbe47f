import { z } from 'zod';
import {
  currencyCodeSchema,
  DEFAULT_RATE_PRECISION,
  dayCountSchema,
  isoDateSchema,
  percentSchema,
  rateSchema,
} from '../fx/index.js';

/**
 * Settings of an ECB connection. Everything has a default, so `{}` is a valid
 * config: today's rates, no forward quotes, no cache.
 */
export const fxEcbConfig = z.object({
  /**
   * `'latest'` (default) reads the daily file; a date `YYYY-MM-DD` reads the
   * 90-day history (or the full history for older dates) and uses the rates
   * published on that day or, on a weekend or TARGET holiday, the last day before.
   */
  historicalDate: z.union([z.literal('latest'), isoDateSchema]).default('latest'),
  /**
   * Annual simple interest rates in percent per currency, for `forwardQuote`
   * (`{ EUR: '3.90', USD: '5.33' }`). The ECB publishes none: configure the
   * rates you want the indicative forwards to use.
   */
  interestRatesPercent: z.record(currencyCodeSchema, percentSchema).default({}),
  /** Day-count overrides per currency (`{ BRL: 'ACT/365' }`); see `dayCountFor` for the defaults. */
  dayCounts: z.record(currencyCodeSchema, dayCountSchema).default({}),
  /** Significant digits of cross and inverse rates (rounded half-even); default 10. */
  crossRateSignificantDigits: z
    .int()
    .min(6)
    .max(30)
    .default(DEFAULT_RATE_PRECISION.significantDigits),
  /**
   * `'etag'` keeps each file fetched and revalidates it with `If-None-Match` /
   * `If-Modified-Since`, so an unchanged file costs a 304 without a body.
   * Default `'none'`: every call fetches the file again (the cache keeps the
   * parsed files in memory for as long as the config object lives).
   */
  cache: z.enum(['none', 'etag']).default('none'),
});

/** The ECB's files are public: no credentials. */
export const fxEcbCredentials = z.object({});

/** What `history` takes: a base (default EUR), optional currencies, an optional date range. */
export const fxEcbHistoryInput = z
  .object({
    base: currencyCodeSchema.default('EUR'),
    symbols: z.array(currencyCodeSchema).min(1).max(200).optional(),
    /** First day wanted, `YYYY-MM-DD`; before the 90-day window, the full history is read. */
    from: isoDateSchema.optional(),
    /** Last day wanted, `YYYY-MM-DD`. */
    to: isoDateSchema.optional(),
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    error: 'from must not be after to',
    path: ['from'],
  });

/** What `history` answers: one entry per ECB publication day in the range, oldest first. */
export const fxEcbHistoryOutput = z.object({
  base: currencyCodeSchema,
  days: z.array(z.object({ date: isoDateSchema, rates: z.record(z.string(), rateSchema) })),
});

/** A validated ECB config. */
export type FxEcbConfig = z.output<typeof fxEcbConfig>;
/** ECB credentials: none. */
export type FxEcbCredentials = z.output<typeof fxEcbCredentials>;
/** Input of `history` as a caller writes it. */
export type FxEcbHistoryInput = z.input<typeof fxEcbHistoryInput>;
/** Answer of `history`. */
export type FxEcbHistoryOutput = z.output<typeof fxEcbHistoryOutput>;
