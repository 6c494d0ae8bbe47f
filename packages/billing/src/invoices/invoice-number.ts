import { type BillingPeriod, formatBillingPeriod } from '../pricing/index.js';

/**
 * The default invoice number, deterministic from tenant and period:
 * `TG-acme-2026-11` for tenant `acme` in November 2026.
 */
export function defaultInvoiceNumber(input: { tenantId: string; period: BillingPeriod }): string {
  return `TG-${input.tenantId}-${formatBillingPeriod(input.period)}`;
}
