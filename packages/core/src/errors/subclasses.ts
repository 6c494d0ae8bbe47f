import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** One problem found while validating input, as listed by {@link ValidationError}. */
export interface ValidationIssue {
  /** Where the problem is, e.g. `['amount', 'currency']`. */
  path: ReadonlyArray<string | number>;
  /** A stable machine-readable code (zod's issue code for schema problems). */
  code: string;
  /** What is wrong, for a human. Never contains the offending secret value. */
  message: string;
}

/** Input (config, credentials, an operation's input, a request body) failed its schema. */
export class ValidationError extends TollgateError {
  /** Every issue found, not only the first. */
  readonly issues: readonly ValidationIssue[];

  constructor(
    message: string,
    issues: readonly ValidationIssue[],
    options: TollgateErrorOptions = {},
  ) {
    super('validation_failed', message, { ...options, details: { ...options.details, issues } });
    this.issues = issues;
  }
}

/** Credentials were missing, wrong or rejected by the partner (401/403, TLS client auth). */
export class AuthError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super('auth_failed', message, options);
  }
}

/** Options of {@link RateLimitError}. */
export interface RateLimitErrorOptions extends TollgateErrorOptions {
  /** How long to wait before trying again, when known. */
  retryAfterMs?: number;
}

/** A rate limit was hit, ours (client-side token bucket) or the partner's (429). */
export class RateLimitError extends TollgateError {
  /** How long to wait before trying again, when known. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super('rate_limited', message, {
      retryable: true,
      ...options,
      details: {
        ...options.details,
        ...(options.retryAfterMs === undefined ? {} : { retry_after_ms: options.retryAfterMs }),
      },
    });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Options of {@link UpstreamError}. */
export interface UpstreamErrorOptions extends TollgateErrorOptions {
  /** The partner's HTTP status, when it answered. */
  upstreamStatus?: number;
  /** The partner's raw response body, secrets redacted, for debugging. */
  body?: string;
}

/**
 * The partner failed: a 5xx, a network error, an unexpected 4xx, or a body that
 * does not match the operation's output schema (then `body` keeps the raw text,
 * redacted).
 */
export class UpstreamError extends TollgateError {
  /** The partner's HTTP status, when it answered. */
  readonly upstreamStatus: number | undefined;
  /** The partner's raw response body, secrets redacted. */
  readonly body: string | undefined;

  constructor(message: string, options: UpstreamErrorOptions = {}) {
    super('upstream_error', message, {
      retryable: options.upstreamStatus === undefined || options.upstreamStatus >= 500,
      ...options,
      details: {
        ...options.details,
        ...(options.upstreamStatus === undefined
          ? {}
          : { upstream_status: options.upstreamStatus }),
      },
    });
    this.upstreamStatus = options.upstreamStatus;
    this.body = options.body;
  }
}

/** An attempt or the whole call ran past its time limit. */
export class TimeoutError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super('timeout', message, { retryable: true, ...options });
  }
}

/** The connector's circuit breaker is open: the call failed fast, nothing was sent. */
export class CircuitOpenError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super('circuit_open', message, { retryable: true, ...options });
  }
}

/** Why a webhook failed verification. */
export type WebhookVerificationCode =
  | 'missing_header'
  | 'invalid_signature'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_timestamp'
  | 'invalid_secret'
  | 'invalid_payload'
  | 'replayed';

/** A webhook's signature, timestamp, secret or payload was rejected. */
export class WebhookVerificationError extends TollgateError {
  declare readonly code: WebhookVerificationCode;

  constructor(code: WebhookVerificationCode, message: string, options: TollgateErrorOptions = {}) {
    super(code, message, { status: 400, ...options });
  }

  override toProblem(instance?: string) {
    return { ...super.toProblem(instance), title: 'Webhook verification failed' };
  }
}

/** A price quote a payer must accept before a paid operation runs. */
export interface Quote {
  quoteId: string;
  operation: string;
  /** Amount in minor units. */
  amount: bigint;
  currency: string;
  expiresAt: Date;
}

/** The caller must consent to (pay for) the operation first; carries the quote. */
export class PaymentRequiredError extends TollgateError {
  /** What the caller would pay, and until when the offer holds. */
  readonly quote: Quote;

  constructor(message: string, quote: Quote, options: TollgateErrorOptions = {}) {
    super('payment_required', message, {
      ...options,
      details: {
        ...options.details,
        quote: {
          quote_id: quote.quoteId,
          operation: quote.operation,
          amount: quote.amount.toString(),
          currency: quote.currency,
          expires_at: quote.expiresAt.toISOString(),
        },
      },
    });
    this.quote = quote;
  }
}

/** Options of {@link QuotaExceededError}. */
export interface QuotaExceededErrorOptions extends TollgateErrorOptions {
  /** When the quota resets. */
  resetsAt?: Date;
}

/** A tenant's quota for an operation is used up until `resetsAt`. */
export class QuotaExceededError extends TollgateError {
  /** When the quota resets. */
  readonly resetsAt: Date | undefined;

  constructor(message: string, options: QuotaExceededErrorOptions = {}) {
    super('quota_exceeded', message, {
      ...options,
      details: {
        ...options.details,
        ...(options.resetsAt === undefined ? {} : { resets_at: options.resetsAt.toISOString() }),
      },
    });
    this.resetsAt = options.resetsAt;
  }
}

/** An idempotency key was reused with a different request. */
export class IdempotencyConflictError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super('idempotency_conflict', message, options);
  }
}
