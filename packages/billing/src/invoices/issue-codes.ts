import { ValidationError, type ValidationIssue } from '@tollgate/core';

/**
 * Every issue code the invoice and payout functions put in a
 * `ValidationError`'s `issues`, besides the pricing codes and zod's own,
 * in one place. Stable: callers may switch on them.
 */
export const INVOICE_ISSUE_CODES = [
  'wrong_tenant',
  'currency_mismatch',
  'duplicate_event',
  'invalid_event',
  'invalid_time_zone',
  'invalid_period',
  'missing_transaction_value',
  'invalid_transaction_value',
  'duplicate_reversal',
  'unsupported_reversal',
  'invalid_invoice_number',
  'shares_above_one',
  'duplicate_share',
  'ambiguous_operations',
  'too_many_issues',
] as const;

/** One of {@link INVOICE_ISSUE_CODES}. */
export type InvoiceIssueCode = (typeof INVOICE_ISSUE_CODES)[number];

/** Most issues listed in one error; a million bad events make one summary issue, not a million. */
export const MAX_LISTED_ISSUES = 50;

/**
 * Collects issues about a batch of events and throws them as one
 * `ValidationError`; past {@link MAX_LISTED_ISSUES} it counts them instead.
 */
export class IssueCollector {
  readonly #issues: ValidationIssue[] = [];
  #unlisted = 0;

  /** Record one issue; `code` is one of {@link INVOICE_ISSUE_CODES}, or a pricing code passed on. */
  add(
    code: InvoiceIssueCode | (string & {}),
    message: string,
    path: ReadonlyArray<string | number>,
  ): void {
    if (this.#issues.length < MAX_LISTED_ISSUES) this.#issues.push({ path, code, message });
    else this.#unlisted += 1;
  }

  /** Throw a `ValidationError` headed by `what` if any issue was recorded. */
  throwIfAny(what: string): void {
    if (this.#issues.length === 0) return;
    const issues = [...this.#issues];
    if (this.#unlisted > 0) {
      const message = `${this.#unlisted} more issues not listed`;
      issues.push({ path: [], code: 'too_many_issues', message });
    }
    throw new ValidationError(
      `${what}: ${issues.map((issue) => issue.message).join('; ')}`,
      issues,
    );
  }
}
