import type { RoundingMode } from '@tollgate/core';
import { type DecimalRate, divideToSignificantDigits, powerOfTen } from './decimal-rate.js';

/** How a derived rate (a cross rate, an inverse, a forward) is rounded. */
export interface RatePrecision {
  /** Significant digits kept. Default {@link DEFAULT_RATE_PRECISION}: 10. */
  significantDigits: number;
  /** Rounding of the last kept digit. Default `half-even`. */
  rounding: RoundingMode;
}

/**
 * The precision of every derived rate unless a provider says otherwise:
 * **10 significant digits, rounded half-even**. Reference rates carry 5 or 6
 * significant digits (ECB: `1.0856`, `16976.12`), so ten keep everything the
 * inputs know; the relative error a derived rate adds is at most 5 × 10^−10.
 */
export const DEFAULT_RATE_PRECISION: Readonly<RatePrecision> = Object.freeze({
  significantDigits: 10,
  rounding: 'half-even',
});

/**
 * The rate from currency A to currency B given both against one base C:
 * `cross = (C→B) / (C→A)`, rounded to `precision`. With ECB rates (C = EUR),
 * USD→JPY is EURJPY / EURUSD: on 2024-02-27, 163.04 / 1.0856 =
 * 150.1842299… → `150.1842299` (10 significant digits, half-even).
 */
export function crossRate(
  baseToFrom: DecimalRate,
  baseToTo: DecimalRate,
  precision: RatePrecision = DEFAULT_RATE_PRECISION,
): DecimalRate {
  // (to.digits / 10^to.scale) / (from.digits / 10^from.scale)
  const numerator = baseToTo.digits * powerOfTen(baseToFrom.scale);
  const denominator = baseToFrom.digits * powerOfTen(baseToTo.scale);
  return divideToSignificantDigits(
    numerator,
    denominator,
    precision.significantDigits,
    precision.rounding,
  );
}

/** `1 / rate`, rounded to `precision`: EUR→USD 1.0856 gives USD→EUR `0.9211495947`. */
export function invertRate(
  rate: DecimalRate,
  precision: RatePrecision = DEFAULT_RATE_PRECISION,
): DecimalRate {
  return crossRate(rate, { digits: 1n, scale: 0 }, precision);
}
