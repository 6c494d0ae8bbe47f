import {
  assertTokenBucketPolicy,
  fullRefillMs,
  type RateLimitOutcome,
  type TokenBucketPolicy,
  type TokenBucketState,
  takeToken,
} from './token-bucket.js';

export {
  type SqlRateLimitStore,
  type SqlRateLimitStoreOptions,
  sqlRateLimitStore,
} from './sql-store.js';

/**
 * Where token buckets live, one per key. `take` is atomic per key: concurrent
 * takes never hand out more tokens than the bucket holds. Use one policy per
 * key (the middleware prefixes keys with the policy name).
 */
export interface RateLimitStore {
  /** Take one token from `key`'s bucket under `policy` at `now` (a new key starts full). */
  take(key: string, policy: TokenBucketPolicy, now: Date): Promise<RateLimitOutcome>;
}

/** Options of {@link memoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /**
   * How often (by the `now` of takes) the store forgets buckets that are full
   * again, in milliseconds; default 60 000. Forgetting a full bucket changes no decision.
   */
  sweepIntervalMs?: number;
}

/** The in-process store: a {@link RateLimitStore} plus how many buckets it holds. */
export interface MemoryRateLimitStore extends RateLimitStore {
  /** Buckets currently held (full ones are dropped at the next sweep). */
  readonly size: number;
}

/**
 * Buckets in a `Map` of this process: for one server process, tests and
 * development. Several processes each get their own limit; share one with
 * {@link sqlRateLimitStore}. A bucket untouched long enough to be full again
 * is dropped at the next sweep, so the map holds only recently active keys.
 */
export function memoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): MemoryRateLimitStore {
  const sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  const buckets = new Map<string, { state: TokenBucketState; fullAtMs: number }>();
  let lastSweepMs = Number.NEGATIVE_INFINITY;

  const sweep = (nowMs: number) => {
    for (const [key, bucket] of buckets) {
      if (bucket.fullAtMs <= nowMs) buckets.delete(key);
    }
  };

  return {
    get size() {
      return buckets.size;
    },
    async take(key, policy, now) {
      assertTokenBucketPolicy(policy);
      const nowMs = now.getTime();
      if (nowMs - lastSweepMs >= sweepIntervalMs) {
        lastSweepMs = nowMs;
        sweep(nowMs);
      }
      const { outcome, state } = takeToken(policy, buckets.get(key)?.state, now);
      buckets.set(key, { state, fullAtMs: state.updatedAtMs + fullRefillMs(policy) });
      return outcome;
    },
  };
}
