import { addMoney, isTollgateError, money, multiplyMoney, ValidationError } from '@tollgate/core';
import { z } from 'zod';
import { fractionString, nameString } from '../pricing/config-values.js';
import {
  type BillingPeriod,
  formatBillingPeriod,
  type PriceBook,
  parseBillingPeriod,
  type ResolvedRate,
  type UsageEntry,
} from '../pricing/index.js';
import { compareOperationAndTier } from '../pricing/price-usage.js';
import { validateInput } from '../pricing/validate-input.js';
import { type CorrectionGroup, type CountedGroup, countEvents } from './count-events.js';
import { defaultInvoiceNumber } from './invoice-number.js';
import { IssueCollector } from './issue-codes.js';
import { canonicalTimeZone } from './local-month.js';
import { TRANSACTION_VALUE_METADATA_KEY, transactionValueOf } from './transaction-value.js';
import type {
  BillingEventSource,
  CreateInvoiceOptions,
  Invoice,
  InvoiceLine,
  InvoiceNumbering,
} from './types.js';

function isEventSource(value: unknown): value is BillingEventSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    (Symbol.iterator in value || Symbol.asyncIterator in value)
  );
}

function isPriceBook(value: unknown): value is PriceBook {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PriceBook).priceUsage === 'function' &&
    typeof (value as PriceBook).resolveRate === 'function' &&
    typeof (value as PriceBook).billingCurrency === 'function'
  );
}

const createInvoiceSchema = z.object({
  events: z.custom<BillingEventSource>(isEventSource, {
    error: 'Must be an array, an iterable or an async iterable of billing events',
  }),
  prices: z.custom<PriceBook>(isPriceBook, { error: 'Must be a price book from createPriceBook' }),
  tenantId: nameString,
  period: z.custom<BillingPeriod | string>().superRefine((value, ctx) => {
    try {
      parseBillingPeriod(value);
    } catch (error) {
      const message = isTollgateError(error) ? error.message : 'Invalid billing period';
      ctx.addIssue({ code: 'custom', message, params: { code: 'invalid_period' } });
    }
  }),
  timeZone: z
    .string()
    .refine((value) => canonicalTimeZone(value) !== undefined, {
      error: 'Not an IANA time zone such as "Asia/Dhaka" or "UTC"',
      params: { code: 'invalid_time_zone' },
    })
    .optional(),
  taxRate: fractionString,
  invoiceNumber: z
    .union([
      nameString,
      z.custom<InvoiceNumbering>((value) => typeof value === 'function', {
        error: 'Must be a string or a function of { tenantId, period }',
      }),
    ])
    .optional(),
});

function numberInvoice(
  numbering: string | InvoiceNumbering | undefined,
  tenantId: string,
  period: BillingPeriod,
): string {
  if (typeof numbering === 'string') return numbering;
  const number = (numbering ?? defaultInvoiceNumber)({ tenantId, period });
  if (typeof number !== 'string' || number.length === 0) {
    const message = 'The invoice numbering function must return a non-empty string';
    throw new ValidationError(message, [
      { path: ['invoiceNumber'], code: 'invalid_invoice_number', message },
    ]);
  }
  return number;
}

/**
 * The usage entry of a group of counted events. The rate is looked up here so
 * that a missing rate, a rate in another currency, or a missing transaction
 * value is reported against an event, not against an internal usage list.
 */
function usageFor(
  group: CountedGroup,
  prices: PriceBook,
  tenantId: string,
  currency: string,
  issues: IssueCollector,
): UsageEntry {
  const entry = { operation: group.operation, tier: group.tier, quantity: group.events.length };
  const first = group.events[0];
  let rate: ResolvedRate;
  try {
    rate = prices.resolveRate({ tenantId, operation: group.operation, tier: group.tier });
  } catch (error) {
    if (!(error instanceof ValidationError) || first === undefined) throw error;
    for (const issue of error.issues) {
      issues.add(issue.code, issue.message, ['events', first.id, 'operation']);
    }
    return entry;
  }
  if (first !== undefined && rate.currency !== currency) {
    issues.add(
      'currency_mismatch',
      `${group.operation} is priced in ${rate.currency}; tenant ${tenantId} is invoiced in ${currency}`,
      ['events', first.id, 'operation'],
    );
  }
  if (rate.model !== 'percentage') return entry;
  const transactionValues = group.events.flatMap((event) => {
    const value = transactionValueOf(event);
    const path = ['events', event.id, 'metadata', TRANSACTION_VALUE_METADATA_KEY];
    if (value === undefined) {
      issues.add(
        'missing_transaction_value',
        `Event ${event.id} (${group.operation}, priced as a share of a value) has no metadata.${TRANSACTION_VALUE_METADATA_KEY}`,
        path,
      );
    } else if (value === null) {
      issues.add(
        'invalid_transaction_value',
        `Event ${event.id} has a metadata.${TRANSACTION_VALUE_METADATA_KEY} that is not non-negative money JSON`,
        path,
      );
    }
    return value ? [value] : [];
  });
  return { ...entry, transactionValues };
}

function correctionLine(group: CorrectionGroup): InvoiceLine {
  const scope = group.tier === null ? group.operation : `${group.operation} (${group.tier})`;
  const count = -group.quantity;
  return {
    kind: 'correction',
    operation: group.operation,
    tier: group.tier,
    model: null,
    quantity: group.quantity,
    amount: group.amount,
    description: `${scope}: ${count} ${count === 1 ? 'charge' : 'charges'} from an earlier period reversed`,
  };
}

/**
 * Build a tenant's invoice for one calendar month from its ledger events.
 *
 * Events count in the month their `createdAt` falls in, in `timeZone`
 * (default UTC); others are skipped, so a caller may pass a wider window. Each
 * event is one unit of its operation and tier; a reversal cancels its
 * original, or, when the original is from an earlier period, becomes a
 * correction line at its own amount. Events of a percentage-priced operation
 * carry their transaction value in `metadata.transactionValue` (money JSON).
 * The units are priced by `prices.priceUsage` (plan fee, included units,
 * usage, commitment top-up; each line rounded half-even), corrections follow,
 * `subtotal` is the sum of the lines, `tax` is `subtotal × taxRate` rounded
 * half-even, and `total` is `subtotal + tax`. The same inputs give the same
 * invoice, whatever the order of the events.
 *
 * Throws one `ValidationError` listing every problem: bad options, another
 * tenant's event, an event in another currency than the tenant's, a missing
 * transaction value, a missing rate. Nothing is half-built.
 */
export async function createInvoice(options: CreateInvoiceOptions): Promise<Invoice> {
  const checked = validateInput(createInvoiceSchema, options, 'invoice options');
  const { prices, tenantId } = checked;
  const period = parseBillingPeriod(checked.period);
  const timeZone = canonicalTimeZone(checked.timeZone ?? 'UTC') ?? 'UTC';
  const currency = prices.billingCurrency(tenantId);
  const heading = `Cannot invoice tenant ${tenantId} for ${formatBillingPeriod(period)}`;
  const invoiceNumber = numberInvoice(checked.invoiceNumber, tenantId, period);

  const issues = new IssueCollector();
  const counted = await countEvents(checked.events, tenantId, period, timeZone, currency, issues);
  const usage = counted.groups
    .sort(compareOperationAndTier)
    .map((group) => usageFor(group, prices, tenantId, currency, issues));
  issues.throwIfAny(heading);

  const priced = prices.priceUsage({ tenantId, period, usage });
  const corrections = counted.corrections.sort(compareOperationAndTier).map(correctionLine);
  const lines: InvoiceLine[] = [...priced.lines, ...corrections];
  const subtotal = lines.reduce((sum, line) => addMoney(sum, line.amount), money(0n, currency));
  const tax = multiplyMoney(subtotal, checked.taxRate, 'half-even');
  return {
    invoiceNumber,
    tenantId,
    period,
    timeZone,
    currency,
    lines,
    subtotal,
    taxRate: checked.taxRate,
    tax,
    total: addMoney(subtotal, tax),
  };
}
