/**
 * Money: an exact count of minor units (`bigint`) in an ISO 4217 currency.
 *
 * ## Why this is hand-written and not built on dinero.js
 *
 * The project rule is to use a well-kept library that already does the job, so
 * dinero.js 2.0.2 (with its bigint calculator) was tried first, in a scratch
 * install. What it gives: bigint amounts, the ISO currency objects, `add`,
 * `subtract`, `compare`, `multiply`, `convert`, `allocate`, `toDecimal`, and
 * rounding functions including `halfEven`, for about 15 KB minified (4.5 KB
 * gzipped) of what we would import. What it does not do, or does differently
 * from what Tollgate needs:
 *
 * - no parsing of decimal strings (`"150000.00"` → minor units), the most
 *   error-prone part, which we would have to write anyway;
 * - its currency data is not ISO 4217 exponents for MGA and MRU (base 5,
 *   exponent 1, where ISO 4217 says 2 decimals), and a currency is an object
 *   rather than a code, so it cannot reject an unknown code for us;
 * - `dinero({ amount: 1.5, currency: USD })` is accepted silently on the bigint
 *   build; our rule is that a float is refused with a clear error;
 * - `allocate` gives the remainder to the largest *ratios* first (10 over
 *   1:2:3:4:5:6 → 0,0,2,2,3,3), not to the largest *remainders* (→ 1,1,1,2,2,3),
 *   and decimal ratios raise the result's scale so each part has to be rescaled;
 * - `multiply` and `convert` return a Dinero at a higher scale, to be followed by
 *   `transformScale`; its `up`/`down` mean ceiling/floor, not away from/toward
 *   zero; a currency mismatch is a plain `Error`, not our typed error;
 * - the package is ESM-only; our CommonJS build would lean on Node's
 *   `require(esm)` (workable on Node ≥ 22.12, not a blocker on its own).
 *
 * So every public function would still be ours, wrapping a Dinero object that
 * is not our `Money` shape, and the library would contribute only one-line
 * bigint operations plus a rounding step. The whole module here is a
 * {@link roundDivide} primitive, a strict decimal parser and a sorted ISO 4217
 * table (`currencies.ts`), with no runtime dependency; it is tested against a
 * rounding table, fixed cases and a fast-check property for allocation.
 *
 * @module
 */
import {
  CURRENCY_EXPONENTS,
  type CurrencyCode,
  isCurrencyCode,
  unknownCurrencyError,
} from './currencies.js';
import { decimalAtScale, parseExactDecimal, typeName } from './decimal.js';
import { moneyError, numberNotAllowedError } from './money-errors.js';
import { checkRoundingMode, type RoundingMode } from './rounding.js';

/**
 * An amount of money: an exact count of minor units (cents, fils, yen) and an
 * ISO 4217 currency code. Never a float. Values made by {@link money} are
 * frozen and serialize with `JSON.stringify` as `{"amount":"1250","currency":"USD"}`.
 */
export interface Money {
  /** Minor units: `1250n` USD is $12.50, `1250n` JPY is ¥1,250, `1250n` KWD is 1.250 KWD. */
  readonly amount: bigint;
  /** ISO 4217 code, upper case, e.g. `'USD'`. */
  readonly currency: string;
}

/** Options of {@link parseMoney}. */
export interface ParseMoneyOptions {
  /**
   * Round an amount with more fraction digits than the currency has, instead of
   * refusing it. Without it, `"0.001"` USD is an error.
   */
  rounding?: RoundingMode;
}

/**
 * The one class behind every {@link Money} this module makes: amount and
 * currency are its only own properties (so `{ ...m }`, `toEqual` and
 * `Object.keys` see just those), `toJSON` sits on the prototype, and the
 * instance is frozen. Its private brand lets {@link checkMoney} accept a value
 * made here without checking it again, and cannot be forged by a look-alike object.
 */
class CheckedMoney implements Money {
  readonly amount: bigint;
  readonly currency: string;

  constructor(amount: bigint, currency: string) {
    this.amount = amount;
    this.currency = currency;
    Object.freeze(this);
  }

  /** True for values made by this class only. */
  static madeHere(value: object): value is CheckedMoney {
    return #brand in value;
  }

  #brand(): void {}

  toJSON(): { amount: string; currency: string } {
    return { amount: this.amount.toString(), currency: this.currency };
  }

  /** How Node's `console.log` and `util.inspect` show it: a plain `{ amount, currency }`. */
  [Symbol.for('nodejs.util.inspect.custom')](): { amount: bigint; currency: string } {
    return { amount: this.amount, currency: this.currency };
  }
}

/** Make a frozen {@link Money} from a bigint and a currency code both already checked. */
export function createCheckedMoney(amount: bigint, currency: string): Money {
  return new CheckedMoney(amount, currency);
}

/**
 * Make a {@link Money} from minor units: `money(1250n, 'USD')` is $12.50.
 * Throws a `ValidationError` for a JS number (`number_not_allowed`: money is
 * never a float), any other non-bigint (`invalid_amount`) or an unknown code
 * (`unknown_currency`).
 */
export function money(amount: bigint, currency: string): Money {
  return checkMoney({ amount, currency });
}

/** True when `value` is a {@link Money}: a bigint amount and a known ISO 4217 code. */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  return typeof amount === 'bigint' && isCurrencyCode(currency);
}

/**
 * Return `value` as a frozen {@link Money}, or throw the `ValidationError` that
 * says what is wrong with it. Every money function checks its inputs this way,
 * so a plain object from JavaScript with a number amount is refused, not used.
 */
export function checkMoney(value: unknown, path: ReadonlyArray<string | number> = []): Money {
  if (typeof value === 'object' && value !== null && CheckedMoney.madeHere(value)) return value;
  if (typeof value !== 'object' || value === null) {
    throw moneyError(
      'invalid_amount',
      `Expected money ({ amount: bigint, currency: string }), not ${typeName(value)}`,
      path,
    );
  }
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  if (typeof amount === 'number') throw numberNotAllowedError('Amount', [...path, 'amount']);
  if (typeof amount !== 'bigint') {
    throw moneyError(
      'invalid_amount',
      `Amount must be a bigint count of minor units, not ${typeName(amount)}`,
      [...path, 'amount'],
    );
  }
  if (!isCurrencyCode(currency)) throw unknownCurrencyError(currency, [...path, 'currency']);
  return createCheckedMoney(amount, currency);
}

/**
 * Parse a decimal string in major units into {@link Money} without floats:
 * `parseMoney('150000.00', 'BDT')` is 15000000n, `parseMoney('0.001', 'KWD')` is 1n,
 * `parseMoney('-12.5', 'USD')` is -1250n.
 *
 * The grammar is strict: an optional `-`, digits, optionally `.` and digits.
 * Refused (`ValidationError`): JS numbers, bigints, empty strings, spaces,
 * commas, exponents (`1e5`), `NaN`, `Infinity`. More fraction digits than the
 * currency has are refused (`too_many_fraction_digits`) unless they are zeros
 * (`"12.500"` USD is exact) or `options.rounding` says how to round.
 */
export function parseMoney(
  decimal: string,
  currency: string,
  options: ParseMoneyOptions = {},
): Money {
  if (!isCurrencyCode(currency)) throw unknownCurrencyError(currency);
  const { rounding } = options;
  if (rounding !== undefined) checkRoundingMode(rounding);
  if (typeof decimal === 'bigint') {
    throw moneyError(
      'invalid_decimal',
      'parseMoney takes a decimal string in major units such as "12.50"; ' +
        'for a bigint that is already in minor units use money(amount, currency)',
      ['amount'],
    );
  }
  const parsed = parseExactDecimal(decimal, 'amount', ['amount']);
  const exponent = CURRENCY_EXPONENTS[currency];
  const minor = decimalAtScale(parsed, exponent, rounding);
  if (minor === undefined) {
    throw moneyError(
      'too_many_fraction_digits',
      `Amount "${decimal}" has ${parsed.scale} fraction digits but ${currency} has ${exponent}; ` +
        'pass { rounding } to round it',
      ['amount'],
    );
  }
  return createCheckedMoney(minor, currency);
}

/**
 * The amount as a plain decimal string in major units with exactly the
 * currency's number of fraction digits: `"150000.00"` for 15000000n BDT,
 * `"1250"` for 1250n JPY, `"-0.005"` for -5n KWD. The inverse of {@link parseMoney}.
 */
export function toDecimalString(m: Money): string {
  const { amount, currency } = checkMoney(m);
  const exponent = currencyExponentOf(currency);
  const sign = amount < 0n ? '-' : '';
  const digits = (amount < 0n ? -amount : amount).toString();
  if (exponent === 0) return `${sign}${digits}`;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/** The exponent of a currency already known to be valid. */
export function currencyExponentOf(currency: string): number {
  return CURRENCY_EXPONENTS[currency as CurrencyCode];
}
