import { money, ROUNDING_MODES, type RoundingMode } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  convertAtRate,
  convertWithReferenceRates,
  fxConvertInput,
  parseDecimalRate,
  type ReferenceRates,
} from '../../src/fx/index.js';

const rate = (text: string) => parseDecimalRate(text);

/** A USD-based table with 0- and 3-decimal currencies (BHD is pegged at 0.376 per USD). */
const usdTable: ReferenceRates = {
  provider: 'a test desk',
  base: 'USD',
  date: '2024-02-27',
  rates: { BHD: rate('0.376'), KWD: rate('0.3075'), JPY: rate('150.18'), EUR: rate('1.5') },
};

const convert = (amount: bigint, from: string, to: string, rounding?: RoundingMode) =>
  convertWithReferenceRates(
    usdTable,
    fxConvertInput.parse({ amount: { amount, currency: from }, to, rounding }),
  );

describe('conversion rounds once, in bigint minor units, by an explicit mode', () => {
  // 123.45 EUR × 1.0856 = 134.01732 USD: 13401.732 cents.
  const positive: Record<RoundingMode, bigint> = {
    'half-even': 13402n,
    'half-up': 13402n,
    'half-down': 13402n,
    up: 13402n,
    down: 13401n,
    ceiling: 13402n,
    floor: 13401n,
  };
  // The same amount negative (a refund): −13401.732 cents.
  const negative: Record<RoundingMode, bigint> = {
    'half-even': -13402n,
    'half-up': -13402n,
    'half-down': -13402n,
    up: -13402n,
    down: -13401n,
    ceiling: -13401n,
    floor: -13402n,
  };
  // 0.15 USD × 1.5 = 0.225 EUR: 22.5 cents, an exact tie.
  const tie: Record<RoundingMode, bigint> = {
    'half-even': 22n,
    'half-up': 23n,
    'half-down': 22n,
    up: 23n,
    down: 22n,
    ceiling: 23n,
    floor: 22n,
  };

  it.each(ROUNDING_MODES)('%s', (mode) => {
    const eurUsd = rate('1.0856');
    expect(convertAtRate(money(12_345n, 'EUR'), 'USD', eurUsd, mode).amount).toBe(positive[mode]);
    expect(convertAtRate(money(-12_345n, 'EUR'), 'USD', eurUsd, mode).amount).toBe(negative[mode]);
    expect(convert(15n, 'USD', 'EUR', mode).to.amount).toBe(tie[mode]);
  });

  it('defaults to half-even and says so in the answer', () => {
    const result = convert(15n, 'USD', 'EUR');
    expect(result.rounding).toBe('half-even');
    expect(result.to).toEqual(money(22n, 'EUR'));
  });
});

describe('conversion between 0-, 2- and 3-decimal currencies is exact', () => {
  it('USD (2) → BHD (3): 123.45 USD × 0.376 = 46.4172 BHD → 46.417 (46417 fils)', () => {
    const result = convert(12_345n, 'USD', 'BHD');
    expect(result).toMatchObject({ rate: '0.376', rateDate: '2024-02-27' });
    expect(result.to).toEqual(money(46_417n, 'BHD'));
  });

  it('USD (2) → JPY (0): 100.00 USD × 150.18 = 15018 JPY exactly', () => {
    expect(convert(10_000n, 'USD', 'JPY').to).toEqual(money(15_018n, 'JPY'));
  });

  it('JPY (0) → BHD (3) through a cross rate: 1000 JPY × 0.002503662272 = 2.503662272 BHD → 2.504', () => {
    const result = convert(1000n, 'JPY', 'BHD');
    expect(result.rate).toBe('0.002503662272'); // 0.376 / 150.18, 10 significant digits
    expect(result.to).toEqual(money(2504n, 'BHD'));
  });

  it('BHD (3) → JPY (0): 1.000 BHD × 399.4148936 = 399.41… → 399 JPY', () => {
    const result = convert(1000n, 'BHD', 'JPY');
    expect(result.rate).toBe('399.4148936'); // 150.18 / 0.376
    expect(result.to).toEqual(money(399n, 'JPY'));
  });

  it('BHD (3) → KWD (3): 12.345 BHD × 0.8178191489 = 10.09597739… → 10.096 KWD', () => {
    const result = convert(12_345n, 'BHD', 'KWD');
    expect(result.rate).toBe('0.8178191489'); // 0.3075 / 0.376
    expect(result.to).toEqual(money(10_096n, 'KWD'));
  });

  it('keeps amounts far beyond 2^53 exact', () => {
    // 123,456,789,012,345,678.91 USD × 0.376 BHD = 46,419,752,668,641,975.27016 BHD
    const result = convert(12_345_678_901_234_567_891n, 'USD', 'BHD');
    expect(result.to).toEqual(money(46_419_752_668_641_975_270n, 'BHD'));
  });

  it('answers with core Money values that serialize without floats', () => {
    const result = convert(12_345n, 'USD', 'BHD');
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      from: { amount: '12345', currency: 'USD' },
      to: { amount: '46417', currency: 'BHD' },
      rate: '0.376',
      rateDate: '2024-02-27',
      rounding: 'half-even',
    });
  });
});
