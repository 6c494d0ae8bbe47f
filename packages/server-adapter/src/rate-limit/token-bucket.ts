/**
 * A token bucket as pure functions: what taking one token does to a stored
 * bucket, and how a bucket level reads as headers. The stores keep the state;
 * nothing here reads a clock.
 */

/**
 * How fast a key may call: a bucket of at most `capacity` tokens, refilled
 * continuously at `refillPerSecond`; every request takes one token and is
 * refused when less than one is left. A key that waited long enough may burst
 * `capacity` requests, then sustains `refillPerSecond` requests per second.
 */
export interface TokenBucketPolicy {
  /** Most tokens the bucket holds, i.e. the largest burst: a whole number ≥ 1. A new bucket starts full. */
  capacity: number;
  /** Tokens added per second, > 0; may be fractional (`0.5`: one token every two seconds). */
  refillPerSecond: number;
}

/** A bucket as stored: its token level (fractional, ≥ 0) at the instant `updatedAtMs`. */
export interface TokenBucketState {
  /** Tokens left at `updatedAtMs`, fractional, never negative. */
  tokens: number;
  /** When `tokens` was computed, in epoch milliseconds. */
  updatedAtMs: number;
}

/** What taking one token decided, in the units the HTTP headers use. */
export interface RateLimitOutcome {
  /** Whether a token was taken (the request may go on). */
  allowed: boolean;
  /** Whole tokens left after this take (floor): how many more requests would be allowed right now. */
  remaining: number;
  /** When refused: whole seconds (ceil, ≥ 1) until one token is back. `0` when allowed. */
  retryAfterSeconds: number;
  /**
   * Whole seconds (ceil) until `remaining` grows by one, i.e. during which at
   * most `remaining` more requests are allowed; `0` when the bucket is full.
   * It equals `retryAfterSeconds` when refused. This is the draft's `t`.
   */
  resetSeconds: number;
}

/** The result of {@link takeToken}: the decision and the bucket to store. */
export interface TokenBucketTake {
  outcome: RateLimitOutcome;
  state: TokenBucketState;
}

/**
 * Token amounts this close to a whole number count as that number, so that
 * floating-point refill (e.g. 6 s at 1/6 token per second = 0.9999999999…)
 * yields the token a person would expect. The SQL store uses the same value.
 */
export const TOKEN_TOLERANCE = 1e-9;

/** Throw a `RangeError` unless `policy` has a whole `capacity` ≥ 1 and a finite `refillPerSecond` > 0. */
export function assertTokenBucketPolicy(policy: TokenBucketPolicy): void {
  if (!Number.isSafeInteger(policy.capacity) || policy.capacity < 1) {
    throw new RangeError(`rate limit capacity must be a whole number ≥ 1, got ${policy.capacity}`);
  }
  if (!Number.isFinite(policy.refillPerSecond) || policy.refillPerSecond <= 0) {
    throw new RangeError(
      `rate limit refillPerSecond must be a finite number > 0, got ${policy.refillPerSecond}`,
    );
  }
}

/**
 * Milliseconds an empty bucket takes to fill (ceil): a bucket untouched for
 * this long is full, so a store may forget it without changing any decision.
 */
export function fullRefillMs(policy: TokenBucketPolicy): number {
  return Math.ceil((policy.capacity * 1000) / policy.refillPerSecond);
}

/**
 * The policy's window in whole seconds (ceil, ≥ 1): how long an empty bucket
 * takes to fill, so that `capacity` per window is the sustained rate. The draft's `w`.
 */
export function windowSeconds(policy: TokenBucketPolicy): number {
  return Math.max(1, Math.ceil(policy.capacity / policy.refillPerSecond - TOKEN_TOLERANCE));
}

/**
 * The bucket's level at `nowMs`: `state` plus what refilled since, capped at
 * `capacity`; a full bucket when there is no state yet. A clock that went
 * back refills nothing.
 */
export function refilledTokens(
  policy: TokenBucketPolicy,
  state: TokenBucketState | undefined,
  nowMs: number,
): number {
  if (state === undefined) return policy.capacity;
  const elapsedMs = Math.max(0, nowMs - state.updatedAtMs);
  const tokens = Math.max(0, state.tokens) + (elapsedMs * policy.refillPerSecond) / 1000;
  return Math.min(policy.capacity, tokens);
}

/**
 * Describe a bucket left at `tokens` after a take that was `allowed` or not:
 * whole tokens remaining, seconds until a retry can succeed, seconds until
 * the next whole token.
 */
export function describeBucket(
  policy: TokenBucketPolicy,
  tokens: number,
  allowed: boolean,
): RateLimitOutcome {
  const level = Math.max(0, tokens);
  const remaining = Math.min(policy.capacity, Math.floor(level + TOKEN_TOLERANCE));
  const secondsUntil = (target: number) =>
    Math.max(1, Math.ceil((target - level) / policy.refillPerSecond - TOKEN_TOLERANCE));
  return {
    allowed,
    remaining,
    retryAfterSeconds: allowed ? 0 : secondsUntil(1),
    resetSeconds: remaining >= policy.capacity ? 0 : secondsUntil(remaining + 1),
  };
}

/**
 * Take one token from the bucket `state` (none yet: a full bucket) at `now`:
 * refill for the time elapsed, take a token when at least one is there, and
 * return the decision with the bucket to store. A refused take leaves the
 * level as refilled. The stored instant never moves back, even when `now` does.
 */
export function takeToken(
  policy: TokenBucketPolicy,
  state: TokenBucketState | undefined,
  now: Date,
): TokenBucketTake {
  const nowMs = now.getTime();
  const available = refilledTokens(policy, state, nowMs);
  const allowed = available >= 1 - TOKEN_TOLERANCE;
  const tokens = allowed ? Math.max(0, available - 1) : available;
  const updatedAtMs = Math.max(nowMs, state?.updatedAtMs ?? nowMs);
  return { outcome: describeBucket(policy, tokens, allowed), state: { tokens, updatedAtMs } };
}
