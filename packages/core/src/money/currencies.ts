import type { ValidationError } from '../errors/index.js';
import { moneyError } from './money-errors.js';

/**
 * Minor-unit exponents of every active ISO 4217 currency (List One, 2025),
 * sorted by code: `USD: 2` means one dollar is 10^2 minor units.
 *
 * Taken from ISO 4217 itself, not from `Intl`: CLDR's display digits differ for
 * about twenty codes (IQD 3 vs 0, IDR 2 vs 0, HUF 2 vs 0, …), and CLDR lacks fund
 * codes such as CLF, UYW and BOV. Codes with no minor unit in ISO 4217 ("N.A.":
 * XAU, XAG, XPD, XPT, XDR, XSU, XUA, XBA–XBD, XTS, XXX) are left out: they cannot
 * be counted in minor units. Withdrawn codes (HRK, ZWL, …) are left out too.
 */
export const CURRENCY_EXPONENTS = {
  AED: 2,
  AFN: 2,
  ALL: 2,
  AMD: 2,
  AOA: 2,
  ARS: 2,
  AUD: 2,
  AWG: 2,
  AZN: 2,
  BAM: 2,
  BBD: 2,
  BDT: 2,
  BGN: 2,
  BHD: 3,
  BIF: 0,
  BMD: 2,
  BND: 2,
  BOB: 2,
  BOV: 2,
  BRL: 2,
  BSD: 2,
  BTN: 2,
  BWP: 2,
  BYN: 2,
  BZD: 2,
  CAD: 2,
  CDF: 2,
  CHE: 2,
  CHF: 2,
  CHW: 2,
  CLF: 4, // Unidad de Fomento, a unit of account with 4 decimals
  CLP: 0,
  CNY: 2,
  COP: 2,
  COU: 2,
  CRC: 2,
  CUP: 2,
  CVE: 2,
  CZK: 2,
  DJF: 0,
  DKK: 2,
  DOP: 2,
  DZD: 2,
  EGP: 2,
  ERN: 2,
  ETB: 2,
  EUR: 2,
  FJD: 2,
  FKP: 2,
  GBP: 2,
  GEL: 2,
  GHS: 2,
  GIP: 2,
  GMD: 2,
  GNF: 0,
  GTQ: 2,
  GYD: 2,
  HKD: 2,
  HNL: 2,
  HTG: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  IQD: 3, // CLDR (and so Intl) says 0
  IRR: 2,
  ISK: 0,
  JMD: 2,
  JOD: 3,
  JPY: 0,
  KES: 2,
  KGS: 2,
  KHR: 2,
  KMF: 0,
  KPW: 2,
  KRW: 0,
  KWD: 3,
  KYD: 2,
  KZT: 2,
  LAK: 2,
  LBP: 2,
  LKR: 2,
  LRD: 2,
  LSL: 2,
  LYD: 3,
  MAD: 2,
  MDL: 2,
  MGA: 2, // the ariary divides into 5 iraimbilanja; ISO 4217 still lists 2
  MKD: 2,
  MMK: 2,
  MNT: 2,
  MOP: 2,
  MRU: 2, // the ouguiya divides into 5 khoums; ISO 4217 still lists 2
  MUR: 2,
  MVR: 2,
  MWK: 2,
  MXN: 2,
  MXV: 2,
  MYR: 2,
  MZN: 2,
  NAD: 2,
  NGN: 2,
  NIO: 2,
  NOK: 2,
  NPR: 2,
  NZD: 2,
  OMR: 3,
  PAB: 2,
  PEN: 2,
  PGK: 2,
  PHP: 2,
  PKR: 2,
  PLN: 2,
  PYG: 0,
  QAR: 2,
  RON: 2,
  RSD: 2,
  RUB: 2,
  RWF: 0,
  SAR: 2,
  SBD: 2,
  SCR: 2,
  SDG: 2,
  SEK: 2,
  SGD: 2,
  SHP: 2,
  SLE: 2,
  SOS: 2,
  SRD: 2,
  SSP: 2,
  STN: 2,
  SVC: 2,
  SYP: 2,
  SZL: 2,
  THB: 2,
  TJS: 2,
  TMT: 2,
  TND: 3,
  TOP: 2,
  TRY: 2,
  TTD: 2,
  TWD: 2,
  TZS: 2,
  UAH: 2,
  UGX: 0,
  USD: 2,
  USN: 2,
  UYI: 0,
  UYU: 2,
  UYW: 4, // Unidad Previsional, 4 decimals
  UZS: 2,
  VED: 2,
  VES: 2,
  VND: 0,
  VUV: 0,
  WST: 2,
  XAD: 2,
  XAF: 0,
  XCD: 2,
  XCG: 2,
  XOF: 0,
  XPF: 0,
  YER: 2,
  ZAR: 2,
  ZMW: 2,
  ZWG: 2,
} as const satisfies Readonly<Record<string, 0 | 2 | 3 | 4>>;

/** An ISO 4217 code listed in {@link CURRENCY_EXPONENTS}. */
export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

/** True when `code` is an active ISO 4217 code (upper case, e.g. `'USD'`) with minor units. */
export function isCurrencyCode(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && Object.hasOwn(CURRENCY_EXPONENTS, code);
}

/**
 * The ISO 4217 minor-unit exponent of `code` (`USD` → 2, `JPY` → 0, `KWD` → 3,
 * `CLF` → 4). Throws a {@link ValidationError} (issue `unknown_currency`) for a code
 * that is not listed.
 */
export function currencyExponent(code: string): number {
  if (!isCurrencyCode(code)) throw unknownCurrencyError(code);
  return CURRENCY_EXPONENTS[code];
}

/**
 * The error every money function throws for an unknown currency. The message
 * names the code only when it looks like one, so arbitrary input is not echoed.
 */
export function unknownCurrencyError(
  code: unknown,
  path: ReadonlyArray<string | number> = ['currency'],
): ValidationError {
  const shown = typeof code === 'string' && /^[A-Za-z]{3}$/.test(code) ? `'${code}'` : 'the value';
  const hint =
    typeof code === 'string' && isCurrencyCode(code.toUpperCase())
      ? ` (currency codes are upper case: '${code.toUpperCase()}')`
      : '';
  return moneyError(
    'unknown_currency',
    `Unknown currency: ${shown} is not an active ISO 4217 code${hint}`,
    path,
  );
}
