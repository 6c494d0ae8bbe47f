import { money } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createInvoice, renderInvoiceJSON } from '../src/invoices/index.js';
import type { BillingEvent } from '../src/ledger/types.js';
import { createPriceBook, type PriceBook } from '../src/pricing/index.js';
import { billingEvent } from './fixtures/invoice-events.js';

function event(id: string, operation: string, amount: bigint, currency: string): BillingEvent {
  return billingEvent({ id, tenantId: 't', operation, amount: money(amount, currency) });
}

const invoice = (prices: PriceBook, events: BillingEvent[], taxRate = '0.15') =>
  createInvoice({ events, prices, tenantId: 't', period: '2026-11', taxRate });

const usdBook = createPriceBook({
  currency: 'USD',
  rates: [
    { operation: 'sme.validation', model: 'per-unit', unitPrice: '5.00' },
    { operation: 'health.check', model: 'per-unit', unitPrice: '0.00' },
  ],
});

describe('zero amounts', () => {
  it('an empty month gives an empty invoice of zeros', async () => {
    const empty = await invoice(usdBook, []);
    expect(empty.lines).toEqual([]);
    expect([empty.subtotal, empty.tax, empty.total]).toEqual([
      money(0n, 'USD'),
      money(0n, 'USD'),
      money(0n, 'USD'),
    ]);
    expect(renderInvoiceJSON(empty)).toContain('"lines": [],');
  });

  it('a free operation shows as a zero line', async () => {
    const free = await invoice(usdBook, [event('h', 'health.check', 0n, 'USD')]);
    expect(free.lines.map((line) => [line.operation, line.quantity, line.amount.amount])).toEqual([
      ['health.check', 1, 0n],
    ]);
    expect(free.total.amount).toBe(0n);
  });

  it('a zero tax rate adds no tax', async () => {
    const untaxed = await invoice(usdBook, [event('v', 'sme.validation', 500n, 'USD')], '0');
    expect([untaxed.subtotal.amount, untaxed.tax.amount, untaxed.total.amount]).toEqual([
      500n,
      0n,
      500n,
    ]);
  });

  it('a month whose only charge was reversed has no usage line', async () => {
    const charge = event('v', 'sme.validation', 500n, 'USD');
    const reversal = { ...event('r', 'sme.validation', -500n, 'USD'), reverses: 'v' };
    const reversed = await invoice(usdBook, [charge, reversal]);
    expect(reversed.lines).toEqual([]);
    expect(reversed.total.amount).toBe(0n);
  });
});

describe('currencies without cents', () => {
  it('JPY (exponent 0): tax rounds half-even to the yen', async () => {
    const yenBook = createPriceBook({
      currency: 'JPY',
      rates: [{ operation: 'sme.validation', model: 'per-unit', unitPrice: '150' }],
    });
    const events = [1, 2, 3].map((n) => event(`v${n}`, 'sme.validation', 150n, 'JPY'));
    const yen = await invoice(yenBook, events, '0.10');
    expect([yen.subtotal, yen.tax, yen.total]).toEqual([
      money(450n, 'JPY'), // 3·150
      money(45n, 'JPY'), // 450·0.10
      money(495n, 'JPY'),
    ]);
    const odd = await invoice(yenBook, [event('v', 'sme.validation', 150n, 'JPY')], '0.05');
    expect(odd.tax).toEqual(money(8n, 'JPY')); // 150·0.05 = 7.5 → 8 (to even)
  });

  it('KWD (exponent 3): amounts in fils, tax half-even to the fils', async () => {
    const dinarBook = createPriceBook({
      currency: 'KWD',
      rates: [{ operation: 'sme.validation', model: 'per-unit', unitPrice: '1.250' }],
    });
    const events = [1, 2, 3].map((n) => event(`v${n}`, 'sme.validation', 1250n, 'KWD'));
    const dinar = await invoice(dinarBook, events, '0.15');
    expect([dinar.subtotal, dinar.tax, dinar.total]).toEqual([
      money(3750n, 'KWD'), // 3·1250
      money(562n, 'KWD'), // 3750·0.15 = 562.5 → 562 (to even)
      money(4312n, 'KWD'),
    ]);
  });
});
