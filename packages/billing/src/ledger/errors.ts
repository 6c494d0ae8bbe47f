import { TollgateError, type TollgateErrorOptions } from '@tollgate/core';

/**
 * Every error code the ledger, the stores and the billing guard raise beyond
 * `@tollgate/core`'s own (`payment_required`, `quota_exceeded`,
 * `idempotency_conflict`, `validation_failed`), with its HTTP status. Codes are
 * stable; each maps to `https://tollgate.dev/problems/<code>`.
 */
export const BILLING_ERROR_CODES = {
  already_committed: { status: 409, title: 'Billing intent already committed' },
  already_voided: { status: 409, title: 'Billing intent already voided' },
  expired: { status: 409, title: 'Billing intent expired' },
  intent_not_found: { status: 404, title: 'Billing intent not found' },
  in_progress: { status: 409, title: 'A request with this idempotency key is still running' },
  not_entitled: { status: 403, title: 'Operation not in the tenant’s entitlements' },
  event_not_found: { status: 404, title: 'Billing event not found' },
  already_reversed: { status: 409, title: 'Billing event already reversed' },
  migration_mismatch: { status: 500, title: 'Database schema does not match this version' },
  store_unavailable: { status: 503, title: 'Billing store unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A code from {@link BILLING_ERROR_CODES}. */
export type BillingErrorCode = keyof typeof BILLING_ERROR_CODES;

/** An error of the ledger, a store or the billing guard, with a stable {@link BillingErrorCode}. */
export class BillingError extends TollgateError {
  declare readonly code: BillingErrorCode;

  constructor(code: BillingErrorCode, message: string, options: TollgateErrorOptions = {}) {
    super(code, message, { status: BILLING_ERROR_CODES[code].status, ...options });
  }

  override toProblem(instance?: string) {
    return { ...super.toProblem(instance), title: BILLING_ERROR_CODES[this.code].title };
  }
}
