export { createInvoice } from './create-invoice.js';
export { defaultInvoiceNumber } from './invoice-number.js';
export { INVOICE_ISSUE_CODES, type InvoiceIssueCode, MAX_LISTED_ISSUES } from './issue-codes.js';
export { billingPeriodRange, localMonthOf } from './local-month.js';
export {
  computePartnerPayouts,
  type OperationPayout,
  type PartnerPayout,
  type PartnerPayoutOptions,
  type PartnerPayouts,
  type PartnerShare,
} from './partner-payouts.js';
export { renderInvoiceJSON } from './render-invoice-json.js';
export { TRANSACTION_VALUE_METADATA_KEY } from './transaction-value.js';
export type {
  BillingEventSource,
  CreateInvoiceOptions,
  Invoice,
  InvoiceLine,
  InvoiceLineKind,
  InvoiceNumbering,
} from './types.js';
