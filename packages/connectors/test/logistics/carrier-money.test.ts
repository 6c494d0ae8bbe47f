import { money, UpstreamError } from '@tollgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalFromJsonNumber,
  jsonNumberForCarrier,
  moneyFromCarrierAmount,
} from '../../src/logistics/index.js';

const site = { connectorId: 'test-carrier', operation: 'quote' };

describe('carrier prices become exact Money', () => {
  it('reads JSON numbers through their decimal text, never through float arithmetic', () => {
    expect(moneyFromCarrierAmount(123.45, 'USD', site)).toEqual(money(12345n, 'USD'));
    expect(moneyFromCarrierAmount(0.1, 'USD', site)).toEqual(money(10n, 'USD'));
    expect(moneyFromCarrierAmount(1.005, 'USD', site)).toEqual(money(100n, 'USD'));
    expect(moneyFromCarrierAmount(2745, 'USD', site)).toEqual(money(274500n, 'USD'));
    expect(moneyFromCarrierAmount(1234, 'JPY', site)).toEqual(money(1234n, 'JPY'));
    expect(moneyFromCarrierAmount(12.345, 'KWD', site)).toEqual(money(12345n, 'KWD'));
    expect(moneyFromCarrierAmount('98.70', 'EUR', site)).toEqual(money(9870n, 'EUR'));
    expect(moneyFromCarrierAmount(-15.5, 'EUR', site)).toEqual(money(-1550n, 'EUR'));
  });

  it('rounds a price with more decimals than the currency has once, half-even, on the decimal', () => {
    expect(moneyFromCarrierAmount(12.345, 'USD', site)).toEqual(money(1234n, 'USD'));
    expect(moneyFromCarrierAmount(12.355, 'USD', site)).toEqual(money(1236n, 'USD'));
    expect(moneyFromCarrierAmount('12.345', 'USD', site, { rounding: 'half-up' })).toEqual(
      money(1235n, 'USD'),
    );
  });

  it('writes exponent forms out without moving a digit', () => {
    expect(decimalFromJsonNumber(1e-7)).toBe('0.0000001');
    expect(decimalFromJsonNumber(2.5e21)).toBe('2500000000000000000000');
    expect(decimalFromJsonNumber(1.234e-5)).toBe('0.00001234');
    expect(decimalFromJsonNumber(-3e-7)).toBe('-0.0000003');
    expect(() => decimalFromJsonNumber(Number.NaN)).toThrow(RangeError);
  });

  it('matches the text a carrier wrote for every price with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const text = `${cents / 100}`;
        const parsed = moneyFromCarrierAmount(JSON.parse(text) as number, 'USD', site);
        expect(parsed.amount).toBe(BigInt(cents));
      }),
    );
  });

  it("treats a price that is not an amount as the carrier's fault: an UpstreamError", () => {
    for (const bad of [Number.POSITIVE_INFINITY, '12,50', null, { value: 1 }, '1e5']) {
      expect(() => moneyFromCarrierAmount(bad, 'USD', site)).toThrow(UpstreamError);
    }
    expect(() => moneyFromCarrierAmount(10, 'UKL', site)).toThrow(UpstreamError);
  });

  it('sends decimals to carriers as exact JSON numbers, or refuses', () => {
    expect(jsonNumberForCarrier('2.5')).toBe(2.5);
    expect(jsonNumberForCarrier('1500.00')).toBe(1500);
    expect(() => jsonNumberForCarrier('12345678901234567.5')).toThrow(RangeError);
    expect(() => jsonNumberForCarrier('1e3')).toThrow(RangeError);
  });
});
