import type { BillingEventBus } from '@tollgate/billing';
import { emitsConnectorEvents } from '../metrics/instrument-client.js';
import type { IntegrationHealthTracker } from '../routes/monitoring.js';
import type { AlertEngine } from './engine.js';

/**
 * Feed `engine.integrationCall` from every connector client of an
 * integration map by kind (`createTollgateApp`'s `integrations`), like
 * `instrumentIntegrations` does for metrics: each `request.success` is an ok
 * call, each `request.failure` a failed one, with the event's `durationMs`
 * (every attempt and back-off of the call). Events count HTTP calls, health
 * probes (`client.check()`) included; a failure is any call that failed for
 * good (5xx, timeout, network, an open circuit, an unexpected 4xx). Clients
 * without an event bus are skipped. Returns a function that removes every listener.
 */
export function alertOnIntegrationCalls(
  engine: Pick<AlertEngine, 'integrationCall'>,
  integrationsByKind: Readonly<Record<string, Readonly<Record<string, object>> | undefined>>,
): () => void {
  const unsubscribers: (() => void)[] = [];
  for (const clients of Object.values(integrationsByKind)) {
    for (const [integrationId, client] of Object.entries(clients ?? {})) {
      if (!emitsConnectorEvents(client)) continue;
      unsubscribers.push(
        client.events.on('request.success', (event) =>
          engine.integrationCall(integrationId, { ok: true, durationMs: event.durationMs }),
        ),
        client.events.on('request.failure', (event) =>
          engine.integrationCall(integrationId, { ok: false, durationMs: event.durationMs }),
        ),
      );
    }
  }
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/**
 * Wrap the monitoring route's health tracker (`createHealthTracker()`) so
 * that every verdict also reaches `engine.integrationHealth`: `down` after
 * `DOWN_AFTER_FAILURES` failed probes in a row fires `integration_down`, the
 * next successful probe resolves it. The tracker only judges when
 * `GET /monitoring/health/:integrationId` is called: something must poll it.
 */
export function alertingHealthTracker(
  tracker: IntegrationHealthTracker,
  engine: Pick<AlertEngine, 'integrationHealth'>,
): IntegrationHealthTracker {
  return {
    record(integrationId, result) {
      const verdict = tracker.record(integrationId, result);
      engine.integrationHealth(integrationId, verdict.status);
      return verdict;
    },
  };
}

/** Why an expired intent is a billing failure, as its alert says. */
export const EXPIRED_INTENT_REASON =
  'billing intent expired before it was committed: the charge was never recorded';

/**
 * Feed the billing guard's events (`guard.events`) to `engine`:
 *
 * - `quota.exhausted` → `engine.quotaExhausted` (with `used`, `limit`, `resetsAt`);
 * - `billing.voided` with reason `expired` → `engine.billingFailure`: an
 *   authorized charge lapsed without being recorded, either because its
 *   commit came too late (the operation ran, nobody was billed) or because
 *   the process died or hung between authorize and commit (the sweeper voided it).
 *
 * Other voids (`failed: <code>`, `check_failed` …) are not billing failures:
 * the operation failed and, rightly, nothing was charged (the `error_rate`
 * rule sees those partner failures). A commit that throws (store down,
 * idempotency conflict) emits no guard event at all: report it with
 * `engine.billingFailure` where it is caught. Returns a function that removes
 * both listeners.
 */
export function alertOnBillingEvents(
  engine: Pick<AlertEngine, 'quotaExhausted' | 'billingFailure'>,
  events: Pick<BillingEventBus, 'on'>,
): () => void {
  const unsubscribers = [
    events.on('quota.exhausted', (payload) =>
      engine.quotaExhausted({
        tenantId: payload.tenantId,
        operation: payload.operation,
        period: payload.period,
        resetsAt: payload.resetsAt,
        used: payload.used,
        limit: payload.limit,
      }),
    ),
    events.on('billing.voided', (payload) => {
      if (payload.reason !== 'expired') return;
      engine.billingFailure({
        tenantId: payload.tenantId,
        operation: payload.operation,
        reason: EXPIRED_INTENT_REASON,
        intentId: payload.intentId,
      });
    }),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
