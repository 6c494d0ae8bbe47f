import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMoney, type Money, money, roundDivide, splitMoney } from '../src/money/index.js';
import { issueCodeOf } from './fixtures/issue-code.js';

const amounts = (parts: Money[]) => parts.map((part) => part.amount);
const sum = (parts: Money[]) => parts.reduce((total, part) => total + part.amount, 0n);

describe('allocateMoney', () => {
  it('splits 1.00 three ways as 0.34, 0.33, 0.33', () => {
    expect(amounts(allocateMoney(money(100n, 'USD'), [1, 1, 1]))).toEqual([34n, 33n, 33n]);
    expect(amounts(allocateMoney(money(-100n, 'USD'), [1, 1, 1]))).toEqual([-34n, -33n, -33n]);
  });

  it('gives leftover units to the largest remainders, not the largest ratios', () => {
    // exact shares 0.48, 0.95, 1.43, 1.90, 2.38, 2.86
    expect(amounts(allocateMoney(money(10n, 'USD'), [1, 2, 3, 4, 5, 6]))).toEqual([
      1n,
      1n,
      1n,
      2n,
      2n,
      3n,
    ]);
  });

  it('breaks ties by index', () => {
    expect(amounts(allocateMoney(money(5n, 'USD'), [1, 1, 1, 1, 1, 1]))).toEqual([
      1n,
      1n,
      1n,
      1n,
      1n,
      0n,
    ]);
    expect(amounts(allocateMoney(money(2n, 'USD'), [1n, 2n, 1n, 2n]))).toEqual([0n, 1n, 0n, 1n]);
  });

  it('takes decimal-string, bigint and whole-number ratios, mixed', () => {
    expect(amounts(allocateMoney(money(1001n, 'USD'), ['0.7', '0.3']))).toEqual([701n, 300n]);
    expect(amounts(allocateMoney(money(1000n, 'JPY'), [70n, '30.0']))).toEqual([700n, 300n]);
    expect(amounts(allocateMoney(money(1000n, 'KWD'), ['0.025', 1, 0n]))).toEqual([24n, 976n, 0n]);
  });

  it('gives a zero ratio nothing, and keeps the currency', () => {
    const parts = allocateMoney(money(1n, 'EUR'), [0, 1, 0]);
    expect(amounts(parts)).toEqual([0n, 1n, 0n]);
    expect(parts.every((part) => part.currency === 'EUR')).toBe(true);
  });

  it('is exact past 2^53', () => {
    const big = money(9007199254740993n * 10n ** 10n + 7n, 'USD');
    const parts = allocateMoney(big, ['1', '2', '3.3333']);
    expect(sum(parts)).toBe(big.amount);
  });

  it.each([
    [[], 'invalid_ratios'],
    [[1, -1], 'invalid_ratios'],
    [[0, 0n, '0.00'], 'invalid_ratios'],
    [[0.5, 0.5], 'invalid_ratios'],
    [[Number.NaN], 'invalid_ratios'],
    [['1e2'], 'invalid_decimal'],
    [['50%'], 'invalid_decimal'],
    [[null], 'invalid_decimal'],
  ])('refuses ratios %s (%s)', (ratios, code) => {
    expect(
      issueCodeOf(() =>
        allocateMoney(money(100n, 'USD'), ratios as Array<bigint | number | string>),
      ),
    ).toBe(code);
  });

  it('never loses or creates a minor unit (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 25 }),
        (amount, weights) => {
          fc.pre(weights.some((weight) => weight > 0n));
          const parts = allocateMoney(money(amount, 'USD'), weights);
          expect(parts).toHaveLength(weights.length);
          expect(sum(parts)).toBe(amount);
          const total = weights.reduce((a, b) => a + b, 0n);
          parts.forEach((part, index) => {
            const weight = weights[index] ?? 0n;
            // each part is within one minor unit of its exact share
            const gap = part.amount * total - amount * weight;
            expect(gap > -total && gap < total).toBe(true);
            if (weight === 0n) expect(part.amount).toBe(0n);
            expect(amount >= 0n ? part.amount >= 0n : part.amount <= 0n).toBe(true);
          });
          // the same input always gives the same output
          expect(amounts(allocateMoney(money(amount, 'USD'), weights))).toEqual(amounts(parts));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same parts for the same ratios written as decimals (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 10 }),
        (amount, weights) => {
          const asBigints = allocateMoney(money(amount, 'KWD'), weights.map(BigInt));
          const asDecimals = allocateMoney(
            money(amount, 'KWD'),
            weights.map((w) => `${Math.floor(w / 100)}.${String(w % 100).padStart(2, '0')}`),
          );
          expect(amounts(asDecimals)).toEqual(amounts(asBigints));
        },
      ),
    );
  });
});

describe('splitMoney', () => {
  it('splits evenly, first parts get the extra unit', () => {
    expect(amounts(splitMoney(money(100n, 'USD'), 3))).toEqual([34n, 33n, 33n]);
    expect(amounts(splitMoney(money(1000n, 'JPY'), 3))).toEqual([334n, 333n, 333n]);
    expect(amounts(splitMoney(money(-7n, 'KWD'), 2))).toEqual([-4n, -3n]);
    expect(amounts(splitMoney(money(100n, 'USD'), 1))).toEqual([100n]);
    expect(amounts(splitMoney(money(0n, 'USD'), 2))).toEqual([0n, 0n]);
  });

  it('handles many parts', () => {
    const parts = splitMoney(money(1_000_001n, 'USD'), 200_000);
    expect(parts).toHaveLength(200_000);
    expect(sum(parts)).toBe(1_000_001n);
  });

  it('parts differ by at most one unit and sum exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 1, max: 50 }),
        (amount, n) => {
          const parts = amounts(splitMoney(money(amount, 'EUR'), n));
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
          const low = roundDivide(amount, BigInt(n), 'floor');
          expect(parts.every((part) => part === low || part === low + 1n)).toBe(true);
        },
      ),
    );
  });

  it.each([0, -1, 1.5, Number.NaN, '3'])('refuses %j parts', (parts) => {
    expect(issueCodeOf(() => splitMoney(money(100n, 'USD'), parts as number))).toBe(
      'invalid_parts',
    );
  });
});
