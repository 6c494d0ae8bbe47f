import { money, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  type CreateInvoiceOptions,
  createInvoice,
  MAX_LISTED_ISSUES,
} from '../src/invoices/index.js';
import type { BillingEvent } from '../src/ledger/types.js';
import { createPriceBook } from '../src/pricing/index.js';
import { billingEvent } from './fixtures/invoice-events.js';

const prices = createPriceBook({
  currency: 'USD',
  rates: [
    { operation: 'sme.validation', model: 'per-unit', unitPrice: '5.00' },
    { operation: 'fx.conversion', model: 'percentage', share: '0.005' },
    { operation: 'eu.filing', currency: 'EUR', model: 'per-unit', unitPrice: '3.00' },
  ],
});

function event(id: string, extra: Partial<BillingEvent> = {}): BillingEvent {
  return billingEvent({ id, ...extra });
}

async function issuesOf(
  options: Omit<Partial<CreateInvoiceOptions>, 'events'> & { events?: unknown },
) {
  try {
    await createInvoice({
      prices,
      tenantId: 'acme',
      period: '2026-11',
      taxRate: '0.15',
      events: [],
      ...options,
    } as CreateInvoiceOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => ({
      path: issue.path,
      code: issue.code,
    }));
  }
  throw new Error('expected a ValidationError, an invoice was made');
}

describe('createInvoice refuses what it cannot bill, listing every issue', () => {
  it('an event in another currency than the price book', async () => {
    await expect(
      createInvoice({
        events: [event('eur-1', { amount: money(500n, 'EUR') })],
        prices,
        tenantId: 'acme',
        period: '2026-11',
        taxRate: '0.15',
      }),
    ).rejects.toThrow(
      'Cannot invoice tenant acme for 2026-11: Event eur-1 is in EUR; tenant acme is invoiced in USD',
    );
  });

  it('events of another tenant, given twice, in another currency, or without a transaction value', async () => {
    expect(
      await issuesOf({
        events: [
          event('ok'),
          event('ok'),
          event('other', { tenantId: 'globex' }),
          event('eur', { amount: money(1n, 'EUR') }),
          event('fx-1', { operation: 'fx.conversion' }),
          event('fx-2', { operation: 'fx.conversion', metadata: { transactionValue: 12.5 } }),
          event('fx-3', {
            operation: 'fx.conversion',
            metadata: { transactionValue: { amount: '-100', currency: 'USD' } },
          }),
          { id: 'not-an-event' },
        ],
      }),
    ).toEqual([
      { path: ['events', 'ok'], code: 'duplicate_event' },
      { path: ['events', 'other', 'tenantId'], code: 'wrong_tenant' },
      { path: ['events', 'eur', 'amount', 'currency'], code: 'currency_mismatch' },
      { path: ['events', 7], code: 'invalid_event' },
      {
        path: ['events', 'fx-1', 'metadata', 'transactionValue'],
        code: 'missing_transaction_value',
      },
      {
        path: ['events', 'fx-2', 'metadata', 'transactionValue'],
        code: 'invalid_transaction_value',
      },
      {
        path: ['events', 'fx-3', 'metadata', 'transactionValue'],
        code: 'invalid_transaction_value',
      },
    ]);
  });

  it('operations without a rate, or priced in another currency than the tenant is billed in', async () => {
    expect(
      await issuesOf({
        events: [event('x', { operation: 'unknown.op' }), event('eu', { operation: 'eu.filing' })],
      }),
    ).toEqual([
      { path: ['events', 'eu', 'operation'], code: 'currency_mismatch' },
      { path: ['events', 'x', 'operation'], code: 'no_rate' },
    ]);
  });

  it('bad options, all at once', async () => {
    expect(
      await issuesOf({
        tenantId: '',
        period: '2026-13',
        taxRate: 0.15 as unknown as string,
        events: 42 as unknown as BillingEvent[],
        invoiceNumber: 7 as unknown as string,
      }),
    ).toEqual([
      { path: ['events'], code: 'custom' },
      { path: ['tenantId'], code: 'too_small' },
      { path: ['period'], code: 'invalid_period' },
      { path: ['taxRate'], code: 'number_not_allowed' },
      { path: ['invoiceNumber'], code: 'invalid_union' },
    ]);
    expect(await issuesOf({ taxRate: '1.5' })).toEqual([
      { path: ['taxRate'], code: 'fraction_above_one' },
    ]);
  });

  it(`lists at most ${MAX_LISTED_ISSUES} issues and counts the rest`, async () => {
    const foreign = Array.from({ length: 120 }, (_, index) =>
      event(`e${index}`, { amount: money(1n, 'EUR') }),
    );
    const issues = await issuesOf({ events: foreign });
    expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(issues.at(-1)).toEqual({ path: [], code: 'too_many_issues' });
  });
});
