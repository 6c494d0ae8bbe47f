import type { TollgateEventBus } from '@tollgate/core';
import type { TollgateMetrics } from './registry.js';

/**
 * What {@link instrumentIntegration} needs of a connector client: its typed
 * event bus. Every client from `connector.connect(…)` or `connectSandbox(…)`
 * has one as `client.events`, even where a route's narrower type
 * (`FxClient`, `CustomsClient`, `LogisticsClient`) does not show it.
 */
export interface ClientWithEvents {
  readonly events: Pick<TollgateEventBus, 'on'>;
}

/**
 * The `operation` label of partner calls made outside a connector operation:
 * `client.check()` health probes and direct `client.transport` calls.
 */
export const NO_OPERATION = 'none';

/** Whether `client` carries a Tollgate event bus {@link instrumentIntegration} can listen to. */
export function emitsConnectorEvents(client: unknown): client is ClientWithEvents {
  if (typeof client !== 'object' || client === null || !('events' in client)) return false;
  const events: unknown = client.events;
  return (
    typeof events === 'object' &&
    events !== null &&
    'on' in events &&
    typeof events.on === 'function'
  );
}

/**
 * Record a connector client's partner calls under `integrationId`, from the
 * events `@tollgate/core`'s transport emits on `client.events`:
 *
 * - `request.success` / `request.failure` → `integration_requests_total`
 *   (`outcome` `success` / `failure`) and `integration_request_duration_seconds`
 *   (the event's `durationMs`: every attempt and back-off of the call);
 * - `request.retry` → `integration_requests_total{outcome="retry"}` (one per
 *   attempt the transport tried again, a 401 token refresh included; the
 *   submission retry worker counts `submission_retry_count` itself);
 * - `circuit.open` / `circuit.close` → `integration_health_status` 0 / 1.
 *
 * What it cannot see: events count HTTP calls, not operation invocations (an
 * operation that sends two requests counts twice; one refused before
 * sending, by its input schema or an unsupported logistics operation,
 * counts nothing; an answer that fails the output schema after a 2xx counts
 * as a success). `request.start` is not used. A client whose type hides its
 * events is fine as long as the object has them; a wrapper without any
 * (a hand-written logistics double, say) is refused with a `TypeError`; test
 * with {@link emitsConnectorEvents} to skip such clients instead. Give each
 * integration its own bus (the default of `connect`): a bus shared by two
 * clients would count each call under both integration ids.
 *
 * Returns a function that removes every listener it added.
 */
export function instrumentIntegration(
  metrics: TollgateMetrics,
  integrationId: string,
  client: object,
): () => void {
  if (!emitsConnectorEvents(client)) {
    throw new TypeError(
      `Integration "${integrationId}" has no Tollgate event bus (client.events) to instrument`,
    );
  }
  const { events } = client;
  const seconds = (durationMs: number) => durationMs / 1000;
  const unsubscribers = [
    events.on('request.success', (event) =>
      metrics.recordIntegrationRequest({
        integrationId,
        operation: event.operation ?? NO_OPERATION,
        outcome: 'success',
        durationSeconds: seconds(event.durationMs),
      }),
    ),
    events.on('request.failure', (event) =>
      metrics.recordIntegrationRequest({
        integrationId,
        operation: event.operation ?? NO_OPERATION,
        outcome: 'failure',
        durationSeconds: seconds(event.durationMs),
      }),
    ),
    events.on('request.retry', (event) => {
      metrics.recordIntegrationRequest({
        integrationId,
        operation: event.operation ?? NO_OPERATION,
        outcome: 'retry',
      });
    }),
    events.on('circuit.open', () => metrics.setIntegrationHealth(integrationId, false)),
    events.on('circuit.close', () => metrics.setIntegrationHealth(integrationId, true)),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/**
 * {@link instrumentIntegration} for every client of an integration map by
 * kind, as `createTollgateApp`'s `integrations` option holds them
 * (`{ fx: { 'demo-ecb': client }, … }`). Integration ids must be unique
 * across kinds: the label is the id alone. A client without an event bus (a
 * partner registered only for its callbacks) has no calls to count and is
 * skipped. Returns one function that removes every listener.
 */
export function instrumentIntegrations(
  metrics: TollgateMetrics,
  integrationsByKind: Readonly<Record<string, Readonly<Record<string, object>> | undefined>>,
): () => void {
  const unsubscribers: (() => void)[] = [];
  try {
    for (const clients of Object.values(integrationsByKind)) {
      for (const [integrationId, client] of Object.entries(clients ?? {})) {
        if (!emitsConnectorEvents(client)) continue;
        unsubscribers.push(instrumentIntegration(metrics, integrationId, client));
      }
    }
  } catch (error) {
    for (const unsubscribe of unsubscribers) unsubscribe();
    throw error;
  }
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
