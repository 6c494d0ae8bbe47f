import { describe, expect, it } from 'vitest';
import {
  CURRENCY_EXPONENTS,
  currencyExponent,
  formatMoney,
  isCurrencyCode,
  money,
} from '../src/money/index.js';
import { issueCodeOf } from './fixtures/issue-code.js';

describe('ISO 4217 exponents', () => {
  it.each([
    ['BDT', 2],
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['JOD', 3],
    ['OMR', 3],
    ['TND', 3],
    ['IQD', 3],
    ['LYD', 3],
    ['CLF', 4],
    ['UYW', 4],
    ['ISK', 0],
    ['KRW', 0],
    ['VND', 0],
    ['XOF', 0],
    ['XAF', 0],
    ['HUF', 2],
    ['IDR', 2],
  ])('%s has %i fraction digits', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
    expect(isCurrencyCode(code)).toBe(true);
  });

  it('keeps the table sorted, upper case, with exponents 0, 2, 3 or 4 only', () => {
    const codes = Object.keys(CURRENCY_EXPONENTS);
    expect(codes).toEqual([...codes].sort());
    expect(codes.length).toBeGreaterThanOrEqual(160);
    for (const [code, exponent] of Object.entries(CURRENCY_EXPONENTS)) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(exponent);
    }
  });

  it('follows ISO 4217 where Intl (CLDR) disagrees', () => {
    const cldrDigits = (code: string) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits;
    expect(cldrDigits('IQD')).not.toBe(3);
    expect(currencyExponent('IQD')).toBe(3);
    expect(formatMoney(money(1234567n, 'IQD'), 'en-US')).toMatch(/1,234\.567$/);
  });

  it('every listed code can be formatted by Intl', () => {
    for (const code of Object.keys(CURRENCY_EXPONENTS)) {
      expect(() => formatMoney(money(1n, code), 'en-US')).not.toThrow();
    }
  });

  it.each([
    'XYZ',
    'usd',
    'Usd',
    '',
    'US',
    'USDX',
    'toString',
    '__proto__',
    'constructor',
    'XAU',
    'XTS',
    'HRK',
  ])('refuses %j with unknown_currency', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
    expect(issueCodeOf(() => currencyExponent(code))).toBe('unknown_currency');
    expect(issueCodeOf(() => money(1n, code))).toBe('unknown_currency');
  });

  it('says how to fix a lower-case code', () => {
    expect(() => currencyExponent('usd')).toThrow(/upper case: 'USD'/);
  });

  it('isCurrencyCode is false for non-strings', () => {
    expect(isCurrencyCode(840)).toBe(false);
    expect(isCurrencyCode(null)).toBe(false);
    expect(isCurrencyCode(undefined)).toBe(false);
  });
});
