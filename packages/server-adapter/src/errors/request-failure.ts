/**
 * Why an outgoing HTTP request failed without an answer, in words that never
 * carry a URL, header or secret: `timed out after … ms`, `aborted`, or
 * `network error` with the system error code when there is one (`ECONNREFUSED`).
 */
export function describeRequestFailure(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return `timed out after ${timeoutMs} ms`;
  if (name === 'AbortError') return 'aborted';
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code =
    typeof cause?.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(cause.code)
      ? cause.code
      : undefined;
  return code === undefined ? 'network error' : `network error (${code})`;
}
