import type { z } from 'zod';
import { convertAtRate } from './conversion.js';
import { crossRate, DEFAULT_RATE_PRECISION, invertRate, type RatePrecision } from './cross-rate.js';
import { type DayCount, dayCountFor, daysBetween } from './day-count.js';
import { type DecimalRate, formatDecimalRate, parseSignedDecimal } from './decimal-rate.js';
import { forwardPoints, forwardRate } from './forward.js';
import { type FxErrorContext, fxValidationError, unsupportedCurrencyError } from './fx-errors.js';
import type {
  FxConvertOutput,
  FxForwardQuoteOutput,
  FxRatesOutput,
  fxConvertInput,
  fxForwardQuoteInput,
  fxRatesInput,
} from './schema.js';

/**
 * One day of reference rates against one base currency, as a provider
 * publishes them: the ECB's daily file is `{ provider: 'ECB', base: 'EUR',
 * date: '2024-02-27', rates: { USD: 1.0856, JPY: 163.04, … } }` (exact decimals).
 * Every FX provider that publishes such a table gets `rates`, `convert` and
 * `forwardQuote` from the functions of this module.
 */
export interface ReferenceRates {
  /** Who publishes the rates, for messages (`ECB`). */
  provider: string;
  /** The currency every rate is quoted against. */
  base: string;
  /** The day the rates are for, `YYYY-MM-DD`. */
  date: string;
  /** Units of each currency per one unit of `base`, exactly as published; `base` itself is not listed. */
  rates: Readonly<Record<string, DecimalRate>>;
}

/** Options shared by the reference-rate operations. */
export interface ReferenceRateOptions {
  /** Rounding of derived (cross and inverse) rates; default 10 significant digits, half-even. */
  precision?: RatePrecision;
  /** Connector and operation named in errors. */
  context?: FxErrorContext;
}

/** Options of {@link forwardQuoteWithReferenceRates}. */
export interface ForwardQuoteOptions extends ReferenceRateOptions {
  /** Annual simple interest rates in percent per currency (`{ EUR: '3.90', USD: '5.33' }`). */
  interestRatesPercent: Readonly<Record<string, string>>;
  /** Day-count overrides per currency; others follow `dayCountFor`. */
  dayCounts?: Readonly<Record<string, DayCount>>;
}

/**
 * Longest forward quoted, in days from the spot date: two years. Simple
 * money-market interest stops being a fair model beyond that.
 */
export const MAX_FORWARD_DAYS = 731;

/** Every currency the table can price: its base and each published currency. */
export function supportedCurrencies(table: ReferenceRates): string[] {
  return [table.base, ...Object.keys(table.rates)];
}

/** Throw the `unsupported_currency` error unless `table` can price `currency`. */
export function assertSupported(
  table: ReferenceRates,
  currency: string,
  path: ReadonlyArray<string | number>,
  context: FxErrorContext = {},
): void {
  if (currency === table.base || Object.hasOwn(table.rates, currency)) return;
  throw unsupportedCurrencyError(currency, supportedCurrencies(table), {
    provider: table.provider,
    path,
    ...context,
  });
}

/**
 * Units of `to` per unit of `from` from the table. Exact when `from` is the
 * table's base (the published rate) or equals `to` (1); otherwise a cross rate
 * `(base→to) / (base→from)` rounded to `precision`. Both currencies must be
 * supported (check with {@link assertSupported} first).
 */
export function rateBetween(
  table: ReferenceRates,
  from: string,
  to: string,
  precision: RatePrecision = DEFAULT_RATE_PRECISION,
): DecimalRate {
  if (from === to) return { digits: 1n, scale: 0 };
  if (from === table.base) return publishedRate(table, to);
  const baseToFrom = publishedRate(table, from);
  if (to === table.base) return invertRate(baseToFrom, precision);
  return crossRate(baseToFrom, publishedRate(table, to), precision);
}

function publishedRate(table: ReferenceRates, currency: string): DecimalRate {
  const rate = Object.hasOwn(table.rates, currency) ? table.rates[currency] : undefined;
  if (rate === undefined) throw new RangeError(`${currency} is not in the ${table.provider} table`);
  return rate;
}

/**
 * Answer `rates({ base, symbols })` from a table: every requested currency
 * (default: all the table prices, except `base`) per one unit of `base`.
 * Rates against the table's own base are returned as published; others are
 * cross rates at `precision`. An unsupported currency is a `ValidationError`
 * (`unsupported_currency`).
 */
export function quoteRates(
  table: ReferenceRates,
  input: z.output<typeof fxRatesInput>,
  options: ReferenceRateOptions = {},
): FxRatesOutput {
  const context = options.context ?? {};
  assertSupported(table, input.base, ['input', 'base'], context);
  input.symbols?.forEach((symbol, index) => {
    assertSupported(table, symbol, ['input', 'symbols', index], context);
  });
  const symbols = input.symbols ?? supportedCurrencies(table).filter((c) => c !== input.base);
  const rates: Record<string, string> = {};
  for (const symbol of symbols) {
    rates[symbol] = formatDecimalRate(rateBetween(table, input.base, symbol, options.precision));
  }
  return { base: input.base, date: table.date, rates };
}

/**
 * Answer `convert({ amount, to, rounding })` from a table: the rate from
 * {@link rateBetween}, then `to = round(amount × rate)` in whole minor units
 * of `to` (see `convertAtRate`), all bigint.
 */
export function convertWithReferenceRates(
  table: ReferenceRates,
  input: z.output<typeof fxConvertInput>,
  options: ReferenceRateOptions = {},
): FxConvertOutput {
  const context = options.context ?? {};
  assertSupported(table, input.amount.currency, ['input', 'amount', 'currency'], context);
  assertSupported(table, input.to, ['input', 'to'], context);
  const rate = rateBetween(table, input.amount.currency, input.to, options.precision);
  return {
    from: input.amount,
    to: convertAtRate(input.amount, input.to, rate, input.rounding),
    rate: formatDecimalRate(rate),
    rateDate: table.date,
    rounding: input.rounding,
  };
}

/**
 * Answer `forwardQuote({ pair, amount, valueDate })` from a table and
 * configured interest rates: the spot rate of the pair from
 * {@link rateBetween}, the forward by covered interest parity (`forwardRate`)
 * over the actual days from the table's date to `valueDate`, and the amount
 * converted at the forward rate. Indicative only.
 *
 * `ValidationError`s: `unsupported_currency`, `interest_rate_not_configured`
 * (a leg's rate is missing from `interestRatesPercent`), `invalid_value_date`
 * (not after the spot date, or more than {@link MAX_FORWARD_DAYS} after it),
 * `invalid_interest_rate` (a rate of −100 % a year or below).
 */
export function forwardQuoteWithReferenceRates(
  table: ReferenceRates,
  input: z.output<typeof fxForwardQuoteInput>,
  options: ForwardQuoteOptions,
): FxForwardQuoteOutput {
  const context = options.context ?? {};
  const [base = '', quote = ''] = input.pair.split('/');
  assertSupported(table, base, ['input', 'pair'], context);
  assertSupported(table, quote, ['input', 'pair'], context);
  const days = daysBetween(table.date, input.valueDate);
  if (days < 1 || days > MAX_FORWARD_DAYS) {
    throw fxValidationError(
      'invalid_value_date',
      days < 1
        ? `The value date must be after the spot date ${table.date}`
        : `The value date may be at most ${MAX_FORWARD_DAYS} days after the spot date ${table.date}`,
      ['input', 'valueDate'],
      context,
      { spot_date: table.date },
    );
  }
  const baseLeg = interestLeg(base, options, context);
  const quoteLeg = interestLeg(quote, options, context);
  const spot = rateBetween(table, base, quote, options.precision);
  const forward = forwardRate({
    spot,
    days,
    baseRatePercent: baseLeg.rate,
    baseDayCount: baseLeg.dayCount,
    quoteRatePercent: quoteLeg.rate,
    quoteDayCount: quoteLeg.dayCount,
    ...(options.precision ? { precision: options.precision } : {}),
  });
  if (forward === undefined) {
    throw fxValidationError(
      'invalid_interest_rate',
      `An interest rate of ${base} or ${quote} is −100 % a year or below`,
      ['config', 'interestRatesPercent'],
      context,
    );
  }
  return {
    indicative: true,
    method: 'covered-interest-parity',
    pair: input.pair,
    spotRate: formatDecimalRate(spot),
    spotDate: table.date,
    valueDate: input.valueDate,
    days,
    forwardRate: formatDecimalRate(forward),
    forwardPoints: forwardPoints(spot, forward),
    interestRates: {
      base: { currency: base, ratePercent: baseLeg.text, dayCount: baseLeg.dayCount },
      quote: { currency: quote, ratePercent: quoteLeg.text, dayCount: quoteLeg.dayCount },
    },
    amount: input.amount,
    counterAmount: convertAtRate(input.amount, quote, forward, input.rounding),
    rounding: input.rounding,
  };
}

function interestLeg(currency: string, options: ForwardQuoteOptions, context: FxErrorContext) {
  const text = Object.hasOwn(options.interestRatesPercent, currency)
    ? options.interestRatesPercent[currency]
    : undefined;
  const rate = text === undefined ? undefined : parseSignedDecimal(text);
  if (text === undefined || rate === undefined) {
    throw fxValidationError(
      'interest_rate_not_configured',
      `No interest rate is configured for ${currency}; set interestRatesPercent.${currency} (percent a year, e.g. "3.90")`,
      ['config', 'interestRatesPercent', currency],
      context,
      { currency },
    );
  }
  return { text, rate, dayCount: dayCountFor(currency, options.dayCounts) };
}
