import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createPriceBook, type PriceLine } from '../src/pricing/index.js';

const book = createPriceBook({
  currency: 'USD',
  rates: [
    { operation: 'sme.validation', model: 'per-unit', unitPrice: '5.00' },
    {
      operation: 'customs.submission',
      model: 'graduated',
      bands: [
        { from: 1, to: 10, unitPrice: '5.00' },
        { from: 11, to: 50, unitPrice: '4.00' },
        { from: 51, unitPrice: '3.00' },
      ],
    },
  ],
  plans: {
    starter: { model: 'subscription', monthlyFee: '99.00' },
    growth: {
      model: 'hybrid',
      monthlyFee: '200.00',
      includedUnits: { 'sme.validation': 100, 'customs.submission': 5 },
    },
    committed: { model: 'subscription', monthlyFee: '10.00', minimumCommitment: '50.00' },
  },
  tenants: {
    'on-starter': { plan: 'starter' },
    'on-growth': { plan: 'growth' },
    committed: { minimumCommitment: '100.00' },
    'plan-commitment': { plan: 'committed' },
    'own-commitment': { plan: 'committed', minimumCommitment: '20.00' },
  },
});

/** The lines reduced to what the tables below check. */
function summary(lines: PriceLine[]) {
  return lines.map((line) => [line.kind, line.operation, line.quantity, line.amount.amount]);
}

function price(tenantId: string, usage: Array<{ operation: string; quantity: number }>) {
  return book.priceUsage({ tenantId, period: '2026-11', usage }).lines;
}

describe('subscription plan', () => {
  it('charges the monthly fee as its own line, usage on top', () => {
    expect(summary(price('on-starter', []))).toEqual([['subscription', null, 1, 9900n]]);
    expect(summary(price('on-starter', [{ operation: 'sme.validation', quantity: 3 }]))).toEqual([
      ['subscription', null, 1, 9900n],
      ['usage', 'sme.validation', 3, 1500n], // 3·500
    ]);
  });

  it('names the plan and period in the fee line', () => {
    const [fee] = price('on-starter', []);
    expect(fee).toEqual({
      kind: 'subscription',
      operation: null,
      tier: null,
      model: 'subscription',
      quantity: 1,
      amount: money(9900n, 'USD'),
      description: 'Plan starter: monthly fee, 2026-11',
    });
  });
});

describe('hybrid plan: 200.00 a month with 100 validations and 5 customs submissions included', () => {
  it('shows included units as a zero line and charges the rest', () => {
    expect(summary(price('on-growth', [{ operation: 'sme.validation', quantity: 130 }]))).toEqual([
      ['subscription', null, 1, 20000n],
      ['included', 'sme.validation', 100, 0n],
      ['usage', 'sme.validation', 30, 15000n], // 30·500
    ]);
  });

  it('charges nothing beyond the fee while usage stays within the included units', () => {
    expect(summary(price('on-growth', [{ operation: 'sme.validation', quantity: 80 }]))).toEqual([
      ['subscription', null, 1, 20000n],
      ['included', 'sme.validation', 80, 0n],
    ]);
  });

  it('prices the units above the included ones as a quantity of their own (bands restart at 1)', () => {
    expect(
      summary(price('on-growth', [{ operation: 'customs.submission', quantity: 60 }])),
    ).toEqual([
      ['subscription', null, 1, 20000n],
      ['included', 'customs.submission', 5, 0n],
      ['usage', 'customs.submission', 55, 22500n], // 10·500 + 40·400 + 5·300
    ]);
  });

  it('uses the included units up across tiers in tier order', () => {
    const lines = book.priceUsage({
      tenantId: 'on-growth',
      period: '2026-11',
      usage: [
        { operation: 'sme.validation', tier: 'pro', quantity: 70 },
        { operation: 'sme.validation', tier: 'basic', quantity: 50 },
      ],
    }).lines;
    expect(lines.map((line) => [line.kind, line.tier, line.quantity, line.amount.amount])).toEqual([
      ['subscription', null, 1, 20000n],
      ['included', 'basic', 50, 0n],
      ['included', 'pro', 50, 0n],
      ['usage', 'pro', 20, 10000n], // 20·500
    ]);
  });
});

describe('minimum monthly commitment', () => {
  it('tops usage up to the commitment with its own line', () => {
    expect(summary(price('committed', [{ operation: 'sme.validation', quantity: 7 }]))).toEqual([
      ['usage', 'sme.validation', 7, 3500n], // 7·500
      ['minimum-commitment', null, 1, 6500n], // 10000 − 3500
    ]);
  });

  it('tops up the whole commitment when nothing was used', () => {
    expect(summary(price('committed', []))).toEqual([['minimum-commitment', null, 1, 10000n]]);
  });

  it('adds no line when usage reaches the commitment', () => {
    expect(summary(price('committed', [{ operation: 'sme.validation', quantity: 20 }]))).toEqual([
      ['usage', 'sme.validation', 20, 10000n], // exactly 100.00
    ]);
    expect(summary(price('committed', [{ operation: 'sme.validation', quantity: 25 }]))).toEqual([
      ['usage', 'sme.validation', 25, 12500n],
    ]);
  });

  it("does not count the plan's fee toward the commitment; a tenant's own commitment wins", () => {
    expect(
      summary(price('plan-commitment', [{ operation: 'sme.validation', quantity: 2 }])),
    ).toEqual([
      ['subscription', null, 1, 1000n],
      ['usage', 'sme.validation', 2, 1000n],
      ['minimum-commitment', null, 1, 4000n], // 5000 − 1000: the 10.00 fee does not count
    ]);
    expect(
      summary(price('own-commitment', [{ operation: 'sme.validation', quantity: 2 }])),
    ).toEqual([
      ['subscription', null, 1, 1000n],
      ['usage', 'sme.validation', 2, 1000n],
      ['minimum-commitment', null, 1, 1000n], // 2000 − 1000
    ]);
  });
});

describe('priceUsage', () => {
  it('adds up entries of the same operation and tier and sorts by operation, then tier', () => {
    const lines = book.priceUsage({
      tenantId: 'anyone',
      period: { year: 2026, month: 11 },
      usage: [
        { operation: 'sme.validation', quantity: 2 },
        { operation: 'customs.submission', quantity: 11 },
        { operation: 'sme.validation', quantity: 3 },
      ],
    }).lines;
    expect(summary(lines)).toEqual([
      ['usage', 'customs.submission', 11, 5400n], // 10·500 + 1·400
      ['usage', 'sme.validation', 5, 2500n], // 5·500
    ]);
  });

  it('lists every operation without a rate in one ValidationError', () => {
    expect(() =>
      book.priceUsage({
        tenantId: 'anyone',
        period: '2026-11',
        usage: [
          { operation: 'bank.recheck', quantity: 1 },
          { operation: 'sme.validation', quantity: 1 },
          { operation: 'erp.sync', quantity: 1 },
        ],
      }),
    ).toThrowError(
      expect.objectContaining({
        issues: [
          expect.objectContaining({ code: 'no_rate', path: ['usage', 0, 'operation'] }),
          expect.objectContaining({ code: 'no_rate', path: ['usage', 2, 'operation'] }),
        ],
      }),
    );
  });

  it('refuses a bad period and a fractional quantity', () => {
    expect(() => book.priceUsage({ tenantId: 'a', period: '2026-13', usage: [] })).toThrow(
      /billing period/,
    );
    expect(() =>
      book.priceUsage({
        tenantId: 'a',
        period: '2026-11',
        usage: [{ operation: 'sme.validation', quantity: 1.5 }],
      }),
    ).toThrowError(expect.objectContaining({ code: 'validation_failed' }));
  });
});
