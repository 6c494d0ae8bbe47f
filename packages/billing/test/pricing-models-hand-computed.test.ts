import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createPriceBook, type RateConfig } from '../src/pricing/index.js';

type WithoutOperation<T> = T extends unknown ? Omit<T, 'operation'> : never;
type ModelFields = WithoutOperation<RateConfig>;

/** A price book with one rate for operation `op`, in USD. */
function bookWith(rate: ModelFields) {
  return createPriceBook({ currency: 'USD', rates: [{ operation: 'op', ...rate } as RateConfig] });
}

const BANDS = [
  { from: 1, to: 10, unitPrice: '5.00' },
  { from: 11, to: 50, unitPrice: '4.00' },
  { from: 51, unitPrice: '3.00' },
];

describe('per-unit', () => {
  const book = bookWith({ model: 'per-unit', unitPrice: '5.00' });
  it.each([
    [0, 0n], // 0·500
    [1, 500n], // 1·500
    [7, 3500n], // 7·500
  ])('%i units cost %i cents', (quantity, cents) => {
    expect(book.priceQuantity({ tenantId: 't', operation: 'op', quantity })).toEqual(
      money(cents, 'USD'),
    );
  });

  it('prices a sub-cent unit price exactly and rounds the line half-even once', () => {
    const fine = bookWith({ model: 'per-unit', unitPrice: '0.0025' }); // 0.25 cents a unit
    const cents = (quantity: number) =>
      fine.priceQuantity({ tenantId: 't', operation: 'op', quantity }).amount;
    expect(cents(1)).toBe(0n); // 0.25 → 0
    expect(cents(2)).toBe(0n); // 0.50 → 0 (tie, to even)
    expect(cents(6)).toBe(2n); // 1.50 → 2 (tie, to even)
    expect(cents(10)).toBe(2n); // 2.50 → 2 (tie, to even)
    expect(cents(14)).toBe(4n); // 3.50 → 4 (tie, to even)
    expect(cents(1000)).toBe(250n); // 250.00
  });
});

describe('graduated: 1–10 @ 5.00, 11–50 @ 4.00, 51+ @ 3.00', () => {
  const book = bookWith({ model: 'graduated', bands: BANDS });
  it.each([
    [0, 0n],
    [1, 500n], // 1·500
    [10, 5000n], // 10·500
    [11, 5400n], // 10·500 + 1·400
    [50, 21000n], // 10·500 + 40·400
    [51, 21300n], // 10·500 + 40·400 + 1·300
    [60, 24000n], // 10·500 + 40·400 + 10·300
  ])('%i units cost %i cents', (quantity, cents) => {
    expect(book.priceQuantity({ tenantId: 't', operation: 'op', quantity }).amount).toBe(cents);
  });
});

describe('volume: 1–10 @ 5.00, 11–50 @ 4.00, 51+ @ 3.00', () => {
  const book = bookWith({ model: 'volume', bands: BANDS });
  it.each([
    [0, 0n],
    [1, 500n], // 1·500
    [10, 5000n], // 10·500
    [11, 4400n], // 11·400
    [50, 20000n], // 50·400
    [51, 15300n], // 51·300
    [60, 18000n], // 60·300
  ])('%i units cost %i cents', (quantity, cents) => {
    expect(book.priceQuantity({ tenantId: 't', operation: 'op', quantity }).amount).toBe(cents);
  });
});

describe('package: 40.00 per 10 units, a partial package charged in full', () => {
  const book = bookWith({ model: 'package', packageSize: 10, packagePrice: '40.00' });
  it.each([
    [0, 0n], // 0 packages
    [1, 4000n], // 1 package
    [10, 4000n], // 1 package
    [11, 8000n], // 2 packages
    [23, 12000n], // 3 packages
    [30, 12000n], // 3 packages
  ])('%i units cost %i cents', (quantity, cents) => {
    expect(book.priceQuantity({ tenantId: 't', operation: 'op', quantity }).amount).toBe(cents);
  });
});

describe('percentage: 0.5 % of each transaction, at least 0.50, at most 25.00', () => {
  const book = bookWith({
    model: 'percentage',
    share: '0.005',
    minimumFee: '0.50',
    maximumFee: '25.00',
  });
  const cents = (...values: bigint[]) =>
    book.priceQuantity({
      tenantId: 't',
      operation: 'op',
      quantity: values.length,
      transactionValues: values.map((value) => money(value, 'USD')),
    }).amount;

  it('applies the share, then the minimum and maximum per transaction', () => {
    expect(cents(5000n)).toBe(50n); // 50.00 → 0.25, raised to the 0.50 minimum
    expect(cents(0n)).toBe(50n); // 0.00 → 0, raised to the minimum
    expect(cents(60000n)).toBe(300n); // 600.00 → 3.00
    expect(cents(1000000n)).toBe(2500n); // 10,000.00 → 50.00, capped at 25.00
  });

  it('rounds the line, not each transaction, half-even', () => {
    expect(cents(100100n)).toBe(500n); // 1,001.00 → 500.5 cents → 500 (to even)
    expect(cents(100300n)).toBe(502n); // 1,003.00 → 501.5 cents → 502 (to even)
    expect(cents(100100n, 100100n)).toBe(1001n); // 500.5 + 500.5 = 1001 (per transaction: 1000)
    expect(cents(100100n, 100100n, 100100n)).toBe(1502n); // 1501.5 → 1502 (to even)
    expect(cents(5000n, 100100n, 1000000n, 60000n)).toBe(3350n); // 50 + 500.5 + 2500 + 300 = 3350.5 → 3350
  });

  it('without a minimum, a zero value costs nothing', () => {
    const open = bookWith({ model: 'percentage', share: '0.005' });
    const zero = open.priceQuantity({
      tenantId: 't',
      operation: 'op',
      quantity: 1,
      transactionValues: [money(0n, 'USD')],
    });
    expect(zero).toEqual(money(0n, 'USD'));
  });

  it('needs one transaction value per unit, in the rate currency', () => {
    expect(() => cents()).not.toThrow();
    expect(() =>
      book.priceQuantity({ tenantId: 't', operation: 'op', quantity: 2, transactionValues: [] }),
    ).toThrow(/one transaction value per unit/);
    expect(() =>
      book.priceQuantity({
        tenantId: 't',
        operation: 'op',
        quantity: 1,
        transactionValues: [money(100n, 'EUR')],
      }),
    ).toThrow(/EUR/);
  });
});
