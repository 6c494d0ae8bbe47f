import type { ValidationError } from '../errors/index.js';
import { moneyError, numberNotAllowedError } from './money-errors.js';
import { type RoundingMode, roundDivide } from './rounding.js';

/** An exact decimal number: `digits × 10^−scale` (`"-12.50"` is `{ digits: -1250n, scale: 2 }`). */
export interface ExactDecimal {
  readonly digits: bigint;
  readonly scale: number;
}

/**
 * Longest decimal string accepted (sign and point included). A hundred
 * characters hold any real amount or rate; the cap keeps a hostile request body
 * from making us parse a megabyte of digits.
 */
export const MAX_DECIMAL_LENGTH = 100;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `10^exponent` as a bigint. */
export function powerOfTen(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/**
 * Parse a plain decimal string (`"150000.00"`, `"-12.5"`, `"0.001"`, `"1.08725"`)
 * without ever going through a float. Accepted: an optional `-`, digits, and
 * optionally `.` followed by digits. Refused with a `ValidationError` naming the
 * mistake: numbers, empty strings, spaces, commas, exponents (`1e5`), `NaN`,
 * `Infinity`, a leading `+` or `.`, a trailing `.`.
 *
 * `what` names the value in messages (`'amount'`, `'rate'`), `path` in issues.
 */
export function parseExactDecimal(
  value: unknown,
  what: string,
  path: ReadonlyArray<string | number> = [],
): ExactDecimal {
  if (typeof value === 'number') throw numberNotAllowedError(capitalize(what), path);
  if (typeof value !== 'string') {
    throw invalidDecimal(
      `${capitalize(what)} must be a decimal string, not ${typeName(value)}`,
      path,
    );
  }
  if (value.length > MAX_DECIMAL_LENGTH) {
    throw invalidDecimal(
      `${capitalize(what)} is longer than ${MAX_DECIMAL_LENGTH} characters`,
      path,
    );
  }
  const match = DECIMAL.exec(value);
  if (match === null) throw invalidDecimal(describeMistake(value, what), path);
  const [, sign = '', whole = '', fraction = ''] = match;
  return { digits: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
}

/**
 * `decimal` expressed as a count of `10^−scale` units. When that needs rounding,
 * `mode` decides; without a mode the result is `undefined` if the decimal does
 * not fit exactly (trailing zeros always fit: `"12.500"` is 1250 at scale 2).
 */
export function decimalAtScale(
  decimal: ExactDecimal,
  scale: number,
  mode?: RoundingMode,
): bigint | undefined {
  if (decimal.scale <= scale) return decimal.digits * powerOfTen(scale - decimal.scale);
  const divisor = powerOfTen(decimal.scale - scale);
  if (mode !== undefined) return roundDivide(decimal.digits, divisor, mode);
  return decimal.digits % divisor === 0n ? decimal.digits / divisor : undefined;
}

function describeMistake(value: string, what: string): string {
  const subject = `${capitalize(what)}${quoteIfHarmless(value)}`;
  if (value.trim() === '') return `${capitalize(what)} is empty`;
  if (/\s/.test(value)) return `${subject} must not contain spaces`;
  if (value.includes(',')) {
    return `${subject} must not contain commas: no thousands separators, and the decimal separator is '.'`;
  }
  if (/^[-+]?(nan|infinity)$/i.test(value)) return `${subject} is not a finite decimal`;
  if (/^[-+]?[\d.]+e[-+]?\d+$/i.test(value)) {
    return `${subject} must not use exponent notation; write the digits out`;
  }
  return `${subject} is not a plain decimal like "-1234.56" (digits, an optional leading '-', an optional '.' with digits after it)`;
}

/** Echo the input only when it cannot be anything but a malformed number. */
function quoteIfHarmless(value: string): string {
  return value.length <= 40 && /^[\d.,+\-eE \t]*$|^[-+]?(nan|infinity)$/i.test(value)
    ? ` ${JSON.stringify(value)}`
    : '';
}

function invalidDecimal(message: string, path: ReadonlyArray<string | number>): ValidationError {
  return moneyError('invalid_decimal', message, path);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A short name of `value`'s type for messages, never the value itself. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'undefined';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
