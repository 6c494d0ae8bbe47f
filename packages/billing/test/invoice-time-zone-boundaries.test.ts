import { describe, expect, it } from 'vitest';
import { billingPeriodRange, createInvoice, localMonthOf } from '../src/invoices/index.js';
import type { BillingEvent } from '../src/ledger/types.js';
import { createPriceBook } from '../src/pricing/index.js';
import { billingEvent } from './fixtures/invoice-events.js';

const prices = createPriceBook({
  currency: 'USD',
  rates: [{ operation: 'sme.validation', model: 'per-unit', unitPrice: '5.00' }],
});

function validation(id: string, createdAt: string): BillingEvent {
  return billingEvent({ id, tenantId: 'dhaka-traders', createdAt: new Date(createdAt) });
}

const events = [
  validation('oct-31-1930z', '2026-10-31T19:30:00Z'), // 1 Nov 01:30 in Dhaka
  validation('nov-15', '2026-11-15T12:00:00Z'),
  validation('nov-30-1830z', '2026-11-30T18:30:00Z'), // 1 Dec 00:30 in Dhaka
];

async function quantityIn(period: string, timeZone?: string) {
  const invoice = await createInvoice({
    events,
    prices,
    tenantId: 'dhaka-traders',
    period,
    taxRate: '0',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  return invoice.lines.reduce((sum, line) => sum + line.quantity, 0);
}

describe('calendar months in the tenant time zone', () => {
  it('puts 2026-10-31T19:30Z in November in Asia/Dhaka and in October in UTC', () => {
    const instant = new Date('2026-10-31T19:30:00Z');
    expect(localMonthOf(instant, 'Asia/Dhaka')).toEqual({ year: 2026, month: 11 });
    expect(localMonthOf(instant, 'UTC')).toEqual({ year: 2026, month: 10 });
  });

  it('counts events by the local month', async () => {
    expect(await quantityIn('2026-11', 'Asia/Dhaka')).toBe(2); // oct-31-1930z, nov-15
    expect(await quantityIn('2026-12', 'Asia/Dhaka')).toBe(1); // nov-30-1830z
    expect(await quantityIn('2026-10', 'Asia/Dhaka')).toBe(0);
    expect(await quantityIn('2026-11')).toBe(2); // UTC by default: nov-15, nov-30-1830z
    expect(await quantityIn('2026-10')).toBe(1); // oct-31-1930z
  });

  it('gives the UTC instants a period spans, for asking the ledger', () => {
    expect(billingPeriodRange({ year: 2026, month: 11 }, 'Asia/Dhaka')).toEqual({
      start: new Date('2026-10-31T18:00:00Z'),
      end: new Date('2026-11-30T18:00:00Z'),
    });
    // New York leaves summer time at 02:00 on 1 November 2026: the month starts at UTC−4, ends at UTC−5.
    expect(billingPeriodRange({ year: 2026, month: 11 }, 'America/New_York')).toEqual({
      start: new Date('2026-11-01T04:00:00Z'),
      end: new Date('2026-12-01T05:00:00Z'),
    });
    expect(billingPeriodRange({ year: 2026, month: 12 }, 'UTC')).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
  });

  it('reports the canonical time zone name and refuses an unknown one', async () => {
    const invoice = await createInvoice({
      events: [],
      prices,
      tenantId: 't',
      period: '2026-11',
      timeZone: 'asia/dhaka',
      taxRate: '0',
    });
    expect(invoice.timeZone).toBe('Asia/Dhaka');
    await expect(
      createInvoice({
        events: [],
        prices,
        tenantId: 't',
        period: '2026-11',
        timeZone: 'Mars/Olympus_Mons',
        taxRate: '0',
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [expect.objectContaining({ path: ['timeZone'], code: 'invalid_time_zone' })],
    });
  });
});
