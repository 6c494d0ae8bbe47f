import { describe, expect, it } from 'vitest';
import {
  crossRate,
  type DecimalRate,
  divideToSignificantDigits,
  formatDecimalRate,
  invertRate,
  parseDecimalRate,
  type ReferenceRates,
  rateBetween,
  sameRate,
} from '../../src/fx/index.js';

const rate = (text: string): DecimalRate => parseDecimalRate(text);
const show = (value: DecimalRate) => formatDecimalRate(value);

/** ECB rates of 2024-02-27 (units per 1 EUR), as published. */
const ecb: ReferenceRates = {
  provider: 'the ECB',
  base: 'EUR',
  date: '2024-02-27',
  rates: {
    USD: rate('1.0856'),
    JPY: rate('163.04'),
    GBP: rate('0.85620'),
    IDR: rate('16976.12'),
    KRW: rate('1445.31'),
    ISK: rate('149.30'),
    CHF: rate('0.9544'),
  },
};

describe('decimal rates', () => {
  it('parse and print without floats, keeping the published scale', () => {
    expect(rate('0.85620')).toEqual({ digits: 85620n, scale: 5 });
    expect(rate('161')).toEqual({ digits: 161n, scale: 0 });
    expect(show(rate('0.85620'))).toBe('0.85620');
    expect(sameRate(rate('0.85620'), rate('0.8562'))).toBe(true);
  });

  it.each(['0', '0.000', '-1.5', '1e5', '1,5', '.5', '5.', ' 1.5', '01.5', 'NaN'])(
    'refuse %j as a rate',
    (text) => {
      expect(() => parseDecimalRate(text)).toThrowError(
        expect.objectContaining({ code: 'validation_failed' }),
      );
    },
  );

  it('round a fraction to significant digits, whatever its magnitude', () => {
    expect(show(divideToSignificantDigits(1n, 3n, 4, 'half-even'))).toBe('0.3333');
    expect(show(divideToSignificantDigits(2n, 3n, 4, 'half-even'))).toBe('0.6667');
    expect(show(divideToSignificantDigits(2n, 3n, 4, 'down'))).toBe('0.6666');
    expect(show(divideToSignificantDigits(169_917n, 10n, 3, 'half-even'))).toBe('17000');
    // 1 / 80000 = 0.0000125: a tie, to the even 2.
    expect(show(divideToSignificantDigits(1n, 80_000n, 2, 'half-even'))).toBe('0.000012');
    expect(show(divideToSignificantDigits(1n, 80_000n, 2, 'half-up'))).toBe('0.000013');
    // 9.99995 to 5 digits carries into a sixth: 10.000, printed without the trailing zeros.
    expect(show(divideToSignificantDigits(999_995n, 100_000n, 5, 'half-up'))).toBe('10');
    // A tie at the last kept digit goes to the even neighbour with half-even.
    expect(show(divideToSignificantDigits(125n, 1000n, 2, 'half-even'))).toBe('0.12');
    expect(show(divideToSignificantDigits(135n, 1000n, 2, 'half-even'))).toBe('0.14');
  });
});

describe('cross rates from EUR-based reference rates (10 significant digits, half-even)', () => {
  // Hand-computed: each quotient is worked out to 40 digits and cut at the tenth significant digit.
  it.each([
    ['USD', 'JPY', '150.1842299'], // 163.04 / 1.0856 = 150.18422991893…
    ['JPY', 'USD', '0.006658488714'], // 1.0856 / 163.04 = 0.0066584887144…
    ['USD', 'EUR', '0.9211495947'], // 1 / 1.0856 = 0.92114959469…
    ['JPY', 'EUR', '0.006133464181'], // 1 / 163.04 = 0.0061334641805…
    ['GBP', 'USD', '1.267928054'], // 1.0856 / 0.85620 = 1.26792805419…
    ['USD', 'IDR', '15637.54606'], // 16976.12 / 1.0856 = 15637.546057…
    ['IDR', 'USD', '0.00006394865258'], // 1.0856 / 16976.12 = 0.000063948652577…
    ['IDR', 'JPY', '0.009604079142'], // 163.04 / 16976.12 = 0.0096040791417…
    ['KRW', 'ISK', '0.1032996381'], // 149.30 / 1445.31 = 0.10329963814…
    ['CHF', 'GBP', '0.8971081308'], // 0.85620 / 0.9544 = 0.89710813076…
  ])('%s→%s is %s', (from, to, expected) => {
    expect(show(rateBetween(ecb, from, to))).toBe(expected);
  });

  it('returns published rates untouched from the base, and 1 for a currency to itself', () => {
    expect(show(rateBetween(ecb, 'EUR', 'GBP'))).toBe('0.85620');
    expect(show(rateBetween(ecb, 'USD', 'USD'))).toBe('1');
  });

  it('takes another precision when asked', () => {
    expect(
      show(
        crossRate(rate('1.0856'), rate('163.04'), { significantDigits: 6, rounding: 'half-even' }),
      ),
    ).toBe('150.184');
    expect(show(invertRate(rate('1.0856'), { significantDigits: 4, rounding: 'up' }))).toBe(
      '0.9212',
    );
  });
});
