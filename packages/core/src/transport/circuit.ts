import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type IPolicy,
  noop,
  wrap,
} from 'cockatiel';
import { CircuitOpenError, RateLimitError, TimeoutError, UpstreamError } from '../errors/index.js';
import type { TollgateEventBus } from '../events/event-bus.js';

/** When a connector's circuit opens and when it tries again. */
export interface CircuitBreakerOptions {
  /** Consecutive failed calls (5xx, network errors, timeouts) that open the circuit. Default 5. */
  consecutiveFailures?: number;
  /** How long the circuit stays open before one trial call is let through. Default 30 000 ms. */
  halfOpenAfterMs?: number;
}

/** A per-connector concurrency limit (bulkhead). */
export interface ConcurrencyOptions {
  /** Calls allowed in flight at once. */
  maxConcurrent: number;
  /** Calls allowed to wait for a slot; more fail at once with {@link RateLimitError}. Default 0. */
  maxQueued?: number;
}

/** Only failures that say something about the partner's health count toward opening the circuit. */
function countsAgainstCircuit(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  if (error instanceof UpstreamError)
    return error.upstreamStatus === undefined || error.upstreamStatus >= 500;
  return false;
}

/**
 * The circuit breaker and bulkhead around one connector's calls, on cockatiel.
 * A call while the circuit is open fails fast with {@link CircuitOpenError};
 * a call that finds the bulkhead and its queue full fails with
 * {@link RateLimitError}. `circuit.open` / `circuit.close` are emitted.
 */
export class ConnectorGuard {
  readonly #policy: IPolicy;
  readonly #breaker: ReturnType<typeof circuitBreaker> | undefined;
  readonly #connectorId: string | undefined;

  constructor(options: {
    circuitBreaker: CircuitBreakerOptions | false;
    concurrency: ConcurrencyOptions | false;
    events: TollgateEventBus;
    connectorId: string | undefined;
  }) {
    this.#connectorId = options.connectorId;
    const policies: IPolicy[] = [];
    if (options.circuitBreaker !== false) {
      const breaker = circuitBreaker(handleWhen(countsAgainstCircuit), {
        halfOpenAfter: options.circuitBreaker.halfOpenAfterMs ?? 30_000,
        breaker: new ConsecutiveBreaker(options.circuitBreaker.consecutiveFailures ?? 5),
      });
      breaker.onBreak(() =>
        options.events.emit('circuit.open', { connectorId: this.#connectorId }),
      );
      breaker.onReset(() =>
        options.events.emit('circuit.close', { connectorId: this.#connectorId }),
      );
      this.#breaker = breaker;
      policies.push(breaker);
    }
    if (options.concurrency !== false) {
      policies.push(
        bulkhead(options.concurrency.maxConcurrent, options.concurrency.maxQueued ?? 0),
      );
    }
    this.#policy = policies.length === 0 ? noop : wrap(...policies);
  }

  /** `'closed'`, `'open'`, `'half-open'` or `'isolated'`; `'closed'` when there is no breaker. */
  get circuitState(): 'closed' | 'open' | 'half-open' | 'isolated' {
    switch (this.#breaker?.state) {
      case CircuitState.Open:
        return 'open';
      case CircuitState.HalfOpen:
        return 'half-open';
      case CircuitState.Isolated:
        return 'isolated';
      default:
        return 'closed';
    }
  }

  /** Run `call` through the breaker and bulkhead, translating their rejections. */
  async execute<T>(call: () => Promise<T>, operation: string | undefined): Promise<T> {
    try {
      return await this.#policy.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new CircuitOpenError(
          `The circuit for ${this.#connectorId ?? 'this transport'} is open after repeated upstream failures; nothing was sent`,
          { connectorId: this.#connectorId, operation, cause: error },
        );
      }
      if (error instanceof BulkheadRejectedError) {
        throw new RateLimitError(
          `Too many concurrent calls to ${this.#connectorId ?? 'this transport'}; nothing was sent`,
          { connectorId: this.#connectorId, operation, cause: error },
        );
      }
      throw error;
    }
  }
}
