import { redactSecrets, UpstreamError } from '@tollgate/core';
import { describeRequestFailure } from '../errors/request-failure.js';

/** How long a notifier's HTTP request may take by default (10 s), body included. */
export const DEFAULT_NOTIFIER_TIMEOUT_MS = 10_000;

/** How much of an error answer's body an error keeps (after redaction). */
const MAX_ERROR_BODY_CHARS = 500;

/** What {@link postJson} sends and how it judges the answer. */
export interface PostJsonRequest {
  /** Who sends: the `notifier` detail of errors (`slack`, `pagerduty`). */
  notifier: string;
  /** What the error messages call the endpoint (`Slack webhook`); never the URL. */
  service: string;
  fetch: typeof fetch;
  url: string;
  body: unknown;
  timeoutMs: number;
  /** Strings scrubbed from an error answer's body before it is kept (the URL, a key). */
  secrets: readonly string[];
  /** Whether `status` means the message was accepted. */
  accepted: (status: number) => boolean;
}

/**
 * POST `body` as JSON to `url`. Resolves when the answer's status is accepted;
 * otherwise rejects with an `UpstreamError` whose message names the service
 * and the status (or why there was none) but never the URL, and whose
 * `body` is the answer's first 500 characters with `secrets` redacted. The
 * original error of a failed request is not kept as `cause`: it may quote the URL.
 */
export async function postJson(request: PostJsonRequest): Promise<void> {
  // Called detached: some runtimes reject a `fetch` invoked as a method of another object.
  const send = request.fetch;
  let response: Response;
  try {
    response = await send(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    throw new UpstreamError(
      `${request.service} request failed: ${describeRequestFailure(error, request.timeoutMs)}`,
      { details: { notifier: request.notifier } },
    );
  }
  const text = await response.text().catch(() => '');
  if (request.accepted(response.status)) return;
  throw new UpstreamError(`${request.service} answered HTTP ${response.status}`, {
    upstreamStatus: response.status,
    body: redactSecrets(text, request.secrets).slice(0, MAX_ERROR_BODY_CHARS),
    details: { notifier: request.notifier },
  });
}

/** Check a notifier's timeout option; default {@link DEFAULT_NOTIFIER_TIMEOUT_MS}. */
export function timeoutOption(timeoutMs: number | undefined): number {
  const value = timeoutMs ?? DEFAULT_NOTIFIER_TIMEOUT_MS;
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError('timeoutMs must be a positive number of milliseconds');
  }
  return value;
}
