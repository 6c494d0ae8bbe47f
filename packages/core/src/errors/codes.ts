/**
 * Every error code `@tollgate/core` raises, in one place. Codes are stable: a
 * client may switch on them, and each maps to a problem type URL
 * `https://tollgate.dev/problems/<code>`.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'Validation failed' },
  auth_failed: { status: 401, title: 'Authentication failed' },
  payment_required: { status: 402, title: 'Payment required' },
  idempotency_conflict: { status: 409, title: 'Idempotency key reused with a different request' },
  rate_limited: { status: 429, title: 'Rate limited' },
  quota_exceeded: { status: 429, title: 'Quota exceeded' },
  webhook_verification_failed: { status: 400, title: 'Webhook verification failed' },
  upstream_error: { status: 502, title: 'Upstream error' },
  circuit_open: { status: 503, title: 'Circuit open' },
  timeout: { status: 504, title: 'Upstream timeout' },
  internal_error: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A stable string code carried by every {@link TollgateError}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Base of every problem `type` URL. */
export const PROBLEM_TYPE_BASE = 'https://tollgate.dev/problems/';
