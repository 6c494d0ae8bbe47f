import type { Context, MiddlewareHandler } from 'hono';
import type { ApiKeyPrincipal } from '../auth/api-keys.js';
import { problemResponse, ServerProblem } from '../errors/problem.js';
import type { AppEnv } from '../types.js';
import {
  assertPolicyName,
  RATE_LIMIT_HEADER,
  RATE_LIMIT_POLICY_HEADER,
  RETRY_AFTER_HEADER,
  rateLimitPolicyValue,
  rateLimitValue,
} from './headers.js';
import type { RateLimitStore } from './store.js';
import { assertTokenBucketPolicy, type TokenBucketPolicy } from './token-bucket.js';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Where the buckets live: `memoryRateLimitStore()` for one process, `sqlRateLimitStore(store.sql)` for several. */
  store: RateLimitStore;
  /** Burst and rate per key, e.g. `{ capacity: 60, refillPerSecond: 1 }` (60 at once, then 1 per second). */
  policy: TokenBucketPolicy;
  /**
   * The policy's name in the headers, and the prefix of its bucket keys in the
   * store (`<name>:<key>`), so give each policy its own; 1–64 of
   * `A-Z a-z 0-9 _ . -`. Default `default`.
   */
  policyName?: string;
  /**
   * Which bucket a request takes from; `undefined` lets it through unlimited
   * and without headers. Default: the authenticated API key's visible prefix
   * (`principal.prefix`), so mount the middleware after `requireApiKey`.
   */
  key?: (c: Context<AppEnv>) => string | undefined;
  /** Called (synchronously) for each refused request with its key, e.g. to count `rate_limit_hits_total`. */
  onLimited?: (c: Context<AppEnv>, key: string) => void;
  /** The clock; default `() => new Date()`. */
  now?: () => Date;
}

/** The default key: the verified API key's prefix, when `requireApiKey` ran. */
function principalPrefix(c: Context<AppEnv>): string | undefined {
  return (c.get('principal') as ApiKeyPrincipal | undefined)?.prefix;
}

/**
 * Per-key rate limiting with a token bucket. Each request with a key takes one
 * token: when the bucket is empty it is answered `429` with a `rate_limited`
 * problem (`retry_after_seconds`) and a `Retry-After` header, without running
 * the handler; otherwise it goes on. Every response of a keyed request carries
 * `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers),
 * appended so that stacked limiters list one member each. A store failure is
 * thrown (the request fails rather than going unlimited).
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const { store, policy, onLimited } = options;
  const name = options.policyName ?? 'default';
  const keyOf = options.key ?? principalPrefix;
  const now = options.now ?? (() => new Date());
  assertTokenBucketPolicy(policy);
  assertPolicyName(name);
  const policyValue = rateLimitPolicyValue(name, policy);

  return async (c, next) => {
    const key = keyOf(c);
    if (key === undefined) {
      await next();
      return;
    }
    const outcome = await store.take(`${name}:${key}`, policy, now());
    const limitValue = rateLimitValue(name, outcome);
    if (!outcome.allowed) {
      onLimited?.(c, key);
      const problem = new ServerProblem(
        'rate_limited',
        `Too many requests for this API key: retry in ${outcome.retryAfterSeconds} s.`,
        { retry_after_seconds: outcome.retryAfterSeconds },
      );
      const response = problemResponse(c, problem);
      response.headers.set(RETRY_AFTER_HEADER, String(outcome.retryAfterSeconds));
      response.headers.append(RATE_LIMIT_POLICY_HEADER, policyValue);
      response.headers.append(RATE_LIMIT_HEADER, limitValue);
      return response;
    }
    await next();
    c.header(RATE_LIMIT_POLICY_HEADER, policyValue, { append: true });
    c.header(RATE_LIMIT_HEADER, limitValue, { append: true });
  };
}
