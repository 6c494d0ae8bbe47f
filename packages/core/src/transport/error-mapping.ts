import { isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import {
  AuthError,
  isTollgateError,
  RateLimitError,
  TimeoutError,
  UpstreamError,
} from '../errors/index.js';
import { redactSecrets } from '../redaction/redact.js';
import { retryAfterMs } from './retry-after.js';

/** Where a failed call happened, for the error it becomes. */
export interface FailureContext {
  connectorId: string | undefined;
  operation: string | undefined;
  method: string;
  /** URL without its query string. */
  url: string;
  secrets: () => Iterable<string>;
}

/** Longest raw body kept on an error. */
const MAX_ERROR_BODY_CHARS = 8192;

/** The partner's error body as text, secrets redacted and truncated. */
export function redactedBody(data: unknown, secrets: Iterable<string>): string | undefined {
  if (data === undefined) return undefined;
  const text = typeof data === 'string' ? data : safeStringify(data);
  const redacted = redactSecrets(text, secrets);
  return redacted.length > MAX_ERROR_BODY_CHARS
    ? `${redacted.slice(0, MAX_ERROR_BODY_CHARS)}… (truncated)`
    : redacted;
}

function safeStringify(data: unknown): string {
  try {
    return JSON.stringify(data);
  } catch {
    return String(data);
  }
}

/**
 * Turn whatever a call threw (ky's `HTTPError`, `TimeoutError`,
 * `NetworkError`, or an error of ours) into the matching
 * `TollgateError`. Unknown errors (an abort by the caller, a bug) are
 * returned unchanged.
 */
export function toTollgateError(error: unknown, context: FailureContext): unknown {
  if (isTollgateError(error)) return error;
  const where = { connectorId: context.connectorId, operation: context.operation, cause: error };
  const target = `${context.method} ${context.url}`;
  if (isHTTPError(error)) {
    const status = error.response.status;
    const body = redactedBody(error.data, context.secrets());
    if (status === 401 || status === 403) {
      return new AuthError(`The partner rejected the credentials: HTTP ${status} from ${target}`, {
        ...where,
        status: 502,
        details: { upstream_status: status },
      });
    }
    if (status === 429) {
      return new RateLimitError(`The partner rate-limited the call: HTTP 429 from ${target}`, {
        ...where,
        retryAfterMs: retryAfterMs(error.response.headers),
      });
    }
    return new UpstreamError(`HTTP ${status} from ${target}`, {
      ...where,
      status: 502,
      upstreamStatus: status,
      retryable: status >= 500 || status === 408,
      ...(body === undefined ? {} : { body }),
    });
  }
  if (isTimeoutError(error)) {
    return new TimeoutError(`No response in time from ${target}`, where);
  }
  if (isNetworkError(error)) {
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    return new UpstreamError(
      `Network error calling ${target}: ${redactSecrets(reason, context.secrets())}`,
      where,
    );
  }
  return error;
}
