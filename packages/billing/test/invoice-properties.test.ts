import { addMoney, money } from '@tollgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInvoice } from '../src/invoices/index.js';
import type { BillingEvent } from '../src/ledger/types.js';
import { createPriceBook } from '../src/pricing/index.js';

const prices = createPriceBook({
  currency: 'USD',
  rates: [
    { operation: 'sme.validation', model: 'per-unit', unitPrice: '4.995' },
    {
      operation: 'customs.submission',
      model: 'graduated',
      bands: [
        { from: 1, to: 3, unitPrice: '5.005' },
        { from: 4, unitPrice: '3.3333' },
      ],
    },
    { operation: 'logistics.quote', model: 'package', packageSize: 3, packagePrice: '40.00' },
    { operation: 'fx.conversion', model: 'percentage', share: '0.0035', minimumFee: '0.25' },
  ],
  plans: {
    growth: { model: 'hybrid', monthlyFee: '19.99', includedUnits: { 'sme.validation': 2 } },
  },
  tenants: { acme: { plan: 'growth', minimumCommitment: '12.34' } },
});

const OPERATIONS = ['sme.validation', 'customs.submission', 'logistics.quote', 'fx.conversion'];

const eventsArbitrary = fc
  .array(
    fc.record({
      operation: fc.constantFrom(...OPERATIONS),
      day: fc.integer({ min: 1, max: 30 }),
      value: fc.bigInt({ min: 0n, max: 10_000_000n }),
      reverse: fc.boolean(),
    }),
    { maxLength: 40 },
  )
  .map((specs) => {
    const events: BillingEvent[] = [];
    specs.forEach((spec, index) => {
      const base = {
        tenantId: 'acme',
        actor: { id: 'u', role: 'sme' },
        sessionId: null,
        tier: null,
        externalReference: null,
        sequence: BigInt(index),
        prevHash: '',
        hash: '',
        canonical: '',
        operation: spec.operation,
        metadata: { transactionValue: { amount: spec.value.toString(), currency: 'USD' } },
        createdAt: new Date(Date.UTC(2026, 10, spec.day, 12)),
      };
      events.push({
        ...base,
        id: `e${index}`,
        idempotencyKey: `e${index}`,
        amount: money(100n, 'USD'),
        reverses: null,
      });
      if (spec.reverse) {
        events.push({
          ...base,
          id: `r${index}`,
          idempotencyKey: `r${index}`,
          amount: money(-100n, 'USD'),
          reverses: `e${index}`,
        });
      }
    });
    return events;
  });

/** 0 to 99.99 %, as a decimal fraction string with four digits. */
const taxRateArbitrary = fc
  .integer({ min: 0, max: 9_999 })
  .map((basisPoints) => `0.${basisPoints.toString().padStart(4, '0')}`);

describe('invoice properties', () => {
  it('total is exactly subtotal + tax, and subtotal exactly the sum of the lines', async () => {
    await fc.assert(
      fc.asyncProperty(eventsArbitrary, taxRateArbitrary, async (events, taxRate) => {
        const invoice = await createInvoice({
          events,
          prices,
          tenantId: 'acme',
          period: '2026-11',
          taxRate,
        });
        const lineSum = invoice.lines.reduce(
          (sum, line) => addMoney(sum, line.amount),
          money(0n, 'USD'),
        );
        expect(invoice.subtotal).toEqual(lineSum);
        expect(invoice.total).toEqual(addMoney(invoice.subtotal, invoice.tax));
        // A minimum commitment of 12.34 plus the 19.99 fee: never less than 32.33 before tax.
        expect(invoice.subtotal.amount).toBeGreaterThanOrEqual(3233n);
      }),
      { numRuns: 150 },
    );
  });
});
