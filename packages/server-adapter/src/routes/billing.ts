import {
  type BillingEvent,
  createInvoice,
  type Ledger,
  type PriceBook,
  parseBillingPeriod,
  renderInvoiceJSON,
} from '@tollgate/billing';
import { type Money, money, moneyToJSON, toDecimalString } from '@tollgate/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../types.js';
import { readQuery } from './input.js';

/** Money in billing answers: minor units as a string, the currency, and the decimal text. */
export interface BillingMoneyJson {
  amount: string;
  currency: string;
  /** `"5.00"`: the amount in major units, exact. */
  decimal: string;
}

function billingMoney(value: Money): BillingMoneyJson {
  const json = moneyToJSON(value);
  return { amount: json.amount, currency: json.currency, decimal: toDecimalString(value) };
}

function eventJson(event: BillingEvent) {
  return {
    id: event.id,
    sequence: event.sequence.toString(),
    created_at: event.createdAt.toISOString(),
    operation: event.operation,
    tier: event.tier,
    session_id: event.sessionId,
    amount: billingMoney(event.amount),
    actor: event.actor,
    idempotency_key: event.idempotencyKey,
    external_reference: event.externalReference,
    reverses: event.reverses,
    metadata: event.metadata,
    hash: event.hash,
  };
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export const eventsQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  operation: z.string().min(1).max(100).optional(),
  session_id: z.string().min(1).max(200).optional(),
  cursor: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const usageQuery = z.strictObject({
  period: z.string().regex(PERIOD, 'a period is YYYY-MM').optional(),
});

/** The first instant of a `YYYY-MM` month (UTC) and of the month after. */
function monthBounds(period: string): { from: Date; to: Date } {
  const { year, month } = parseBillingPeriod(period);
  return { from: new Date(Date.UTC(year, month - 1, 1)), to: new Date(Date.UTC(year, month, 1)) };
}

/** What the billing routes read. */
export interface BillingRoutesOptions {
  ledger: Ledger;
  prices: PriceBook;
  clock: () => Date;
  /** VAT/GST of invoices as a decimal fraction (`'0.15'`); default `'0'`. */
  invoiceTaxRate?: string;
}

/**
 * The caller's tenant's billing, never another's: `GET /billing/events`
 * (ledger events, oldest first, filtered by `from`, `to`, `operation`,
 * `session_id`; paged by `cursor` / `next_cursor`), `GET /billing/usage?period=YYYY-MM`
 * (count and net amount per operation in that UTC month, default the current one)
 * and `GET /billing/invoices/{YYYY-MM}` (the month's invoice, priced by the
 * price book, byte-identical for the same events).
 */
export function billingRoutes(options: BillingRoutesOptions): Hono<AppEnv> {
  const { ledger, prices, clock } = options;
  return new Hono<AppEnv>()
    .get('/billing/events', async (c) => {
      const query = readQuery(c, eventsQuery, 'event query');
      const page = await ledger.list({
        tenantId: c.get('principal').tenantId,
        ...(query.from === undefined ? {} : { from: new Date(query.from) }),
        ...(query.to === undefined ? {} : { to: new Date(query.to) }),
        ...(query.operation === undefined ? {} : { operation: query.operation }),
        ...(query.session_id === undefined ? {} : { sessionId: query.session_id }),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        ...(query.limit === undefined ? {} : { limit: query.limit }),
      });
      return c.json({ data: page.events.map(eventJson), next_cursor: page.nextCursor });
    })
    .get('/billing/usage', async (c) => {
      const query = readQuery(c, usageQuery, 'usage query');
      const period = query.period ?? clock().toISOString().slice(0, 7);
      const { from, to } = monthBounds(period);
      const rows = await ledger.totals({ tenantId: c.get('principal').tenantId, from, to });
      const totals = new Map<string, bigint>();
      for (const row of rows) {
        totals.set(row.net.currency, (totals.get(row.net.currency) ?? 0n) + row.net.amount);
      }
      return c.json({
        period,
        from: from.toISOString(),
        to: to.toISOString(),
        operations: rows.map((row) => ({
          operation: row.operation,
          count: row.charges,
          reversals: row.reversals,
          net: billingMoney(row.net),
        })),
        totals: [...totals].map(([currency, amount]) => billingMoney(money(amount, currency))),
      });
    })
    .get('/billing/invoices/:period{[0-9]{4}-[0-9]{2}}', async (c) => {
      const period = c.req.param('period');
      const tenantId = c.get('principal').tenantId;
      const { from, to } = monthBounds(period);
      const invoice = await createInvoice({
        events: ledger.events({ tenantId, from, to }),
        prices,
        tenantId,
        period,
        taxRate: options.invoiceTaxRate ?? '0',
      });
      return c.body(renderInvoiceJSON(invoice), 200, {
        'content-type': 'application/json; charset=utf-8',
      });
    });
}
