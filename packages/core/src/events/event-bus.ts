import { EventEmitter } from 'eventemitter3';
import type { TollgateEventMap, TollgateEventName } from './event-map.js';

/** A listener for event `E`. It may be async; its result is ignored (a rejection is reported, never thrown). */
export type TollgateListener<E extends TollgateEventName> = (
  payload: TollgateEventMap[E],
) => unknown;

/** Options of {@link createEventBus}. */
export interface EventBusOptions {
  /**
   * Called when a listener throws or rejects. The default writes a one-line
   * warning to `console.error`. It never rethrows: a listener cannot break a request.
   */
  onListenerError?: (error: unknown, event: TollgateEventName) => void;
}

/**
 * A typed event bus over eventemitter3. `emit` isolates listeners: one that
 * throws (or returns a rejected promise) is reported to `onListenerError` and
 * the others still run, so observing a request can never break it.
 */
export class TollgateEventBus {
  readonly #emitter = new EventEmitter();
  readonly #onListenerError: (error: unknown, event: TollgateEventName) => void;

  constructor(options: EventBusOptions = {}) {
    this.#onListenerError =
      options.onListenerError ??
      ((error, event) => {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`[tollgate] a listener for "${event}" failed: ${message}`);
      });
  }

  /** Listen to `event`; returns a function that removes the listener. */
  on<E extends TollgateEventName>(event: E, listener: TollgateListener<E>): () => void {
    this.#emitter.on(event, listener);
    return () => this.off(event, listener);
  }

  /** Listen to the next `event` only. */
  once<E extends TollgateEventName>(event: E, listener: TollgateListener<E>): () => void {
    // `emit` calls listeners itself (to isolate failures), so a once-listener removes itself here.
    const wrapper: TollgateListener<E> = (payload) => {
      this.#emitter.off(event, wrapper);
      return listener(payload);
    };
    this.#emitter.on(event, wrapper);
    return () => this.#emitter.off(event, wrapper);
  }

  /** Remove a listener added with {@link on} or {@link once}. */
  off<E extends TollgateEventName>(event: E, listener: TollgateListener<E>): void {
    this.#emitter.off(event, listener);
  }

  /** How many listeners `event` has. */
  listenerCount(event: TollgateEventName): number {
    return this.#emitter.listenerCount(event);
  }

  /** Emit `event` to every listener, isolating failures. Returns whether anyone listened. */
  emit<E extends TollgateEventName>(event: E, payload: TollgateEventMap[E]): boolean {
    const listeners = this.#emitter.listeners(event) as TollgateListener<E>[];
    if (listeners.length === 0) return false;
    // eventemitter3's own emit stops at the first throwing listener; run them one by one instead.
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

/** Create a {@link TollgateEventBus}. */
export function createEventBus(options: EventBusOptions = {}): TollgateEventBus {
  return new TollgateEventBus(options);
}
