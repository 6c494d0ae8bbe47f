import { type RoundingMode, roundDivide } from '@tollgate/core';
import type { ExactDecimal } from './exact-decimal.js';

/**
 * An exact count of minor units that may have a fraction: `units / 10^scale`
 * minor units. Unit prices may be finer than the currency (`"0.0035"` USD is
 * 0.35 cents, `{ units: 35n, scale: 2 }`); a pricing model computes a whole
 * line in this form and rounds once, at the end ({@link roundExact}).
 */
export interface ExactAmount {
  readonly units: bigint;
  readonly scale: number;
}

/** Zero minor units. */
export const ZERO_AMOUNT: ExactAmount = { units: 0n, scale: 0 };

function rescale(amount: ExactAmount, scale: number): bigint {
  return amount.units * 10n ** BigInt(scale - amount.scale);
}

/**
 * A decimal in major units (`"12.50"`) as minor units of a currency with
 * `exponent` fraction digits: 1250 cents for USD.
 */
export function exactFromMajorUnits(decimal: ExactDecimal, exponent: number): ExactAmount {
  const scale = decimal.scale - exponent;
  return scale >= 0
    ? { units: decimal.digits, scale }
    : { units: decimal.digits * 10n ** BigInt(-scale), scale: 0 };
}

/** Whole minor units as an exact amount. */
export function exactFromMinorUnits(units: bigint): ExactAmount {
  return { units, scale: 0 };
}

/** `a + b`, exactly. */
export function addExact(a: ExactAmount, b: ExactAmount): ExactAmount {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** `amount × count`, exactly (a unit price times a quantity). */
export function multiplyExact(amount: ExactAmount, count: bigint): ExactAmount {
  return { units: amount.units * count, scale: amount.scale };
}

/** `amount × factor`, exactly (a transaction value times a revenue share). */
export function multiplyExactByDecimal(amount: ExactAmount, factor: ExactDecimal): ExactAmount {
  return { units: amount.units * factor.digits, scale: amount.scale + factor.scale };
}

/** `-1`, `0` or `1` as `a` is less than, equal to or greater than `b`. */
export function compareExact(a: ExactAmount, b: ExactAmount): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = rescale(a, scale);
  const right = rescale(b, scale);
  if (left === right) return 0;
  return left < right ? -1 : 1;
}

/** `amount` held between `minimum` and `maximum` (either may be absent). */
export function clampExact(
  amount: ExactAmount,
  minimum: ExactAmount | undefined,
  maximum: ExactAmount | undefined,
): ExactAmount {
  if (minimum !== undefined && compareExact(amount, minimum) < 0) return minimum;
  if (maximum !== undefined && compareExact(amount, maximum) > 0) return maximum;
  return amount;
}

/** Round to whole minor units; `half-even` unless told otherwise. */
export function roundExact(amount: ExactAmount, mode: RoundingMode = 'half-even'): bigint {
  return roundDivide(amount.units, 10n ** BigInt(amount.scale), mode);
}
