/**
 * The rate-limit header fields of draft-ietf-httpapi-ratelimit-headers (-10,
 * -11): `RateLimit-Policy: "default";q=60;w=60` (the quota policy) and
 * `RateLimit: "default";r=12;t=5` (the service limit now). Both are
 * Structured Field lists, so several policies append as `a, b`.
 */
import { type RateLimitOutcome, type TokenBucketPolicy, windowSeconds } from './token-bucket.js';

/** The header naming the quota policy: `"<name>";q=<capacity>;w=<window seconds>`. */
export const RATE_LIMIT_POLICY_HEADER = 'RateLimit-Policy';

/** The header with the current limit: `"<name>";r=<remaining>;t=<seconds>`. */
export const RATE_LIMIT_HEADER = 'RateLimit';

/** The standard HTTP header on a refused request: whole seconds to wait. */
export const RETRY_AFTER_HEADER = 'Retry-After';

/** What a policy name may be: it is written as a Structured Field string and prefixes store keys. */
const POLICY_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** Throw a `RangeError` unless `name` is 1–64 of `A-Z a-z 0-9 _ . -`. */
export function assertPolicyName(name: string): void {
  if (!POLICY_NAME.test(name)) {
    throw new RangeError(
      `rate limit policy name must be 1-64 of A-Z a-z 0-9 _ . -, got ${JSON.stringify(name)}`,
    );
  }
}

/**
 * The `RateLimit-Policy` member of a token bucket: `q` is its capacity (the
 * burst) and `w` the seconds an empty bucket takes to fill, so `q` per `w` is
 * the sustained rate. Example: `"default";q=60;w=60`.
 */
export function rateLimitPolicyValue(name: string, policy: TokenBucketPolicy): string {
  return `"${name}";q=${policy.capacity};w=${windowSeconds(policy)}`;
}

/**
 * The `RateLimit` member of a take's outcome: `r` the whole tokens left and
 * `t` the seconds during which no more than `r` requests are allowed (until
 * the next token; equal to `Retry-After` on a 429). Example: `"default";r=12;t=1`.
 */
export function rateLimitValue(name: string, outcome: RateLimitOutcome): string {
  return `"${name}";r=${outcome.remaining};t=${outcome.resetSeconds}`;
}
