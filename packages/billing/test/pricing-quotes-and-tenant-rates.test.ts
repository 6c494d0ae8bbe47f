import { money, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createPriceBook } from '../src/pricing/index.js';

const book = createPriceBook({
  currency: 'USD',
  rates: [
    { operation: 'sme.validation', tier: 'basic', model: 'per-unit', unitPrice: '5.00' },
    { operation: 'sme.validation', tier: 'pro', model: 'per-unit', unitPrice: '8.00' },
    { operation: 'sme.validation', tier: 'enterprise', model: 'per-unit', unitPrice: '12.00' },
    { operation: 'bank.recheck', tier: 'basic', model: 'per-unit', unitPrice: '15.00' },
    { operation: 'bank.recheck', tier: 'pro', model: 'per-unit', unitPrice: '25.00' },
    { operation: 'bank.recheck', tier: 'enterprise', model: 'per-unit', unitPrice: '40.00' },
    {
      operation: 'customs.submission',
      model: 'graduated',
      bands: [
        { from: 1, to: 10, unitPrice: '5.00' },
        { from: 11, to: 50, unitPrice: '4.00' },
        { from: 51, unitPrice: '3.00' },
      ],
    },
    {
      operation: 'erp.sync',
      model: 'volume',
      bands: [
        { from: 1, to: 10, unitPrice: '5.00' },
        { from: 11, unitPrice: '4.00' },
      ],
    },
    { operation: 'logistics.quote', model: 'package', packageSize: 10, packagePrice: '40.00' },
    {
      operation: 'fx.conversion',
      model: 'percentage',
      share: '0.005',
      minimumFee: '0.50',
      maximumFee: '25.00',
    },
    { operation: 'payment.payout', currency: 'EUR', model: 'per-unit', unitPrice: '0.25' },
  ],
  tenants: {
    // A partner's negotiated price_per_check, whatever the tier.
    acme: {
      tier: 'pro',
      rates: [{ operation: 'sme.validation', model: 'per-unit', unitPrice: '4.50' }],
    },
    // A negotiated price for one tier only.
    globex: {
      rates: [
        { operation: 'sme.validation', tier: 'enterprise', model: 'per-unit', unitPrice: '9.00' },
      ],
    },
    'bank-of-dhaka': { tier: 'enterprise' },
  },
});

const quote = (request: Parameters<typeof book.quote>[0]) => book.quote(request).amount.amount;

describe('quote: the price of one more unit', () => {
  it.each([
    ['sme.validation', 'basic', 500n],
    ['sme.validation', 'pro', 800n],
    ['sme.validation', 'enterprise', 1200n],
    ['bank.recheck', 'basic', 1500n],
    ['bank.recheck', 'pro', 2500n],
    ['bank.recheck', 'enterprise', 4000n],
  ])('%s at tier %s costs %i cents', (operation, tier, cents) => {
    expect(book.quote({ tenantId: 'anyone', operation, tier })).toEqual({
      operation,
      tier,
      model: 'per-unit',
      amount: money(cents, 'USD'),
    });
  });

  it("uses the tenant's tier when the request names none", () => {
    expect(quote({ tenantId: 'bank-of-dhaka', operation: 'bank.recheck' })).toBe(4000n);
    expect(book.quote({ tenantId: 'bank-of-dhaka', operation: 'bank.recheck' }).tier).toBe(
      'enterprise',
    );
  });

  it('prices one unit of every other model', () => {
    expect(quote({ tenantId: 't', operation: 'customs.submission' })).toBe(500n); // band 1
    expect(quote({ tenantId: 't', operation: 'erp.sync' })).toBe(500n); // 1·500
    expect(quote({ tenantId: 't', operation: 'logistics.quote' })).toBe(4000n); // a whole package
    const fx = { tenantId: 't', operation: 'fx.conversion' };
    expect(quote({ ...fx, transactionValue: money(100100n, 'USD') })).toBe(500n); // 500.5 → 500
    expect(quote({ ...fx, transactionValue: money(5000n, 'USD') })).toBe(50n); // minimum
  });

  it('quotes in the rate currency', () => {
    expect(book.quote({ tenantId: 't', operation: 'payment.payout' }).amount).toEqual(
      money(25n, 'EUR'),
    );
  });

  it('gives the marginal price after units already used: bands, packages', () => {
    const customs = { tenantId: 't', operation: 'customs.submission' };
    expect(quote({ ...customs, alreadyUsed: 9 })).toBe(500n); // the 10th unit, band 1
    expect(quote({ ...customs, alreadyUsed: 10 })).toBe(400n); // the 11th unit, band 2
    expect(quote({ ...customs, alreadyUsed: 50 })).toBe(300n); // the 51st unit, band 3
    const logistics = { tenantId: 't', operation: 'logistics.quote' };
    expect(quote({ ...logistics, alreadyUsed: 1 })).toBe(0n); // still in the first package
    expect(quote({ ...logistics, alreadyUsed: 10 })).toBe(4000n); // opens a second package
  });

  it('gives a negative marginal price where a volume band lowers the whole total', () => {
    // 10 units: 10·500 = 5000; 11 units: 11·400 = 4400.
    expect(quote({ tenantId: 't', operation: 'erp.sync', alreadyUsed: 10 })).toBe(-600n);
  });

  it('needs a transaction value for a percentage rate', () => {
    expect(() => book.quote({ tenantId: 't', operation: 'fx.conversion' })).toThrowError(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: 'missing_transaction_value' })],
      }),
    );
  });

  it('refuses an operation no rate prices, with no_rate', () => {
    const attempt = () => book.quote({ tenantId: 't', operation: 'sme.validation' });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrowError(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'no_rate' })] }),
    );
  });
});

describe('tenant rates', () => {
  it("a tenant's rate for every tier wins over the price book's", () => {
    expect(quote({ tenantId: 'acme', operation: 'sme.validation' })).toBe(450n);
    expect(quote({ tenantId: 'acme', operation: 'sme.validation', tier: 'enterprise' })).toBe(450n);
    expect(book.resolveRate({ tenantId: 'acme', operation: 'sme.validation' })).toEqual({
      operation: 'sme.validation',
      tier: 'pro',
      currency: 'USD',
      model: 'per-unit',
      source: 'tenant',
      config: { operation: 'sme.validation', model: 'per-unit', unitPrice: '4.50' },
    });
  });

  it("a tenant's rate for one tier applies to that tier only", () => {
    expect(quote({ tenantId: 'globex', operation: 'sme.validation', tier: 'enterprise' })).toBe(
      900n,
    );
    expect(quote({ tenantId: 'globex', operation: 'sme.validation', tier: 'pro' })).toBe(800n);
    expect(
      book.resolveRate({ tenantId: 'globex', operation: 'sme.validation', tier: 'pro' }).source,
    ).toBe('price-book');
  });

  it('falls back to the price book for operations the tenant did not negotiate', () => {
    expect(quote({ tenantId: 'acme', operation: 'bank.recheck' })).toBe(2500n); // acme is pro
  });
});
