import { describe, expect, it } from 'vitest';
import { createInvoice, renderInvoiceJSON } from '../src/invoices/index.js';
import type { BillingEvent } from '../src/ledger/types.js';
import { createPriceBook } from '../src/pricing/index.js';
import { billingEvent } from './fixtures/invoice-events.js';

const prices = createPriceBook({
  currency: 'USD',
  rates: [
    { operation: 'sme.validation', model: 'per-unit', unitPrice: '5.00' },
    { operation: 'bank.recheck', model: 'per-unit', unitPrice: '25.00' },
  ],
  plans: { basic: { model: 'subscription', monthlyFee: '49.00' } },
  tenants: { acme: { plan: 'basic' } },
});

function charge(id: string, operation: string, day: number): BillingEvent {
  return billingEvent({
    id,
    sessionId: 's',
    operation,
    sequence: BigInt(day),
    createdAt: new Date(Date.UTC(2026, 10, day, 10)),
  });
}

const events = [
  charge('e1', 'sme.validation', 3),
  charge('e2', 'bank.recheck', 4),
  charge('e3', 'sme.validation', 5),
];

const options = { prices, tenantId: 'acme', period: '2026-11', taxRate: '0.15' };

describe('renderInvoiceJSON', () => {
  it('renders keys in a fixed order and amounts as minor-unit strings', async () => {
    const json = renderInvoiceJSON(await createInvoice({ ...options, events }));
    expect(json).toBe(
      `${[
        '{',
        '  "invoiceNumber": "TG-acme-2026-11",',
        '  "tenantId": "acme",',
        '  "period": "2026-11",',
        '  "timeZone": "UTC",',
        '  "currency": "USD",',
        '  "lines": [',
        '    {',
        '      "kind": "subscription",',
        '      "operation": null,',
        '      "tier": null,',
        '      "model": "subscription",',
        '      "quantity": 1,',
        '      "amount": {',
        '        "amount": "4900",',
        '        "currency": "USD"',
        '      },',
        '      "description": "Plan basic: monthly fee, 2026-11"',
        '    },',
        '    {',
        '      "kind": "usage",',
        '      "operation": "bank.recheck",',
        '      "tier": null,',
        '      "model": "per-unit",',
        '      "quantity": 1,',
        '      "amount": {',
        '        "amount": "2500",',
        '        "currency": "USD"',
        '      },',
        '      "description": "bank.recheck, per-unit: 1 unit"',
        '    },',
        '    {',
        '      "kind": "usage",',
        '      "operation": "sme.validation",',
        '      "tier": null,',
        '      "model": "per-unit",',
        '      "quantity": 2,',
        '      "amount": {',
        '        "amount": "1000",',
        '        "currency": "USD"',
        '      },',
        '      "description": "sme.validation, per-unit: 2 units"',
        '    }',
        '  ],',
        '  "subtotal": {',
        '    "amount": "8400",',
        '    "currency": "USD"',
        '  },',
        '  "taxRate": "0.15",',
        '  "tax": {',
        '    "amount": "1260",',
        '    "currency": "USD"',
        '  },',
        '  "total": {',
        '    "amount": "9660",',
        '    "currency": "USD"',
        '  }',
        '}',
      ].join('\n')}\n`,
    );
  });

  it('gives byte-identical output for the same inputs, whatever the event order', async () => {
    const first = renderInvoiceJSON(await createInvoice({ ...options, events }));
    const again = renderInvoiceJSON(await createInvoice({ ...options, events: [...events] }));
    const reordered = renderInvoiceJSON(
      await createInvoice({
        ...options,
        events: [events[2], events[0], events[1]] as BillingEvent[],
      }),
    );
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(bytes(again)).toEqual(bytes(first));
    expect(bytes(reordered)).toEqual(bytes(first));
  });

  it('uses a given invoice number or numbering function', async () => {
    const fixed = await createInvoice({ ...options, events, invoiceNumber: 'INV-0042' });
    expect(fixed.invoiceNumber).toBe('INV-0042');
    const numbered = await createInvoice({
      ...options,
      events,
      invoiceNumber: ({ tenantId, period }) => `${tenantId}/${period.year}/${period.month}`,
    });
    expect(numbered.invoiceNumber).toBe('acme/2026/11');
  });
});
