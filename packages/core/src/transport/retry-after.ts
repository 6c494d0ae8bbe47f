/**
 * How long a response asks the client to wait, in milliseconds: `Retry-After`
 * as delay-seconds or as an HTTP date (RFC 9110 §10.2.3), else the rate-limit
 * reset headers partners send (`RateLimit-Reset`, `X-RateLimit-Reset` as
 * seconds or a Unix timestamp, `X-RateLimit-Retry-After`). `undefined` when the
 * response says nothing usable.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) return parseDelay(retryAfter, now, false);
  const reset =
    headers.get('ratelimit-reset') ??
    headers.get('x-ratelimit-reset') ??
    headers.get('x-rate-limit-reset');
  if (reset !== null) return parseDelay(reset, now, true);
  const symfony = headers.get('x-ratelimit-retry-after');
  if (symfony !== null) return parseDelay(symfony, now, false);
  return undefined;
}

/** Values above this many seconds are Unix timestamps, not delays (2001-09-09). */
const UNIX_TIMESTAMP_THRESHOLD_SECONDS = 1_000_000_000;

function parseDelay(value: string, now: number, mayBeTimestamp: boolean): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const seconds = Number(trimmed);
    if (mayBeTimestamp && seconds >= UNIX_TIMESTAMP_THRESHOLD_SECONDS) {
      return Math.max(0, seconds * 1000 - now);
    }
    return Math.ceil(seconds * 1000);
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
