/**
 * Parsers and writers of the field values the documentary-credit messages
 * (MT700, MT707, MT720, MT750) share: YYMMDD dates, `3!a15d` amounts as
 * `Money`, the `2n/2n` tolerance, the `3n[/35x]` presentation period,
 * `6!n29x` date and place, `1!n/1!n` sequence, the 40E applicable rules and
 * the 71N charge code (parties are in `party-values.ts`, narratives in
 * `narrative-values.ts`). Each parser returns `undefined` (or a result with a
 * `problem`) for a malformed value instead of throwing, so typed models can
 * be read from what a bank really sent (lenient mode); each writer is the
 * exact inverse on valid values.
 */
import {
  CURRENCY_EXPONENTS,
  isCurrencyCode,
  type Money,
  money,
  ValidationError,
} from '@tollgate/core';
import { isDigitCode, isUpperCode } from '../char-classes.js';

/** The lines of a field value (`\n`-separated; a `\r\n` pair counts as one break). */
export function fieldLines(value: string): string[] {
  return value.split(/\r?\n/);
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/**
 * Two-digit years `00`–`79` are 2000–2079 and `80`–`99` are 1980–1999: the fixed
 * pivot used by FIN applications for YYMMDD dates (SWIFT itself was created in
 * 1973, so no FIN date is before 1980). A fixed pivot, unlike Java's sliding
 * 80/20 window, gives the same answer on every day the code runs.
 */
export const SWIFT_CENTURY_PIVOT = 80;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (MONTH_DAYS[month - 1] as number);
}

/** The two-digit number at `text[from, from + 2)`, or -1 when they are not two digits. */
function twoDigits(text: string, from: number): number {
  const tens = text.charCodeAt(from) - 48;
  const ones = text.charCodeAt(from + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** The year of a two-digit SWIFT year (see {@link SWIFT_CENTURY_PIVOT}). */
function fullYear(yy: number): number {
  return (yy < SWIFT_CENTURY_PIVOT ? 2000 : 1900) + yy;
}

/**
 * True when `text[from, from + 6)` is a real YYMMDD calendar date: the check
 * of {@link parseSwiftDate} without making the ISO string.
 */
export function isSwiftDate(text: string, from = 0): boolean {
  if (text.length < from + 6) return false;
  const yy = twoDigits(text, from);
  const month = twoDigits(text, from + 2);
  const day = twoDigits(text, from + 4);
  return yy >= 0 && month >= 0 && day >= 0 && isValidDate(fullYear(yy), month, day);
}

/**
 * A SWIFT `6!n` date (YYMMDD) as an ISO date string `YYYY-MM-DD`, with the
 * century of {@link SWIFT_CENTURY_PIVOT}: `'240229'` → `'2024-02-29'`,
 * `'991231'` → `'1999-12-31'`. `undefined` when it is not a real calendar date.
 */
export function parseSwiftDate(yymmdd: string): string | undefined {
  if (yymmdd.length !== 6 || !isSwiftDate(yymmdd)) return undefined;
  return `${fullYear(twoDigits(yymmdd, 0))}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/**
 * An ISO date `YYYY-MM-DD` (1980–2079) as a SWIFT YYMMDD date. Throws a
 * `ValidationError` (issue `invalid_date`) for anything else.
 */
export function formatSwiftDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  const year = match ? Number(match[1]) : Number.NaN;
  if (
    match === null ||
    year < 1900 + SWIFT_CENTURY_PIVOT ||
    year >= 2000 + SWIFT_CENTURY_PIVOT ||
    !isValidDate(year, Number(match[2]), Number(match[3]))
  ) {
    throw valueError(
      'invalid_date',
      `Expected an ISO date YYYY-MM-DD between ${1900 + SWIFT_CENTURY_PIVOT} and ${1999 + SWIFT_CENTURY_PIVOT}`,
    );
  }
  return `${isoDate.slice(2, 4)}${isoDate.slice(5, 7)}${isoDate.slice(8, 10)}`;
}

// ---------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------

/** Why a `3!a15d` amount could not become `Money`. */
export type SwiftAmountProblem = 'format' | 'unknown_currency' | 'too_many_fraction_digits';

/** A parsed `3!a15d` currency and amount. */
export interface SwiftAmount {
  /** The three letters as sent. */
  currency: string;
  /** The amount as sent, with its decimal comma (`'100000,'`). */
  decimal: string;
  /** The exact amount, when the currency is known and the decimals fit it. */
  money?: Money;
  /** Why `money` is missing. */
  problem?: SwiftAmountProblem;
}

const SWIFT_DECIMAL = /^(\d+),(\d*)$/;

/**
 * A SWIFT decimal (`'1234,56'`, `'100000,'`) in minor units at `exponent`
 * decimals, exactly (no float): `'1234,5'` at 2 → `123450n`. `undefined` when
 * the text is not a SWIFT decimal or has non-zero digits beyond `exponent`.
 */
export function swiftDecimalToMinor(decimal: string, exponent: number): bigint | undefined {
  const match = SWIFT_DECIMAL.exec(decimal);
  if (match === null) return undefined;
  const whole = match[1] ?? '0';
  let fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    if (!/^0*$/.test(fraction.slice(exponent))) return undefined;
    fraction = fraction.slice(0, exponent);
  }
  return BigInt(whole + fraction.padEnd(exponent, '0'));
}

/** Minor units at `exponent` decimals as a SWIFT decimal with exactly `exponent` fraction digits (`123450n`, 2 → `'1234,50'`; 0 → `'1234,'`). */
export function minorToSwiftDecimal(minor: bigint, exponent: number): string {
  if (minor < 0n) throw valueError('invalid_amount', 'A SWIFT amount cannot be negative');
  const digits = minor.toString().padStart(exponent + 1, '0');
  return exponent === 0 ? `${digits},` : `${digits.slice(0, -exponent)},${digits.slice(-exponent)}`;
}

/**
 * Parse a `3!a15d` value (`'EUR100000,'`) into currency, decimal and, when
 * the ISO 4217 currency is known and the decimals fit its minor units, exact
 * `Money`. `undefined` when the value is not `3!a` followed by a decimal.
 */
export function parseSwiftAmount(value: string): SwiftAmount | undefined {
  const parts = splitSwiftAmount(value);
  return parts === undefined
    ? undefined
    : { ...parts, ...decimalToMoney(parts.currency, parts.decimal) };
}

/**
 * The currency letters and the decimal of a `3!a15d` value, without making
 * `Money` (the cheap form the network rules use); `undefined` when the
 * value is not three letters followed by a decimal with a comma.
 */
export function splitSwiftAmount(value: string): { currency: string; decimal: string } | undefined {
  if (value.length < 5 || !isUpperCode(value.charCodeAt(0))) return undefined;
  if (!isUpperCode(value.charCodeAt(1)) || !isUpperCode(value.charCodeAt(2))) return undefined;
  // Digits, one comma after at least one digit, digits.
  let comma = -1;
  for (let i = 3; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 44 /* , */ && comma === -1 && i > 3) comma = i;
    else if (!isDigitCode(code)) return undefined;
  }
  return comma === -1 ? undefined : { currency: value.slice(0, 3), decimal: value.slice(3) };
}

/** The `Money` of a SWIFT decimal in `currency`, or the problem that prevents it. */
function decimalToMoney(
  currency: string,
  decimal: string,
): { money: Money } | { problem: SwiftAmountProblem } {
  if (!SWIFT_DECIMAL.test(decimal)) return { problem: 'format' };
  if (!isCurrencyCode(currency)) return { problem: 'unknown_currency' };
  const minor = swiftDecimalToMinor(decimal, CURRENCY_EXPONENTS[currency]);
  if (minor === undefined) return { problem: 'too_many_fraction_digits' };
  return { money: money(minor, currency) };
}

/** `Money` as a `3!a15d` value with the currency's decimals: 10000000n EUR → `'EUR100000,00'`. */
export function formatSwiftAmount(value: Money): string {
  if (!isCurrencyCode(value.currency)) {
    throw valueError('unknown_currency', 'The amount has no known ISO 4217 currency');
  }
  return `${value.currency}${minorToSwiftDecimal(value.amount, CURRENCY_EXPONENTS[value.currency])}`;
}

// ---------------------------------------------------------------------------
// Percentages, periods
// ---------------------------------------------------------------------------

/** Field 39A: `2n/2n`, the percentage credit amount tolerance. */
export interface Tolerance {
  plusPercent: number;
  minusPercent: number;
}

const TOLERANCE = /^(\d{1,2})\/(\d{1,2})$/;

/** Parse 39A (`'10/05'` → `{ plusPercent: 10, minusPercent: 5 }`); `undefined` if malformed. */
export function parseTolerance(value: string): Tolerance | undefined {
  const match = TOLERANCE.exec(value);
  if (match === null) return undefined;
  return { plusPercent: Number(match[1]), minusPercent: Number(match[2]) };
}

/** Write 39A: `{ plusPercent: 10, minusPercent: 5 }` → `'10/5'`. Throws for values outside 0–99. */
export function formatTolerance(tolerance: Tolerance): string {
  const { plusPercent, minusPercent } = tolerance;
  for (const percent of [plusPercent, minusPercent]) {
    if (!Number.isInteger(percent) || percent < 0 || percent > 99) {
      throw valueError('invalid_tolerance', 'Tolerance percentages are whole numbers 0–99');
    }
  }
  return `${plusPercent}/${minusPercent}`;
}

/** Field 48 (SR2018+): `3n[/35x]`, days after the date of shipment, optionally with a narrative. */
export interface PresentationPeriod {
  days: number;
  narrative?: string;
}

const PRESENTATION_PERIOD = /^(\d{1,3})(?:\/(.*))?$/s;

/** Parse 48 (`'21/FROM BILL OF LADING DATE'`); `undefined` for the pre-SR2018 free-text form. */
export function parsePresentationPeriod(value: string): PresentationPeriod | undefined {
  const match = PRESENTATION_PERIOD.exec(value);
  if (match === null) return undefined;
  const narrative = match[2];
  return narrative === undefined
    ? { days: Number(match[1]) }
    : { days: Number(match[1]), narrative };
}

/** Write 48: `{ days: 21, narrative: 'X' }` → `'21/X'`. */
export function formatPresentationPeriod(period: PresentationPeriod): string {
  if (!Number.isInteger(period.days) || period.days < 0 || period.days > 999) {
    throw valueError('invalid_period', 'Presentation days are a whole number 0–999');
  }
  return period.narrative === undefined ? `${period.days}` : `${period.days}/${period.narrative}`;
}

/** Field 31D: `6!n29x`, a date and a place. */
export interface DateAndPlace {
  /** ISO date, or `undefined` when the 6 digits are not a valid date. */
  date: string | undefined;
  place: string;
}

/** Parse 31D (`'030730AMSTERDAM'`); `undefined` when it does not start with 6 digits. */
export function parseDateAndPlace(value: string): DateAndPlace | undefined {
  if (!/^\d{6}/.test(value)) return undefined;
  return { date: parseSwiftDate(value.slice(0, 6)), place: value.slice(6) };
}

/** Write 31D from an ISO date and a place. */
export function formatDateAndPlace(value: { date: string; place: string }): string {
  return `${formatSwiftDate(value.date)}${value.place}`;
}

/** Field 27: `1!n/1!n`, message number and total. */
export interface SequenceOfTotal {
  number: number;
  total: number;
}

/** Parse 27 (`'1/1'`); `undefined` if malformed. */
export function parseSequenceOfTotal(value: string): SequenceOfTotal | undefined {
  if (value.length !== 3 || value.charCodeAt(1) !== 47 /* / */) return undefined;
  const number = value.charCodeAt(0) - 48;
  const total = value.charCodeAt(2) - 48;
  return number >= 0 && number <= 9 && total >= 0 && total <= 9 ? { number, total } : undefined;
}

// ---------------------------------------------------------------------------
// Codes with a narrative
// ---------------------------------------------------------------------------

/** Field 40E: the rules the credit is subject to. */
export interface ApplicableRules {
  /** `UCP LATEST VERSION`, `EUCP LATEST VERSION`, `UCPURR LATEST VERSION`, `EUCPURR LATEST VERSION`, `ISP LATEST VERSION` or `OTHR`. */
  rules: string;
  /** With `OTHR` only: the rules, up to 35 characters. */
  narrative?: string;
}

/** Read 40E (`30x[/35x]`). */
export function parseApplicableRules(value: string): ApplicableRules {
  const slash = value.indexOf('/');
  return slash < 0
    ? { rules: value }
    : { rules: value.slice(0, slash), narrative: value.slice(slash + 1) };
}

/** Write 40E. */
export function formatApplicableRules(value: ApplicableRules): string {
  return value.narrative === undefined ? value.rules : `${value.rules}/${value.narrative}`;
}

/** Field 71N: who pays the amendment charges. */
export interface AmendmentCharge {
  /** `APPL` (applicant), `BENE` (beneficiary) or `OTHR`. */
  code: string;
  /** With `OTHR` only: who pays, up to 6 lines of 35. */
  narrative?: string;
}

/** Read 71N (`4!c` then up to 6 lines of narrative). */
export function parseAmendmentCharge(value: string): AmendmentCharge {
  const newline = value.indexOf('\n');
  return newline < 0
    ? { code: value }
    : { code: value.slice(0, newline), narrative: value.slice(newline + 1) };
}

/** An invalid value to write, as a `ValidationError` with one issue `code`. */
function valueError(code: string, message: string): ValidationError {
  return new ValidationError(message, [{ path: [], code, message }]);
}
