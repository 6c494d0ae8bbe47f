import { DEFAULT_RATE_PRECISION, type RatePrecision } from './cross-rate.js';
import { type DayCount, daysInYear } from './day-count.js';
import {
  type DecimalRate,
  divideToSignificantDigits,
  formatDecimal,
  powerOfTen,
} from './decimal-rate.js';

/** A simple annual interest rate in percent, exact: `"5.33"` is `{ digits: 533n, scale: 2 }`. */
export interface PercentRate {
  readonly digits: bigint;
  readonly scale: number;
}

/** What {@link forwardRate} needs: the spot rate of BASE/QUOTE, both legs' rates and day counts, the days. */
export interface ForwardRateInput {
  /** Units of the quote currency per unit of the base currency, for the spot date. */
  spot: DecimalRate;
  /** Actual days from the spot date to the value date; at least 1. */
  days: number;
  /** The base currency's annual interest rate, percent, simple interest. */
  baseRatePercent: PercentRate;
  baseDayCount: DayCount;
  /** The quote currency's annual interest rate, percent, simple interest. */
  quoteRatePercent: PercentRate;
  quoteDayCount: DayCount;
  /** Rounding of the result; default 10 significant digits, half-even. */
  precision?: RatePrecision;
}

/**
 * The outright forward rate by covered interest parity, with simple
 * (money-market) interest on each leg:
 *
 * `forward = spot × (1 + r_quote × days / Y_quote) / (1 + r_base × days / Y_base)`
 *
 * where `r` is the annual rate as a fraction (percent / 100) and `Y` is 360 or
 * 365 by the currency's day count. The whole expression is one exact fraction
 * of bigints, rounded once to `precision` (default 10 significant digits,
 * half-even). Returns `undefined` when a leg's growth factor `1 + r × t` is
 * zero or negative (an interest rate at or below −100 % a year).
 *
 * Hand check: spot EUR/USD 1.0856, 90 days, EUR 3.90 % and USD 5.33 %, both
 * ACT/360: 1.0856 × 1.013325 / 1.00975 = 1.08944354543…, i.e. `1.089443545`.
 */
export function forwardRate(input: ForwardRateInput): DecimalRate | undefined {
  const { spot, baseRatePercent: rb, quoteRatePercent: rq } = input;
  if (!Number.isInteger(input.days) || input.days < 1) {
    throw new RangeError('forwardRate needs a whole number of days, at least 1');
  }
  const days = BigInt(input.days);
  // 1 + (r / 100) × days / Y  ==  (100 × 10^s × Y + r.digits × days) / (100 × 10^s × Y)
  const quoteUnit = 100n * powerOfTen(rq.scale) * daysInYear(input.quoteDayCount);
  const baseUnit = 100n * powerOfTen(rb.scale) * daysInYear(input.baseDayCount);
  const quoteGrowth = quoteUnit + rq.digits * days;
  const baseGrowth = baseUnit + rb.digits * days;
  if (quoteGrowth <= 0n || baseGrowth <= 0n) return undefined;
  const numerator = spot.digits * quoteGrowth * baseUnit;
  const denominator = powerOfTen(spot.scale) * quoteUnit * baseGrowth;
  const precision = input.precision ?? DEFAULT_RATE_PRECISION;
  return divideToSignificantDigits(
    numerator,
    denominator,
    precision.significantDigits,
    precision.rounding,
  );
}

/** `forward − spot` as an exact signed decimal string: the forward points in rate units (`"0.003843545"`). */
export function forwardPoints(spot: DecimalRate, forward: DecimalRate): string {
  const scale = Math.max(spot.scale, forward.scale);
  const difference =
    forward.digits * powerOfTen(scale - forward.scale) -
    spot.digits * powerOfTen(scale - spot.scale);
  return formatDecimal(difference, scale);
}
