import { TokenBucket } from 'limiter';
import { RateLimitError } from '../errors/index.js';

/** A client-side token bucket: how many requests a connector may send per second. */
export interface RateLimitOptions {
  /** Sustained rate, in requests per second. */
  requestsPerSecond: number;
  /** Bucket size: how many requests may go out at once after a quiet spell. Default: one second's worth. */
  burst?: number;
  /** Longest a request may wait for a token before failing with {@link RateLimitError}. Default 5000 ms. */
  maxWaitMs?: number;
}

/**
 * A token bucket (the `limiter` package's) that starts full. `take()` resolves
 * when the request may go; if it would have to wait longer than `maxWaitMs` (or
 * than the caller's remaining budget) it fails at once with a
 * {@link RateLimitError} that says how long to wait.
 */
export class ClientRateLimiter {
  readonly #bucket: TokenBucket;
  readonly #maxWaitMs: number;

  constructor(options: RateLimitOptions) {
    if (!(options.requestsPerSecond > 0)) {
      throw new RangeError('rateLimit.requestsPerSecond must be a positive number');
    }
    const burst = options.burst ?? Math.max(1, Math.ceil(options.requestsPerSecond));
    this.#bucket = new TokenBucket({
      bucketSize: burst,
      tokensPerInterval: options.requestsPerSecond,
      interval: 1000,
    });
    this.#bucket.content = burst;
    this.#maxWaitMs = options.maxWaitMs ?? 5000;
  }

  /** Wait for a token; `budgetMs` caps the wait further (the call's remaining deadline). */
  async take(context: { connectorId: string | undefined; budgetMs?: number }): Promise<void> {
    if (this.#bucket.tryRemoveTokens(1)) return;
    const waitMs = this.#bucket.getWaitTime(1);
    const limit = Math.min(this.#maxWaitMs, context.budgetMs ?? Number.POSITIVE_INFINITY);
    if (waitMs > limit) {
      throw new RateLimitError(
        `Client-side rate limit reached; a request could go in ${waitMs} ms`,
        { retryAfterMs: waitMs, connectorId: context.connectorId },
      );
    }
    await this.#bucket.removeTokens(1);
  }
}
