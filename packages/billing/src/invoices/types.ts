import type { Money } from '@tollgate/core';
import type { BillingEvent } from '../ledger/types.js';
import type { BillingPeriod, PriceBook, PriceLine, PriceLineKind } from '../pricing/index.js';

/** Billing events as an array, any iterable, or an async iterable (a ledger cursor). */
export type BillingEventSource = Iterable<BillingEvent> | AsyncIterable<BillingEvent>;

/** A priced line's kind, or `correction`: a reversal of a charge from an earlier period. */
export type InvoiceLineKind = PriceLineKind | 'correction';

/** One invoice line, in whole minor units of the invoice's currency. */
export interface InvoiceLine extends Omit<PriceLine, 'kind'> {
  kind: InvoiceLineKind;
}

/** Makes an invoice number from the tenant and the period. */
export type InvoiceNumbering = (input: { tenantId: string; period: BillingPeriod }) => string;

/** What `createInvoice` takes. */
export interface CreateInvoiceOptions {
  /** The tenant's ledger events; events outside the period (in `timeZone`) are skipped. */
  events: BillingEventSource;
  prices: PriceBook;
  tenantId: string;
  /** `'YYYY-MM'` or `{ year, month }`. */
  period: BillingPeriod | string;
  /** IANA time zone whose calendar months bound the period; default `UTC`. */
  timeZone?: string;
  /** VAT or GST as a decimal fraction: `'0.15'` is 15 %. */
  taxRate: string;
  /** A fixed number, or a function of tenant and period; default `TG-<tenant>-<YYYY-MM>`. */
  invoiceNumber?: string | InvoiceNumbering;
}

/** A tenant's invoice for one calendar month. The same inputs always give the same invoice. */
export interface Invoice {
  invoiceNumber: string;
  tenantId: string;
  period: BillingPeriod;
  timeZone: string;
  currency: string;
  /** Plan fee, usage by operation and tier, commitment top-up, then corrections. */
  lines: InvoiceLine[];
  /** The sum of the lines. */
  subtotal: Money;
  /** The tax rate as given, a decimal fraction. */
  taxRate: string;
  /** `subtotal × taxRate`, rounded half-even. */
  tax: Money;
  /** `subtotal + tax`, exactly. */
  total: Money;
}
