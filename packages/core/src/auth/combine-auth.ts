import type { ValidationIssue } from '../errors/index.js';
import type { FetchLike } from '../transport/fetch-like.js';
import { INSPECT_CUSTOM, invalidAuthOptions } from './parse-options.js';
import type { AuthContext, AuthStrategy } from './types.js';

/** Several strategies applied together, e.g. mTLS below and OAuth2 on top, as banks ask. */
export class CombinedAuthStrategy implements AuthStrategy {
  /** Always `combined`. */
  readonly type = 'combined';
  readonly #strategies: readonly AuthStrategy[];

  /** Use {@link combineAuth}; `strategies` are validated there. */
  constructor(strategies: readonly AuthStrategy[]) {
    this.#strategies = [...strategies];
  }

  /** Run every strategy's `authorize` in order; synchronous while they all are. */
  authorize(request: Request, context: AuthContext): Request | Promise<Request> {
    let current: Request | Promise<Request> = request;
    for (const strategy of this.#strategies) {
      current = isPromise(current)
        ? current.then((next) => strategy.authorize(next, context))
        : strategy.authorize(current, context);
    }
    return current;
  }

  /** Refresh every strategy that can; `true` if any of them says a retry may succeed. */
  async refresh(context: AuthContext): Promise<boolean> {
    const results = await Promise.all(
      this.#strategies.map((strategy) => strategy.refresh?.(context) ?? Promise.resolve(false)),
    );
    return results.some(Boolean);
  }

  /** Compose every strategy's `wrapFetch`, the first one innermost. */
  wrapFetch(fetch: FetchLike): FetchLike {
    return this.#strategies.reduce(
      (inner, strategy) => strategy.wrapFetch?.(inner) ?? inner,
      fetch,
    );
  }

  /** Every strategy's secret values. */
  secretValues(): readonly string[] {
    return this.#strategies.flatMap((strategy) => strategy.secretValues?.() ?? []);
  }

  /** `{ type, strategies }` with each strategy's own redacted description. */
  toJSON(): Record<string, unknown> {
    return { type: this.type, strategies: this.#strategies.map((strategy) => strategy.toJSON()) };
  }

  /** `util.inspect` shows the same redacted description as {@link toJSON}. */
  [INSPECT_CUSTOM](): Record<string, unknown> {
    return this.toJSON();
  }

  /** Close every strategy that holds resources (an mTLS connection pool). */
  async close(): Promise<void> {
    await Promise.all(this.#strategies.map((strategy) => strategy.close?.()));
  }
}

/**
 * Apply several strategies as one: `authorize` runs each in order, `refresh`
 * tries each that has one, `wrapFetch` composes them (mTLS + OAuth2 together).
 */
export function combineAuth(...strategies: AuthStrategy[]): CombinedAuthStrategy {
  const issues: ValidationIssue[] = [];
  if (strategies.length === 0) {
    issues.push({ path: [], code: 'too_small', message: 'expected at least one strategy' });
  }
  strategies.forEach((strategy, index) => {
    const candidate = strategy as Partial<AuthStrategy> | null | undefined;
    if (
      typeof candidate?.type !== 'string' ||
      typeof candidate.authorize !== 'function' ||
      typeof candidate.toJSON !== 'function'
    ) {
      issues.push({ path: [index], code: 'invalid_type', message: 'is not an auth strategy' });
    }
  });
  if (issues.length > 0) throw invalidAuthOptions('combineAuth', issues);
  return new CombinedAuthStrategy(strategies);
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}
