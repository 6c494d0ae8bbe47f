import { describe, expect, it } from 'vitest';
import { money, parseMoney, toDecimalString } from '../src/money/index.js';
import { issueCodeOf } from './fixtures/issue-code.js';

describe('parseMoney: valid decimal strings', () => {
  it.each([
    ['150000.00', 'BDT', 15000000n],
    ['150000', 'BDT', 15000000n],
    ['-12.5', 'USD', -1250n],
    ['0.001', 'KWD', 1n],
    ['1.234', 'BHD', 1234n],
    ['0.0001', 'CLF', 1n],
    ['1000', 'JPY', 1000n],
    ['0', 'EUR', 0n],
    ['-0.00', 'EUR', 0n],
    ['007.10', 'USD', 710n],
    ['12.500', 'USD', 1250n], // trailing zeros lose nothing
    ['1.000000', 'JPY', 1n],
    ['90071992547409.93', 'USD', 9007199254740993n],
    ['123456789012345678901234567890.12', 'USD', 12345678901234567890123456789012n],
  ])('%j %s is %s minor units', (decimal, currency, minor) => {
    const parsed = parseMoney(decimal, currency);
    expect(parsed.amount).toBe(minor);
    expect(parsed.currency).toBe(currency);
  });
});

describe('parseMoney: refused input', () => {
  it.each([
    ['', 'invalid_decimal'],
    ['   ', 'invalid_decimal'],
    ['1e5', 'invalid_decimal'],
    ['1E5', 'invalid_decimal'],
    ['1.5e-3', 'invalid_decimal'],
    ['1,000.00', 'invalid_decimal'],
    ['12,50', 'invalid_decimal'],
    ['1 000', 'invalid_decimal'],
    [' 12.50', 'invalid_decimal'],
    ['12.50\n', 'invalid_decimal'],
    ['NaN', 'invalid_decimal'],
    ['Infinity', 'invalid_decimal'],
    ['-Infinity', 'invalid_decimal'],
    ['+1', 'invalid_decimal'],
    ['.5', 'invalid_decimal'],
    ['5.', 'invalid_decimal'],
    ['1.2.3', 'invalid_decimal'],
    ['--1', 'invalid_decimal'],
    ['0x10', 'invalid_decimal'],
    ['١٢', 'invalid_decimal'],
    ['$12', 'invalid_decimal'],
    ['1'.repeat(101), 'invalid_decimal'],
    ['0.001', 'too_many_fraction_digits'],
    ['0.125', 'too_many_fraction_digits'],
  ])('%j USD → %s', (decimal, code) => {
    expect(issueCodeOf(() => parseMoney(decimal, 'USD'))).toBe(code);
  });

  it.each([
    ['1.5', 'JPY'],
    ['0.0001', 'KWD'],
    ['0.00001', 'CLF'],
  ])('%j %s has too many fraction digits', (decimal, currency) => {
    expect(issueCodeOf(() => parseMoney(decimal, currency))).toBe('too_many_fraction_digits');
    expect(() => parseMoney(decimal, currency)).toThrow(/pass \{ rounding \}/);
  });

  it.each([1.5, 150, 0, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses the JS number %s: money is never a float',
    (value) => {
      expect(issueCodeOf(() => parseMoney(value as unknown as string, 'USD'))).toBe(
        'number_not_allowed',
      );
      expect(() => parseMoney(value as unknown as string, 'USD')).toThrow(/never a float/);
    },
  );

  it.each([10n, null, undefined, {}, ['1']])('refuses %s', (value) => {
    expect(issueCodeOf(() => parseMoney(value as unknown as string, 'USD'))).toBe(
      'invalid_decimal',
    );
  });

  it('points a bigint to money()', () => {
    expect(() => parseMoney(1250n as unknown as string, 'USD')).toThrow(
      /money\(amount, currency\)/,
    );
  });

  it('names the mistake in the message', () => {
    expect(() => parseMoney('1e5', 'USD')).toThrow(/exponent notation/);
    expect(() => parseMoney('1,000', 'USD')).toThrow(/commas/);
    expect(() => parseMoney('1 000', 'USD')).toThrow(/spaces/);
    expect(() => parseMoney('', 'USD')).toThrow(/empty/);
    expect(() => parseMoney('0.001', 'USD')).toThrow(/3 fraction digits but USD has 2/);
  });

  it('refuses an unknown currency and an unknown rounding mode', () => {
    expect(issueCodeOf(() => parseMoney('1.00', 'XYZ'))).toBe('unknown_currency');
    expect(issueCodeOf(() => parseMoney('1.005', 'USD', { rounding: 'nearest' as never }))).toBe(
      'invalid_rounding_mode',
    );
  });
});

describe('toDecimalString', () => {
  it.each([
    [15000000n, 'BDT', '150000.00'],
    [-1250n, 'USD', '-12.50'],
    [5n, 'USD', '0.05'],
    [-5n, 'KWD', '-0.005'],
    [1n, 'CLF', '0.0001'],
    [1250n, 'JPY', '1250'],
    [-1250n, 'JPY', '-1250'],
    [0n, 'EUR', '0.00'],
    [9007199254740993n, 'USD', '90071992547409.93'],
  ])('%s %s is %j', (amount, currency, decimal) => {
    expect(toDecimalString(money(amount, currency))).toBe(decimal);
  });

  it('round-trips with parseMoney', () => {
    for (const [decimal, currency] of [
      ['150000.00', 'BDT'],
      ['-0.001', 'KWD'],
      ['42', 'JPY'],
      ['12345.6789', 'CLF'],
    ] as const) {
      expect(toDecimalString(parseMoney(decimal, currency))).toBe(decimal);
    }
  });
});
