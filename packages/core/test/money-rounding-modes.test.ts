import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../src/errors/index.js';
import { parseMoney, ROUNDING_MODES, type RoundingMode, roundDivide } from '../src/money/index.js';

// The table of java.math.RoundingMode's documentation: x / 10 rounded to an integer.
const inputs = [55n, 25n, 16n, 11n, 10n, -10n, -11n, -16n, -25n, -55n];
const expected: Record<RoundingMode, bigint[]> = {
  up: [6n, 3n, 2n, 2n, 1n, -1n, -2n, -2n, -3n, -6n],
  down: [5n, 2n, 1n, 1n, 1n, -1n, -1n, -1n, -2n, -5n],
  ceiling: [6n, 3n, 2n, 2n, 1n, -1n, -1n, -1n, -2n, -5n],
  floor: [5n, 2n, 1n, 1n, 1n, -1n, -2n, -2n, -3n, -6n],
  'half-up': [6n, 3n, 2n, 1n, 1n, -1n, -1n, -2n, -3n, -6n],
  'half-down': [5n, 2n, 2n, 1n, 1n, -1n, -1n, -2n, -2n, -5n],
  'half-even': [6n, 2n, 2n, 1n, 1n, -1n, -1n, -2n, -2n, -6n],
};

describe('roundDivide', () => {
  for (const mode of ROUNDING_MODES) {
    it(`rounds the reference table in ${mode}`, () => {
      expect(inputs.map((n) => roundDivide(n, 10n, mode))).toEqual(expected[mode]);
      // A negative denominator means the same fraction.
      expect(inputs.map((n) => roundDivide(-n, -10n, mode))).toEqual(expected[mode]);
    });
  }

  it('half-even sends ties to the even neighbour, both ways and for negatives', () => {
    expect(roundDivide(5n, 2n, 'half-even')).toBe(2n); // 2.5
    expect(roundDivide(7n, 2n, 'half-even')).toBe(4n); // 3.5
    expect(roundDivide(-5n, 2n, 'half-even')).toBe(-2n);
    expect(roundDivide(-7n, 2n, 'half-even')).toBe(-4n);
    expect(roundDivide(1n, 2n, 'half-even')).toBe(0n);
    expect(roundDivide(-1n, 2n, 'half-even')).toBe(0n);
  });

  it('is exact beyond 2^53', () => {
    expect(roundDivide(2n ** 80n + 5n, 10n, 'down')).toBe(120892581961462917470618n);
    expect(roundDivide(2n ** 80n + 5n, 10n, 'up')).toBe(120892581961462917470619n);
    expect(roundDivide(10n ** 40n + 5n, 10n, 'half-even')).toBe(10n ** 39n); // tie, 10^39 is even
    expect(roundDivide(10n ** 40n + 15n, 10n, 'half-even')).toBe(10n ** 39n + 2n);
  });

  it('stays within one unit of the exact quotient, and within half for half-* modes', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n),
        fc.constantFrom(...ROUNDING_MODES),
        (n, d, mode) => {
          const q = roundDivide(n, d, mode);
          const error = n * (d < 0n ? -1n : 1n) - q * (d < 0n ? -d : d); // (n/d − q)·|d|
          const abs = (x: bigint) => (x < 0n ? -x : x);
          const size = abs(d);
          expect(abs(error) < size).toBe(true);
          if (mode.startsWith('half-')) expect(2n * abs(error) <= size).toBe(true);
          if (mode === 'floor') expect(error >= 0n).toBe(true);
          if (mode === 'ceiling') expect(error <= 0n).toBe(true);
        },
      ),
    );
  });

  it('refuses a zero denominator and an unknown mode', () => {
    expect(() => roundDivide(1n, 0n, 'half-even')).toThrow(ValidationError);
    expect(() => roundDivide(1n, 0n, 'half-even')).toThrow(/divide by zero/);
    expect(() => roundDivide(1n, 2n, 'bankers' as RoundingMode)).toThrow(/half-even, half-up/);
  });
});

describe('rescaling a higher-precision amount with parseMoney({ rounding })', () => {
  it.each([
    ['0.125', 'half-even', 12n],
    ['0.135', 'half-even', 14n],
    ['0.145', 'half-even', 14n],
    ['-0.125', 'half-even', -12n],
    ['-0.135', 'half-even', -14n],
    ['0.125', 'half-up', 13n],
    ['-0.125', 'half-up', -13n],
    ['0.125', 'half-down', 12n],
    ['0.129', 'down', 12n],
    ['-0.129', 'down', -12n],
    ['0.121', 'up', 13n],
    ['-0.121', 'up', -13n],
    ['-0.129', 'ceiling', -12n],
    ['-0.121', 'floor', -13n],
    ['0.1251', 'half-even', 13n],
  ] as const)('%s USD in %s is %s cents', (decimal, rounding, cents) => {
    expect(parseMoney(decimal, 'USD', { rounding }).amount).toBe(cents);
  });

  it('rounds JPY to whole yen and KWD to fils', () => {
    expect(parseMoney('2.5', 'JPY', { rounding: 'half-even' }).amount).toBe(2n);
    expect(parseMoney('3.5', 'JPY', { rounding: 'half-even' }).amount).toBe(4n);
    expect(parseMoney('1.0005', 'KWD', { rounding: 'half-even' }).amount).toBe(1000n);
    expect(parseMoney('1.0015', 'KWD', { rounding: 'half-even' }).amount).toBe(1002n);
  });
});
