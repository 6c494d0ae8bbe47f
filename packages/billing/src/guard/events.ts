import type { Money } from '@tollgate/core';
import { EventEmitter } from 'eventemitter3';
import type { BillingActor, BillingEvent } from '../ledger/types.js';

/** Fields of the quota events. */
export interface QuotaEventPayload {
  tenantId: string;
  operation: string;
  /** `YYYY-MM` in the tenant's time zone. */
  period: string;
  /** Pending + committed intents in the period, this one included. */
  used: number;
  limit: number;
  /** When the quota resets: the start of the next month in the tenant's time zone. */
  resetsAt: Date;
}

/**
 * Every event the billing guard emits, `noun.verb` style, with its payload.
 * Payloads carry no secrets.
 */
export interface BillingEventMap {
  /** A pending intent was written. */
  'billing.authorized': {
    intentId: string;
    tenantId: string;
    actor: BillingActor;
    operation: string;
    amount: Money;
    expiresAt: Date;
  };
  /** An intent was committed: its billing event is in the ledger. */
  'billing.committed': { intentId: string; event: BillingEvent };
  /** An intent was voided: nothing was billed. `reason` is `expired` for the sweeper's. */
  'billing.voided': { intentId: string; tenantId: string; operation: string; reason: string };
  /** A payer was asked to consent to a charge (the 402's quote). */
  'quote.created': {
    quoteId: string;
    tenantId: string;
    sessionId: string | null;
    operation: string;
    actor: BillingActor;
    amount: Money;
    expiresAt: Date;
  };
  /** A tenant's usage of an operation reached the warning share (80% by default) of its quota. */
  'quota.warning': QuotaEventPayload;
  /** A tenant's usage of an operation reached its quota: further authorizations get 429. */
  'quota.exhausted': QuotaEventPayload;
}

/** The name of a billing event. */
export type BillingEventName = keyof BillingEventMap;

/** A listener for billing event `E`; it may be async, its result is ignored. */
export type BillingListener<E extends BillingEventName> = (payload: BillingEventMap[E]) => unknown;

/** Options of {@link createBillingEventBus}. */
export interface BillingEventBusOptions {
  /** Called when a listener throws or rejects; default: a one-line `console.error`. Never rethrows. */
  onListenerError?: (error: unknown, event: BillingEventName) => void;
}

/**
 * A typed bus for {@link BillingEventMap} over eventemitter3, built like
 * `@tollgate/core`'s `TollgateEventBus`: a listener that throws or rejects is
 * reported and the others still run, so observing billing never breaks it.
 */
export class BillingEventBus {
  readonly #emitter = new EventEmitter();
  readonly #onListenerError: (error: unknown, event: BillingEventName) => void;

  constructor(options: BillingEventBusOptions = {}) {
    this.#onListenerError =
      options.onListenerError ??
      ((error, event) => {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`[tollgate] a listener for "${event}" failed: ${message}`);
      });
  }

  /** Listen to `event`; returns a function that removes the listener. */
  on<E extends BillingEventName>(event: E, listener: BillingListener<E>): () => void {
    this.#emitter.on(event, listener);
    return () => this.off(event, listener);
  }

  /** Remove a listener added with {@link on}. */
  off<E extends BillingEventName>(event: E, listener: BillingListener<E>): void {
    this.#emitter.off(event, listener);
  }

  /** How many listeners `event` has. */
  listenerCount(event: BillingEventName): number {
    return this.#emitter.listenerCount(event);
  }

  /** Emit `event` to every listener, isolating failures. Returns whether anyone listened. */
  emit<E extends BillingEventName>(event: E, payload: BillingEventMap[E]): boolean {
    const listeners = this.#emitter.listeners(event) as BillingListener<E>[];
    if (listeners.length === 0) return false;
    for (const listener of listeners) {
      try {
        const result = listener(payload);
        if (result && typeof (result as Promise<void>).then === 'function') {
          (result as Promise<void>).then(undefined, (error: unknown) =>
            this.#onListenerError(error, event),
          );
        }
      } catch (error) {
        this.#onListenerError(error, event);
      }
    }
    return true;
  }
}

/** Create a {@link BillingEventBus}. */
export function createBillingEventBus(options: BillingEventBusOptions = {}): BillingEventBus {
  return new BillingEventBus(options);
}
