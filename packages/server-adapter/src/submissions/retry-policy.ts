import { isTollgateError, TollgateError } from '@tollgate/core';

/**
 * When failed partner calls are tried again: after the first call, retries
 * wait `delaysMs[0]`, `delaysMs[1]` … (one retry per entry), then the
 * submission is `failed`.
 */
export interface SubmissionRetryPolicy {
  delaysMs: readonly number[];
}

/**
 * The default: retries 15 s, 1 min, 3 min and 7 min after the failure before
 * them — five calls within about 11 minutes, inside the 15 minutes a bank's
 * consent to a quote lasts.
 */
export const DEFAULT_SUBMISSION_RETRY: SubmissionRetryPolicy = {
  delaysMs: [15_000, 60_000, 180_000, 420_000],
};

/**
 * When the next call is due after `attempts` calls failed, or `undefined` when
 * the error is not worth retrying (the partner refused the request itself) or
 * the retries are used up.
 */
export function nextRetryAt(
  policy: SubmissionRetryPolicy,
  attempts: number,
  error: unknown,
  now: Date,
): Date | undefined {
  if (!isTollgateError(error) || !error.retryable) return undefined;
  const delay = policy.delaysMs[attempts - 1];
  return delay === undefined ? undefined : new Date(now.getTime() + delay);
}

/** A failure's text for the submission record: its code and message, never a cause's internals. */
export function failureText(error: unknown): string {
  if (error instanceof TollgateError) return `${error.code}: ${error.message}`;
  return 'internal_error: the call failed';
}
