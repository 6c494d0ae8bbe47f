import { getResponse, type RequestHandler } from 'msw';
import type { SandboxHandler } from '../connector/types.js';
import { abortable } from '../transport/abortable.js';
import type { FetchLike } from '../transport/fetch-like.js';

/** Options of {@link createSandboxFetch}. */
export interface SandboxFetchOptions {
  /**
   * What happens to a request no handler answers: `error` (default) fails it
   * loudly, so a test never reaches a real partner by mistake; `bypass` sends
   * it with `fallback` (default `globalThis.fetch`).
   */
  onUnhandledRequest?: 'error' | 'bypass';
  fallback?: FetchLike;
  /**
   * How many of the latest requests {@link SandboxFetch.requests} keeps
   * (default 1000), so a long-running sandbox (a demo server) does not grow
   * without bound.
   */
  keepRequests?: number;
}

/** A `fetch` answered by a sandbox, whose handlers a test may change on the fly. */
export interface SandboxFetch extends FetchLike {
  /** Put handlers in front of the current ones (faults, one-off answers), like msw's `server.use`. */
  use(...handlers: readonly SandboxHandler[]): void;
  /** Drop the handlers added with {@link SandboxFetch.use}. */
  resetHandlers(): void;
  /** The requests the sandbox received, oldest first (method and URL; the latest `keepRequests`). */
  readonly requests: ReadonlyArray<{ method: string; url: string }>;
}

/**
 * A `fetch` that answers from msw request handlers in-process, through msw's
 * `getResponse`: no global interception, no port, nothing leaves the process.
 * Pass it as `fetch` to `connector.connect()` or `createTransport()`; the code
 * under test (transport, retries, auth) runs exactly as in production.
 * `HttpResponse.error()` becomes a network error, as a real `fetch` would throw.
 */
export function createSandboxFetch(
  handlers: readonly SandboxHandler[],
  options: SandboxFetchOptions = {},
): SandboxFetch {
  let extra: SandboxHandler[] = [];
  const requests: Array<{ method: string; url: string }> = [];
  const keepRequests = Math.max(0, options.keepRequests ?? 1000);
  // Only a request that may go on to the fallback needs its body kept for it.
  const bypass = options.onUnhandledRequest === 'bypass';
  const sandboxFetch = (async (input: Request | URL | string, init?: RequestInit) => {
    const request =
      input instanceof Request && init === undefined ? input : new Request(input, init);
    requests.push({ method: request.method, url: request.url });
    if (requests.length > keepRequests) requests.shift();
    const all = [...extra, ...handlers] as unknown as RequestHandler[];
    const response = await abortable(
      getResponse(all, bypass ? request.clone() : request),
      request.signal,
    );
    if (response === undefined) {
      if (bypass) {
        return (options.fallback ?? globalThis.fetch)(request);
      }
      throw new Error(`The sandbox has no handler for ${request.method} ${request.url}`);
    }
    if (response.type === 'error') {
      throw new TypeError('fetch failed', {
        cause: new Error('sandbox network error (connection reset)'),
      });
    }
    return response;
  }) as SandboxFetch;
  sandboxFetch.use = (...more) => {
    extra = [...more, ...extra];
  };
  sandboxFetch.resetHandlers = () => {
    extra = [];
  };
  Object.defineProperty(sandboxFetch, 'requests', { get: () => requests });
  return sandboxFetch;
}
