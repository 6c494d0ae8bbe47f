import { type RoundingMode, roundDivide, ValidationError } from '@tollgate/core';

/**
 * An exact, positive exchange rate: `digits × 10^−scale`. `"1.0856"` is
 * `{ digits: 10856n, scale: 4 }`; `"0.85620"` keeps its trailing zero as
 * `{ digits: 85620n, scale: 5 }`, so a published rate prints back unchanged.
 * Rates never go through a float.
 */
export interface DecimalRate {
  readonly digits: bigint;
  readonly scale: number;
}

/** A rate as the FX contract carries it: a positive plain decimal string (`"1.0856"`, `"161"`). */
export const RATE_PATTERN = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** Longest rate string accepted; forty characters hold any real rate many times over. */
export const MAX_RATE_LENGTH = 40;

/** A signed plain decimal string (`"-0.5"`, `"5.33"`), as interest rates are configured. */
export const SIGNED_DECIMAL_PATTERN = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** `10^exponent` as a bigint. */
export function powerOfTen(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/**
 * Parse a positive decimal string into a {@link DecimalRate} without floats.
 * Throws a `ValidationError` (issue `invalid_rate`) for anything else: numbers,
 * exponents, signs, commas, zero. `what` names the value in the message.
 */
export function parseDecimalRate(
  text: unknown,
  what = 'rate',
  path: ReadonlyArray<string | number> = [],
): DecimalRate {
  if (typeof text !== 'string' || text.length > MAX_RATE_LENGTH || !RATE_PATTERN.test(text)) {
    throw new ValidationError(`The ${what} must be a positive decimal string such as "1.0856"`, [
      { path, code: 'invalid_rate', message: `${what} is not a positive decimal string` },
    ]);
  }
  const [whole = '', fraction = ''] = text.split('.');
  const digits = BigInt(`${whole}${fraction}`);
  if (digits === 0n) {
    throw new ValidationError(`The ${what} must be greater than zero`, [
      { path, code: 'invalid_rate', message: `${what} must be greater than zero` },
    ]);
  }
  return { digits, scale: fraction.length };
}

/** Parse a signed decimal string (`"-0.25"`) into `digits × 10^−scale`; `undefined` when it is not one. */
export function parseSignedDecimal(text: string): { digits: bigint; scale: number } | undefined {
  if (text.length > MAX_RATE_LENGTH || !SIGNED_DECIMAL_PATTERN.test(text)) return undefined;
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = BigInt(`${whole}${fraction}`);
  return { digits: negative ? -digits : digits, scale: fraction.length };
}

/**
 * Print `digits × 10^−scale` as a plain decimal string with exactly `scale`
 * fraction digits: `(10856n, 4)` → `"1.0856"`, `(-5n, 3)` → `"-0.005"`.
 */
export function formatDecimal(digits: bigint, scale: number): string {
  const sign = digits < 0n ? '-' : '';
  const text = (digits < 0n ? -digits : digits).toString();
  if (scale === 0) return `${sign}${text}`;
  const padded = text.padStart(scale + 1, '0');
  return `${sign}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** Print a {@link DecimalRate} as a decimal string, keeping its scale (`"0.85620"`). */
export function formatDecimalRate(rate: DecimalRate): string {
  return formatDecimal(rate.digits, rate.scale);
}

/** The same value with trailing fraction zeros removed: `2.5000` → `2.5`, `17000` stays `17000`. */
export function stripTrailingZeros(rate: DecimalRate): DecimalRate {
  let { digits, scale } = rate;
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale -= 1;
  }
  return { digits, scale };
}

/** True when two rates are the same number, whatever their scales. */
export function sameRate(a: DecimalRate, b: DecimalRate): boolean {
  return a.digits * powerOfTen(b.scale) === b.digits * powerOfTen(a.scale);
}

/**
 * The positive fraction `numerator / denominator` rounded to
 * `significantDigits` significant digits by `mode`, trailing zeros removed:
 * `divideToSignificantDigits(1n, 3n, 4, 'half-even')` is `0.3333`,
 * `(169917n, 10n, 3, …)` is `17000`. Exact for any size of bigint; the one
 * rounding step is core's `roundDivide`.
 */
export function divideToSignificantDigits(
  numerator: bigint,
  denominator: bigint,
  significantDigits: number,
  mode: RoundingMode,
): DecimalRate {
  if (numerator <= 0n || denominator <= 0n) {
    throw new RangeError('divideToSignificantDigits takes a positive fraction');
  }
  if (!Number.isInteger(significantDigits) || significantDigits < 1) {
    throw new RangeError('significantDigits must be a whole number of at least 1');
  }
  // 10^magnitude ≤ numerator / denominator < 10^(magnitude + 1)
  const magnitude = decimalMagnitude(numerator, denominator);
  const scale = significantDigits - 1 - magnitude;
  if (scale >= 0) {
    const digits = roundDivide(numerator * powerOfTen(scale), denominator, mode);
    return stripTrailingZeros({ digits, scale });
  }
  const digits = roundDivide(numerator, denominator * powerOfTen(-scale), mode);
  return { digits: digits * powerOfTen(-scale), scale: 0 };
}

/** The integer `m` with `10^m ≤ n / d < 10^(m+1)`, for positive `n` and `d`. */
function decimalMagnitude(n: bigint, d: bigint): number {
  const guess = n.toString().length - d.toString().length; // n/d lies in [10^(guess−1), 10^(guess+1))
  const atLeast = guess >= 0 ? n >= d * powerOfTen(guess) : n * powerOfTen(-guess) >= d;
  return atLeast ? guess : guess - 1;
}
