import { type Money, money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createInvoice, renderInvoiceJSON } from '../src/invoices/index.js';
import type { BillingEvent } from '../src/ledger/types.js';
import { createPriceBook } from '../src/pricing/index.js';
import { billingEvent } from './fixtures/invoice-events.js';

const usd = (cents: bigint): Money => money(cents, 'USD');

const prices = createPriceBook({
  currency: 'USD',
  rates: [
    { operation: 'sme.validation', tier: 'basic', model: 'per-unit', unitPrice: '5.00' },
    { operation: 'sme.validation', tier: 'pro', model: 'per-unit', unitPrice: '8.00' },
    { operation: 'sme.validation', tier: 'enterprise', model: 'per-unit', unitPrice: '12.00' },
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
      operation: 'fx.conversion',
      model: 'percentage',
      share: '0.005',
      minimumFee: '0.50',
      maximumFee: '25.00',
    },
    { operation: 'logistics.quote', model: 'package', packageSize: 10, packagePrice: '40.00' },
  ],
  plans: {
    growth: { model: 'hybrid', monthlyFee: '200.00', includedUnits: { 'sme.validation': 20 } },
  },
  tenants: {
    acme: {
      tier: 'pro',
      plan: 'growth',
      // The negotiated price_per_check, instead of the pro list price of 8.00.
      rates: [{ operation: 'sme.validation', model: 'per-unit', unitPrice: '4.50' }],
      minimumCommitment: '1000.30',
    },
  },
});

let sequence = 0n;
function event(
  id: string,
  operation: string,
  createdAt: string,
  cents: bigint,
  extra: Partial<BillingEvent> = {},
): BillingEvent {
  sequence += 1n;
  return billingEvent({
    id,
    actor: { id: 'user-1', role: 'sme' },
    operation,
    amount: usd(cents),
    idempotencyKey: `key-${id}`,
    sequence,
    createdAt: new Date(createdAt),
    ...extra,
  });
}

/** `count` events of `operation`, one a day from 2 November 2026 (UTC noon: November in Dhaka too). */
function daily(operation: string, count: number, cents: bigint, tier: string | null = null) {
  return Array.from({ length: count }, (_, index) => {
    const day = String(2 + (index % 27)).padStart(2, '0');
    const id = `${operation}-${String(index + 1).padStart(2, '0')}`;
    return event(id, operation, `2026-11-${day}T12:00:00Z`, cents, { tier });
  });
}

const fx = (id: string, valueCents: string, feeCents: bigint) =>
  event(id, 'fx.conversion', '2026-11-15T09:00:00Z', feeCents, {
    metadata: { transactionValue: { amount: valueCents, currency: 'USD' } },
  });

const events: BillingEvent[] = [
  // 25 validations at the pro tier, one of them reversed below: 24 count.
  ...daily('sme.validation', 25, 450n, 'pro'),
  event('sme-reversal', 'sme.validation', '2026-11-20T08:00:00Z', -450n, {
    tier: 'pro',
    reverses: 'sme.validation-07',
  }),
  // 23:59 on 31 October in Dhaka (UTC+6): October, not on this invoice.
  event('sme-october', 'sme.validation', '2026-10-31T17:59:00Z', 450n, { tier: 'pro' }),
  // 01:30 on 1 November in Dhaka, though still 31 October in UTC: the first of 60 submissions.
  event('customs-first', 'customs.submission', '2026-10-31T19:30:00Z', 500n),
  ...daily('customs.submission', 59, 400n),
  // 00:30 on 1 December in Dhaka: December, not on this invoice.
  event('customs-december', 'customs.submission', '2026-11-30T18:30:00Z', 300n),
  fx('fx-small', '5000', 50n), // 50.00
  fx('fx-tie', '100100', 501n), // 1,001.00
  fx('fx-large', '1000000', 2500n), // 10,000.00
  fx('fx-medium', '60000', 300n), // 600.00
  ...daily('logistics.quote', 23, 400n),
];

describe('an invoice for a month with mixed pricing models', () => {
  it('matches hand-computed line items, subtotal, tax and total', async () => {
    const invoice = await createInvoice({
      events,
      prices,
      tenantId: 'acme',
      period: '2026-11',
      timeZone: 'Asia/Dhaka',
      taxRate: '0.15',
    });

    expect(invoice).toEqual({
      invoiceNumber: 'TG-acme-2026-11',
      tenantId: 'acme',
      period: { year: 2026, month: 11 },
      timeZone: 'Asia/Dhaka',
      currency: 'USD',
      lines: [
        {
          kind: 'subscription',
          operation: null,
          tier: null,
          model: 'hybrid',
          quantity: 1,
          amount: usd(20000n), // 200.00
          description: 'Plan growth: monthly fee, 2026-11',
        },
        {
          kind: 'usage',
          operation: 'customs.submission',
          tier: 'pro', // the events name no tier; acme's is pro, priced by the rate for every tier
          model: 'graduated',
          quantity: 60,
          amount: usd(24000n), // 10·500 + 40·400 + 10·300
          description: 'customs.submission (pro), graduated: 60 units',
        },
        {
          kind: 'usage',
          operation: 'fx.conversion',
          tier: 'pro',
          model: 'percentage',
          quantity: 4,
          // 0.5 % of 50.00 = 25 → 50 (min); of 1,001.00 = 500.5; of 10,000.00 = 5000 → 2500 (max);
          // of 600.00 = 300. Sum 3350.5 cents, rounded once, half-even → 3350.
          amount: usd(3350n),
          description: 'fx.conversion (pro), percentage: 4 units',
        },
        {
          kind: 'usage',
          operation: 'logistics.quote',
          tier: 'pro',
          model: 'package',
          quantity: 23,
          amount: usd(12000n), // ⌈23 / 10⌉ = 3 packages · 4000
          description: 'logistics.quote (pro), package: 23 units',
        },
        {
          kind: 'included',
          operation: 'sme.validation',
          tier: 'pro',
          model: 'per-unit',
          quantity: 20, // 25 − 1 reversed = 24; 20 included in the plan
          amount: usd(0n),
          description: 'sme.validation (pro), included in plan growth: 20 units',
        },
        {
          kind: 'usage',
          operation: 'sme.validation',
          tier: 'pro',
          model: 'per-unit',
          quantity: 4,
          amount: usd(1800n), // 4 · 450 (the tenant's 4.50, not the pro list price)
          description: 'sme.validation (pro), per-unit: 4 units',
        },
        {
          kind: 'minimum-commitment',
          operation: null,
          tier: null,
          model: null,
          quantity: 1,
          // usage 24000 + 3350 + 12000 + 1800 = 41150 < 100030: top-up 100030 − 41150
          amount: usd(58880n),
          description: 'Minimum monthly commitment of 1000.30 USD: top-up',
        },
      ],
      subtotal: usd(120030n), // 20000 + 41150 + 58880
      taxRate: '0.15',
      tax: usd(18004n), // 120030 · 0.15 = 18004.5 → 18004 (half-even; half-up would say 18005)
      total: usd(138034n), // 120030 + 18004
    });
  });

  it('renders the same JSON from the events in any order, as an array or a stream', async () => {
    const options = {
      prices,
      tenantId: 'acme',
      period: { year: 2026, month: 11 },
      timeZone: 'Asia/Dhaka',
      taxRate: '0.15',
    };
    const reference = renderInvoiceJSON(await createInvoice({ ...options, events }));
    async function* streamed() {
      for (const item of [...events].reverse()) yield item;
    }
    const fromStream = renderInvoiceJSON(await createInvoice({ ...options, events: streamed() }));
    expect(Buffer.from(fromStream)).toEqual(Buffer.from(reference));
  });
});
