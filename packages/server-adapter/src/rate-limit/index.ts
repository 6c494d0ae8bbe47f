/**
 * Per-API-key rate limiting: token buckets (pure), stores (memory, SQL) and
 * the Hono middleware that answers `429` with `Retry-After` and sets the
 * `RateLimit-Policy` / `RateLimit` headers.
 */
export {
  assertPolicyName,
  RATE_LIMIT_HEADER,
  RATE_LIMIT_POLICY_HEADER,
  RETRY_AFTER_HEADER,
  rateLimitPolicyValue,
  rateLimitValue,
} from './headers.js';
export { type RateLimitOptions, rateLimit } from './middleware.js';
export {
  migrateRateLimitTable,
  RATE_LIMIT_MIGRATIONS,
  RATE_LIMIT_MIGRATIONS_COMPONENT,
  RATE_LIMITS_TABLE,
} from './migrations.js';
export {
  type MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
  memoryRateLimitStore,
  type RateLimitStore,
  type SqlRateLimitStore,
  type SqlRateLimitStoreOptions,
  sqlRateLimitStore,
} from './store.js';
export {
  assertTokenBucketPolicy,
  describeBucket,
  fullRefillMs,
  type RateLimitOutcome,
  refilledTokens,
  TOKEN_TOLERANCE,
  type TokenBucketPolicy,
  type TokenBucketState,
  type TokenBucketTake,
  takeToken,
  windowSeconds,
} from './token-bucket.js';
