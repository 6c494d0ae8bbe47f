import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createInvoice } from '../src/invoices/index.js';
import type { BillingEvent } from '../src/ledger/types.js';
import { createPriceBook } from '../src/pricing/index.js';
import { billingEvent } from './fixtures/invoice-events.js';

const prices = createPriceBook({
  currency: 'USD',
  rates: [
    { operation: 'sme.validation', model: 'per-unit', unitPrice: '5.00' },
    { operation: 'bank.recheck', tier: 'pro', model: 'per-unit', unitPrice: '25.00' },
  ],
  tenants: { committed: { minimumCommitment: '20.00' } },
});

function event(
  id: string,
  createdAt: string,
  extra: Partial<BillingEvent> = {},
  tenantId = 'acme',
): BillingEvent {
  return billingEvent({ id, tenantId, createdAt: new Date(createdAt), ...extra });
}

const reversal = (id: string, createdAt: string, reverses: string, cents = -500n) =>
  event(id, createdAt, { reverses, amount: money(cents, 'USD') });

const invoiceFor = (events: BillingEvent[], tenantId = 'acme') =>
  createInvoice({ events, prices, tenantId, period: '2026-11', taxRate: '0.10' });

const summary = (lines: Awaited<ReturnType<typeof invoiceFor>>['lines']) =>
  lines.map((line) => [line.kind, line.operation, line.quantity, line.amount.amount]);

describe('reversals', () => {
  it('a reversal in the period cancels its original', async () => {
    const invoice = await invoiceFor([
      event('a', '2026-11-02T10:00:00Z'),
      event('b', '2026-11-03T10:00:00Z'),
      reversal('a-reversed', '2026-11-04T10:00:00Z', 'a'),
    ]);
    expect(summary(invoice.lines)).toEqual([['usage', 'sme.validation', 1, 500n]]);
    expect(invoice.total.amount).toBe(550n); // 500 + 10 %
  });

  it('a charge reversed in the next month still counts in its own month', async () => {
    const invoice = await invoiceFor([
      event('a', '2026-11-29T10:00:00Z'),
      reversal('a-reversed', '2026-12-01T10:00:00Z', 'a'),
    ]);
    expect(summary(invoice.lines)).toEqual([['usage', 'sme.validation', 1, 500n]]);
  });

  it("a reversal of an earlier month's charge is a correction line at the reversal's amount", async () => {
    const invoice = await invoiceFor([
      event('october', '2026-10-20T10:00:00Z'), // given, but outside the period
      reversal('october-reversed', '2026-11-05T10:00:00Z', 'october'),
      reversal('september-reversed', '2026-11-06T10:00:00Z', 'not-given', -450n),
      event('recheck', '2026-11-07T10:00:00Z', { operation: 'bank.recheck', tier: 'pro' }),
    ]);
    expect(invoice.lines).toEqual([
      expect.objectContaining({ kind: 'usage', operation: 'bank.recheck', quantity: 1 }),
      {
        kind: 'correction',
        operation: 'sme.validation',
        tier: null,
        model: null,
        quantity: -2,
        amount: money(-950n, 'USD'), // −500 − 450, as the ledger recorded them
        description: 'sme.validation: 2 charges from an earlier period reversed',
      },
    ]);
    expect(invoice.subtotal.amount).toBe(1550n); // 2500 − 950
    expect(invoice.tax.amount).toBe(155n);
    expect(invoice.total.amount).toBe(1705n);
  });

  it('a correction does not count toward the minimum commitment', async () => {
    const invoice = await invoiceFor(
      [
        event('a', '2026-11-02T10:00:00Z', {}, 'committed'),
        event('b', '2026-11-03T10:00:00Z', {}, 'committed'),
        event(
          'c',
          '2026-11-03T11:00:00Z',
          { reverses: 'old', amount: money(-500n, 'USD') },
          'committed',
        ),
      ],
      'committed',
    );
    expect(summary(invoice.lines)).toEqual([
      ['usage', 'sme.validation', 2, 1000n],
      ['minimum-commitment', null, 1, 1000n], // 2000 − 1000
      ['correction', 'sme.validation', -1, -500n],
    ]);
    expect(invoice.subtotal.amount).toBe(1500n);
  });

  it('refuses a charge reversed twice and a reversal of a reversal, listing both', async () => {
    await expect(
      invoiceFor([
        event('a', '2026-11-02T10:00:00Z'),
        reversal('r1', '2026-11-03T10:00:00Z', 'a'),
        reversal('r2', '2026-11-04T10:00:00Z', 'a'),
        reversal('r3', '2026-11-05T10:00:00Z', 'r1', 500n),
      ]),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ code: 'duplicate_reversal', path: ['events', 'r2', 'reverses'] }),
        expect.objectContaining({
          code: 'unsupported_reversal',
          path: ['events', 'r3', 'reverses'],
        }),
      ],
    });
  });
});
