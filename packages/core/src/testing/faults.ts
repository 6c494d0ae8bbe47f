import { delay, HttpResponse, http } from 'msw';
import type { SandboxHandler } from '../connector/types.js';

/** Which requests a fault hits, and how many times. */
export interface FaultOptions {
  /** How many matching requests fail; later ones reach the sandbox. Default 1. */
  times?: number;
  /** Only requests with this method (`GET`, `POST`, …). Default: any. */
  method?: string;
  /** Only requests to this URL pattern (msw syntax, e.g. `https://api.test/v1/*`). Default: any. */
  url?: string;
}

/**
 * A handler that answers the first `times` matching requests through `respond`
 * and lets the rest fall through to the handlers behind it (the sandbox).
 */
function fault(
  options: FaultOptions,
  respond: () => Response | Promise<Response | undefined> | undefined,
): SandboxHandler {
  let remaining = options.times ?? 1;
  return http.all(options.url ?? '*', async ({ request }) => {
    if (remaining <= 0) return undefined;
    if (options.method && request.method !== options.method.toUpperCase()) return undefined;
    remaining -= 1;
    return respond();
  });
}

/**
 * Faults a sandbox can inject in front of a connector's handlers, so retry and
 * error paths are tested against real HTTP semantics:
 * `sandbox.use(faults.status(503))`, `faults.rateLimited({ retryAfter: 2 })`, …
 */
export const faults = {
  /** Answer with `status` (a 5xx, a 401, a 404 …) and an optional JSON body. */
  status(
    status: number,
    options: FaultOptions & { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    return fault(options, () =>
      options.body === undefined
        ? new HttpResponse(null, { status, headers: options.headers ?? {} })
        : HttpResponse.json(options.body as Record<string, unknown>, {
            status,
            headers: options.headers ?? {},
          }),
    );
  },
  /**
   * Answer 429 with `Retry-After` as delay-seconds (a number) or as an HTTP
   * date (a `Date`), or with a `RateLimit-Reset` header instead.
   */
  rateLimited(
    options: FaultOptions & { retryAfter?: number | Date; rateLimitReset?: number } = {},
  ) {
    return fault(options, () => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.retryAfter instanceof Date)
        headers['retry-after'] = options.retryAfter.toUTCString();
      else if (options.retryAfter !== undefined)
        headers['retry-after'] = String(options.retryAfter);
      if (options.rateLimitReset !== undefined) {
        headers['ratelimit-reset'] = String(options.rateLimitReset);
      }
      return new HttpResponse(JSON.stringify({ error: 'rate_limited' }), { status: 429, headers });
    });
  },
  /** Wait `ms` before the sandbox answers: past the timeout, the attempt times out. */
  slow(ms: number, options: FaultOptions = {}) {
    return fault(options, async () => {
      await delay(ms);
      return undefined;
    });
  },
  /** Answer 200 with a body that is not valid JSON. */
  malformed(options: FaultOptions = {}) {
    return fault(
      options,
      () =>
        new HttpResponse('{"status": "ok", "data": [1, 2', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
  },
  /** Fail at the network level (connection reset). */
  networkError(options: FaultOptions = {}) {
    return fault(options, () => HttpResponse.error());
  },
};
