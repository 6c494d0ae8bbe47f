import { currencyExponent, ROUNDING_MODES, type RoundingMode } from '@tollgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertWithReferenceRates,
  type DecimalRate,
  fxConvertInput,
  parseDecimalRate,
  type ReferenceRates,
  rateBetween,
} from '../../src/fx/index.js';

/**
 * EUR-based rates: the ECB's of 2024-02-27 for USD … CHF, and illustrative
 * figures for BHD, KWD (3 decimals) and CLF (4 decimals), which the ECB does
 * not publish, so every exponent from 0 to 4 takes part.
 */
const table: ReferenceRates = {
  provider: 'a test table',
  base: 'EUR',
  date: '2024-02-27',
  rates: Object.fromEntries(
    Object.entries({
      USD: '1.0856',
      JPY: '163.04',
      GBP: '0.85620',
      IDR: '16976.12',
      KRW: '1445.31',
      ISK: '149.30',
      CHF: '0.9544',
      BHD: '0.40819',
      KWD: '0.3337',
      CLF: '0.0301',
    }).map(([code, text]) => [code, parseDecimalRate(text)]),
  ),
};
const currencies = ['EUR', ...Object.keys(table.rates)];

/** Exact rationals over bigint, for the bound. */
type Fraction = { n: bigint; d: bigint };
const fraction = (n: bigint, d = 1n): Fraction => (d < 0n ? { n: -n, d: -d } : { n, d });
const ofRate = (rate: DecimalRate) => fraction(rate.digits, 10n ** BigInt(rate.scale));
const times = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
const plus = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
const abs = (a: Fraction) => fraction(a.n < 0n ? -a.n : a.n, a.d);
const atMost = (a: Fraction, b: Fraction) => a.n * b.d <= b.n * a.d;
const pow10 = (exponent: number) =>
  exponent >= 0 ? fraction(10n ** BigInt(exponent)) : fraction(1n, 10n ** BigInt(-exponent));

/** The documented rounding error of one leg: ½ minor unit with `half-*` modes, under 1 with the others. */
const legError = (mode: RoundingMode) =>
  mode.startsWith('half') ? fraction(1n, 2n) : fraction(1n);

const convert = (amount: bigint, from: string, to: string, rounding: RoundingMode) =>
  convertWithReferenceRates(
    table,
    fxConvertInput.parse({ amount: { amount, currency: from }, to, rounding }),
  ).to.amount;

describe('convert A→B→A (fast-check)', () => {
  it('each leg is within its rounding of amount × stated rate, and the round trip within the documented bound', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.constantFrom(...currencies),
        fc.constantFrom(...currencies),
        fc.constantFrom(...ROUNDING_MODES),
        (x, a, b, mode) => {
          const y = convert(x, a, b, mode);
          const z = convert(y, b, a, mode);
          // Never a non-integer: minor units stay bigints all the way.
          expect(typeof y).toBe('bigint');
          expect(typeof z).toBe('bigint');

          const r1 = ofRate(rateBetween(table, a, b));
          const r2 = ofRate(rateBetween(table, b, a));
          const shift = currencyExponent(b) - currencyExponent(a);
          const u = legError(mode);

          // Leg 1 and leg 2: |result − amount × rate| ≤ u minor units of the target.
          const exactY = times(times(fraction(x), r1), pow10(shift));
          expect(atMost(abs(plus(fraction(y), fraction(-exactY.n, exactY.d))), u)).toBe(true);
          const exactZ = times(times(fraction(y), r2), pow10(-shift));
          expect(atMost(abs(plus(fraction(z), fraction(-exactZ.n, exactZ.d))), u)).toBe(true);

          // Round trip: |z − x| ≤ u + u × R2 + |x| × |r1 × r2 − 1|, where R2 = r2 × 10^(e_A − e_B)
          // is what one minor unit of B is worth in minor units of A.
          const oneB = times(r2, pow10(-shift));
          const drift = abs(plus(times(r1, r2), fraction(-1n)));
          const bound = plus(plus(u, times(u, oneB)), times(abs(fraction(x)), drift));
          expect(atMost(abs(fraction(z - x)), bound)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('comes back exactly through a finer currency, up to 1,000,000.00 EUR', () => {
    // EUR → IDR → EUR: one IDR minor unit is worth 0.006 cent and the inverse rate drifts by at most
    // 5 × 10^−10, so for |x| ≤ 10^8 cents both effects stay far below half a cent. (Past about
    // 10^9 cents the drift alone reaches half a cent: see the bound above.)
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 8n), max: 10n ** 8n }), (x) => {
        expect(convert(convert(x, 'EUR', 'IDR', 'half-even'), 'IDR', 'EUR', 'half-even')).toBe(x);
      }),
    );
  });
});
