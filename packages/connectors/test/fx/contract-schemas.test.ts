import { isMoney, money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  FX_CONVERSION_BILLABLE,
  fxConvertInput,
  fxForwardQuoteInput,
  fxRatesInput,
  isFxProvider,
} from '../../src/fx/index.js';
import { fxEcb } from '../../src/fx-ecb/index.js';

describe('the FX contract schemas', () => {
  it('take minor units as a digit string or a bigint, and give core Money', () => {
    const fromString = fxConvertInput.parse({
      amount: { amount: '125000', currency: 'USD' },
      to: 'EUR',
    });
    const fromBigint = fxConvertInput.parse({ amount: money(125_000n, 'USD'), to: 'EUR' });
    expect(isMoney(fromString.amount)).toBe(true);
    expect(fromString.amount).toEqual(money(125_000n, 'USD'));
    expect(fromBigint.amount).toEqual(fromString.amount);
    expect(fromString.rounding).toBe('half-even');
  });

  it.each([
    [
      'a JS number amount',
      { amount: { amount: 1250, currency: 'USD' }, to: 'EUR' },
      'never a JS number',
    ],
    [
      'a decimal amount',
      { amount: { amount: '12.50', currency: 'USD' }, to: 'EUR' },
      'minor units',
    ],
    ['a lower-case code', { amount: { amount: '1', currency: 'usd' }, to: 'EUR' }, 'ISO 4217'],
    ['an unknown code', { amount: { amount: '1', currency: 'USD' }, to: 'XYZ' }, 'ISO 4217'],
    [
      'an unknown rounding',
      { amount: { amount: '1', currency: 'USD' }, to: 'EUR', rounding: 'bankers' },
      '',
    ],
    ['41 digits', { amount: { amount: '1'.repeat(41), currency: 'USD' }, to: 'EUR' }, 'at most 40'],
  ])('refuse %s in convert', (_name, input, message) => {
    const result = fxConvertInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(' ')).toContain(message);
  });

  it('refuse a bad rates request and a forward amount not in the base currency', () => {
    expect(fxRatesInput.safeParse({ base: 'EUR', symbols: [] }).success).toBe(false);
    const forward = fxForwardQuoteInput.safeParse({
      pair: 'EUR/USD',
      amount: { amount: '100', currency: 'USD' },
      valueDate: '2024-05-27',
    });
    expect(forward.error?.issues[0]).toMatchObject({ path: ['amount', 'currency'] });
    expect(
      fxForwardQuoteInput.safeParse({
        pair: 'EUR/USD',
        amount: { amount: '100', currency: 'EUR' },
        valueDate: '2024-02-30',
      }).success,
    ).toBe(false);
  });

  it('recognise an FX provider: kind fx, the three operations, convert billable as fx.conversion', () => {
    expect(isFxProvider(fxEcb)).toBe(true);
    expect(fxEcb.billableOperations).toEqual({ convert: FX_CONVERSION_BILLABLE });
  });
});
