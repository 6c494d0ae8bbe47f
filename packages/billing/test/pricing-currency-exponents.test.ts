import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createPriceBook } from '../src/pricing/index.js';

describe('JPY: no minor units', () => {
  const book = createPriceBook({
    currency: 'JPY',
    rates: [
      { operation: 'sme.validation', model: 'per-unit', unitPrice: '150' },
      { operation: 'api.call', model: 'per-unit', unitPrice: '0.5' },
      {
        operation: 'customs.submission',
        model: 'graduated',
        bands: [
          { from: 1, to: 10, unitPrice: '100' },
          { from: 11, unitPrice: '80' },
        ],
      },
      { operation: 'fx.conversion', model: 'percentage', share: '0.005' },
    ],
  });
  const yen = (operation: string, quantity: number, values: bigint[] = []) =>
    book.priceQuantity({
      tenantId: 't',
      operation,
      quantity,
      transactionValues: values.map((value) => money(value, 'JPY')),
    });

  it('prices in whole yen', () => {
    expect(yen('sme.validation', 3)).toEqual(money(450n, 'JPY')); // 3·150
    expect(yen('customs.submission', 12).amount).toBe(1160n); // 10·100 + 2·80
  });

  it('rounds sub-yen amounts half-even to the yen', () => {
    expect(yen('api.call', 3).amount).toBe(2n); // 1.5 → 2
    expect(yen('api.call', 5).amount).toBe(2n); // 2.5 → 2
    expect(yen('fx.conversion', 1, [100n]).amount).toBe(0n); // 0.5 → 0
    expect(yen('fx.conversion', 1, [300n]).amount).toBe(2n); // 1.5 → 2
    expect(yen('fx.conversion', 1, [12345n]).amount).toBe(62n); // 61.725 → 62
  });

  it('refuses a yen fee with fractions', () => {
    expect(() =>
      createPriceBook({
        currency: 'JPY',
        rates: [],
        plans: { p: { model: 'subscription', monthlyFee: '9800.5' } },
      }),
    ).toThrowError(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: ['plans', 'p', 'monthlyFee'],
            code: 'too_many_fraction_digits',
          }),
        ],
      }),
    );
  });
});

describe('KWD: three minor-unit digits (fils)', () => {
  const book = createPriceBook({
    currency: 'KWD',
    rates: [
      { operation: 'sme.validation', model: 'per-unit', unitPrice: '1.250' },
      { operation: 'logistics.quote', model: 'package', packageSize: 5, packagePrice: '2.500' },
      { operation: 'fx.conversion', model: 'percentage', share: '0.005', minimumFee: '0.100' },
    ],
    plans: { p: { model: 'subscription', monthlyFee: '30.125' } },
    tenants: { t: { plan: 'p' } },
  });
  const fils = (operation: string, quantity: number, values: bigint[] = []) =>
    book.priceQuantity({
      tenantId: 't',
      operation,
      quantity,
      transactionValues: values.map((value) => money(value, 'KWD')),
    }).amount;

  it('prices in fils', () => {
    expect(fils('sme.validation', 3)).toBe(3750n); // 3·1250
    expect(fils('logistics.quote', 11)).toBe(7500n); // 3 packages · 2500
    expect(fils('fx.conversion', 1, [1100n])).toBe(100n); // 5.5, raised to the 100 minimum
    expect(fils('fx.conversion', 1, [22100n])).toBe(110n); // 110.5 → 110 (to even)
    expect(fils('fx.conversion', 1, [22300n])).toBe(112n); // 111.5 → 112 (to even)
  });

  it('takes a three-digit fee', () => {
    const [fee] = book.priceUsage({ tenantId: 't', period: '2026-11', usage: [] }).lines;
    expect(fee?.amount).toEqual(money(30125n, 'KWD'));
  });
});
