import type { HealthCheckResult } from '@tollgate/core';
import { Hono } from 'hono';
import type { TollgateIntegrations } from '../app.js';
import { ServerProblem } from '../errors/problem.js';
import type { TollgateMetrics } from '../metrics/registry.js';
import type { AppEnv } from '../types.js';

/** What the monitoring route needs of a connector client: its `check()` probe (which never throws). */
interface ClientWithHealthCheck {
  check(options?: { timeoutMs?: number }): Promise<HealthCheckResult>;
}

/** Consecutive failed probes after which an integration is `down`. */
export const DOWN_AFTER_FAILURES = 3;

/** An integration's health as `GET /monitoring/health/:integrationId` reports it. */
export type IntegrationHealthStatus = 'up' | 'degraded' | 'down';

/** Where each integration stands after its probes: failures in a row, and the verdict. */
export interface IntegrationHealthTracker {
  /** Record a probe's result; returns the integration's status after it. */
  record(
    integrationId: string,
    result: HealthCheckResult,
  ): {
    status: IntegrationHealthStatus;
    consecutiveFailures: number;
  };
}

/**
 * Track health per integration: `up` after a successful probe, `degraded`
 * while failures in a row stay below {@link DOWN_AFTER_FAILURES}, `down` from
 * then until a probe succeeds. In memory: each process judges from its own probes.
 */
export function createHealthTracker(): IntegrationHealthTracker {
  const failures = new Map<string, number>();
  return {
    record(integrationId, result) {
      const consecutiveFailures = result.ok ? 0 : (failures.get(integrationId) ?? 0) + 1;
      failures.set(integrationId, consecutiveFailures);
      const status: IntegrationHealthStatus =
        consecutiveFailures === 0
          ? 'up'
          : consecutiveFailures < DOWN_AFTER_FAILURES
            ? 'degraded'
            : 'down';
      return { status, consecutiveFailures };
    },
  };
}

/** What the monitoring route needs. */
export interface MonitoringRoutesOptions {
  integrations: TollgateIntegrations;
  metrics: TollgateMetrics;
  tracker: IntegrationHealthTracker;
  clock: () => Date;
  /** Timeout of each probe in ms; default 5000. */
  timeoutMs?: number;
}

/**
 * `GET /monitoring/health/:integrationId`: run that connector's `check()` and
 * answer `{ integration_id, kind, status, consecutive_failures, latency_ms,
 * reason?, checked_at }` — 200 while `up` or `degraded`, 503 once `down` (after
 * {@link DOWN_AFTER_FAILURES} failed probes in a row). Sets the
 * `integration_health_status` gauge (0 only when down). Unknown ids are a 404.
 */
export function monitoringRoutes(options: MonitoringRoutesOptions): Hono<AppEnv> {
  const byId = new Map<string, { kind: string; client: ClientWithHealthCheck }>();
  for (const [kind, clients] of Object.entries(options.integrations)) {
    for (const [id, client] of Object.entries(clients ?? {})) {
      // A partner registered only for its callbacks may have no health probe.
      if (typeof (client as Partial<ClientWithHealthCheck>).check !== 'function') continue;
      byId.set(id, { kind, client: client as unknown as ClientWithHealthCheck });
    }
  }
  return new Hono<AppEnv>().get('/monitoring/health/:integrationId', async (c) => {
    const integrationId = c.req.param('integrationId');
    const integration = byId.get(integrationId);
    if (integration === undefined) throw new ServerProblem('not_found', 'No such integration.');
    const result = await integration.client.check({ timeoutMs: options.timeoutMs ?? 5000 });
    const { status, consecutiveFailures } = options.tracker.record(integrationId, result);
    options.metrics.setIntegrationHealth(integrationId, status !== 'down');
    return c.json(
      {
        integration_id: integrationId,
        kind: integration.kind,
        status,
        consecutive_failures: consecutiveFailures,
        latency_ms: result.latencyMs,
        ...(result.reason === undefined ? {} : { reason: result.reason }),
        checked_at: options.clock().toISOString(),
      },
      status === 'down' ? 503 : 200,
    );
  });
}
