import { convertMoney, type Money, type RoundingMode } from '@tollgate/core';
import { type DecimalRate, formatDecimalRate } from './decimal-rate.js';

/** The rounding of every conversion unless the caller picks another: half-even (banker's rounding). */
export const DEFAULT_CONVERSION_ROUNDING: RoundingMode = 'half-even';

/**
 * Convert `amount` into currency `to` at `rate` (units of `to` per unit of
 * `amount.currency`), rounded once to whole minor units of `to`.
 *
 * All bigint: the result is `round(amount_minor × rate × 10^exp(to) / 10^exp(from))`
 * with the currencies' ISO 4217 exponents (JPY 0, USD 2, BHD 3 …), computed by
 * core's `convertMoney` as one exact fraction and one `roundDivide`. So the
 * result differs from the exact product `amount × rate` by less than one minor
 * unit of `to` (at most half of one with the `half-*` modes), and anyone can
 * reproduce it from the rate the answer states.
 */
export function convertAtRate(
  amount: Money,
  to: string,
  rate: DecimalRate,
  rounding: RoundingMode = DEFAULT_CONVERSION_ROUNDING,
): Money {
  return convertMoney(amount, to, formatDecimalRate(rate), rounding);
}
