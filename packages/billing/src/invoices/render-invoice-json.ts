import { moneyToJSON } from '@tollgate/core';
import { formatBillingPeriod } from '../pricing/index.js';
import type { Invoice, InvoiceLine } from './types.js';

function lineToJSON(line: InvoiceLine) {
  return {
    kind: line.kind,
    operation: line.operation,
    tier: line.tier,
    model: line.model,
    quantity: line.quantity,
    amount: moneyToJSON(line.amount),
    description: line.description,
  };
}

/**
 * The invoice as JSON text, byte for byte the same for the same invoice: keys
 * in a fixed order, amounts as money JSON (`{ "amount": "24000", "currency":
 * "USD" }`, minor units as a string), the period as `'YYYY-MM'`, two-space
 * indentation and a final newline.
 */
export function renderInvoiceJSON(invoice: Invoice): string {
  const document = {
    invoiceNumber: invoice.invoiceNumber,
    tenantId: invoice.tenantId,
    period: formatBillingPeriod(invoice.period),
    timeZone: invoice.timeZone,
    currency: invoice.currency,
    lines: invoice.lines.map(lineToJSON),
    subtotal: moneyToJSON(invoice.subtotal),
    taxRate: invoice.taxRate,
    tax: moneyToJSON(invoice.tax),
    total: moneyToJSON(invoice.total),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
