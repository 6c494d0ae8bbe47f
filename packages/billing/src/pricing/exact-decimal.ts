/**
 * An exact decimal number, `digits × 10^−scale`: `"0.005"` is `{ digits: 5n, scale: 3 }`.
 * Config values (prices, shares, tax rates) are parsed into this, never into a float.
 */
export interface ExactDecimal {
  readonly digits: bigint;
  readonly scale: number;
}

/** A plain decimal string: optional `-`, digits, optionally `.` and digits (`"12.50"`, `"-0.005"`). */
export const DECIMAL_PATTERN = /^-?\d+(?:\.\d+)?$/;

/** Longest decimal string accepted, so a hostile config cannot make us parse a megabyte of digits. */
export const MAX_DECIMAL_LENGTH = 100;

/**
 * Parse a decimal string that already matched {@link DECIMAL_PATTERN}. Callers
 * validate first (the config schemas do); this throws a `TypeError` for
 * anything else, as a programming error.
 */
export function parseDecimal(value: string): ExactDecimal {
  if (value.length > MAX_DECIMAL_LENGTH || !DECIMAL_PATTERN.test(value)) {
    throw new TypeError('parseDecimal takes a validated decimal string');
  }
  const negative = value.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = BigInt(`${whole}${fraction}`);
  return { digits: negative ? -digits : digits, scale: fraction.length };
}

/** The number of digits after the decimal point of a decimal string, ignoring trailing zeros. */
export function significantFractionDigits(value: string): number {
  const fraction = value.split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length;
}

/** `-1`, `0` or `1` as `a` is less than, equal to or greater than `b`. */
export function compareDecimals(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = a.digits * 10n ** BigInt(scale - a.scale);
  const right = b.digits * 10n ** BigInt(scale - b.scale);
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
