import { fxEcb } from '@tollgate/connectors/fx-ecb';
import { fxEcbSandbox } from '@tollgate/connectors/fx-ecb/sandbox';
import type { ConnectorTransportDefaults } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import type { FxClient, LogisticsClient } from '../src/index.js';
import {
  createTollgateMetrics,
  emitsConnectorEvents,
  instrumentIntegration,
  instrumentIntegrations,
  METRIC_NAMES,
  NO_OPERATION,
  type TollgateMetrics,
} from '../src/metrics/index.js';

/** Retries without waiting, so fault tests stay fast. */
const FAST_RETRIES = { baseDelayMs: 1, maxDelayMs: 2, jitter: false };

/** The fx-ecb connector on its sandbox, as the test server's `demo-ecb` / `broken-ecb`. */
function connectEcb(
  options: {
    scenario?: 'server-error';
    scenarioTimes?: number;
    transport?: ConnectorTransportDefaults;
  } = {},
) {
  const { scenario, scenarioTimes, transport } = options;
  return connectSandbox(fxEcb, {
    config: {},
    credentials: {},
    sandbox: (connection) =>
      fxEcbSandbox({
        ...connection,
        ...(scenario === undefined ? {} : { scenario }),
        ...(scenarioTimes === undefined ? {} : { scenarioTimes }),
      }),
    transport: { ...transport, retry: { ...FAST_RETRIES, ...transport?.retry } },
  });
}

/**
 * The value of one series, read from prom-client's JSON view of the registry:
 * `family`'s sample `family + suffix` (`'_count'` of a histogram) with exactly `labels`.
 */
async function seriesValue(
  metrics: TollgateMetrics,
  family: string,
  labels: Record<string, string>,
  suffix = '',
): Promise<number | undefined> {
  const families = await metrics.registry.getMetricsAsJSON();
  const values = families.find((f) => f.name === family)?.values ?? [];
  const wanted = JSON.stringify(Object.entries(labels).sort());
  // Histogram values carry their sample name (`…_bucket`, `…_sum`, `…_count`); prom-client's types omit it.
  return values.find(
    (v) =>
      ((v as { metricName?: string }).metricName ?? family) === family + suffix &&
      JSON.stringify(Object.entries(v.labels).sort()) === wanted,
  )?.value;
}

const requests = (integrationId: string, operation: string, outcome: string) => ({
  integration_id: integrationId,
  operation,
  outcome,
});

describe('instrumentIntegration', () => {
  it('counts and times a successful partner call of a real sandboxed client', async () => {
    const metrics = createTollgateMetrics();
    const { client } = connectEcb();
    instrumentIntegration(metrics, 'demo-ecb', client);

    const rates = await client.operations.rates({ base: 'USD', symbols: ['EUR', 'GBP'] });
    expect(rates.base).toBe('USD');

    const total = METRIC_NAMES.integrationRequests;
    expect(await seriesValue(metrics, total, requests('demo-ecb', 'rates', 'success'))).toBe(1);
    expect(
      await seriesValue(metrics, total, requests('demo-ecb', 'rates', 'failure')),
    ).toBeUndefined();
    const duration = METRIC_NAMES.integrationRequestDuration;
    expect(
      await seriesValue(
        metrics,
        duration,
        { integration_id: 'demo-ecb', operation: 'rates' },
        '_count',
      ),
    ).toBe(1);
    const histogram = await metrics.registry.getSingleMetricAsString(
      METRIC_NAMES.integrationRequestDuration,
    );
    expect(histogram).toMatch(
      /^integration_request_duration_seconds_sum\{integration_id="demo-ecb",operation="rates"\} \d/m,
    );
  });

  it('records a failing call as a failure after its retries', async () => {
    const metrics = createTollgateMetrics();
    const { client, sandbox } = connectEcb({
      scenario: 'server-error',
      transport: { retry: { maxAttempts: 3 } },
    });
    instrumentIntegration(metrics, 'broken-ecb', client);

    await expect(client.operations.rates({ base: 'USD' })).rejects.toMatchObject({
      code: expect.any(String),
    });

    expect(sandbox.requests).toHaveLength(3);
    const total = METRIC_NAMES.integrationRequests;
    expect(await seriesValue(metrics, total, requests('broken-ecb', 'rates', 'failure'))).toBe(1);
    expect(await seriesValue(metrics, total, requests('broken-ecb', 'rates', 'retry'))).toBe(2);
    expect(
      await seriesValue(metrics, total, requests('broken-ecb', 'rates', 'success')),
    ).toBeUndefined();
    // Transport retries are not submission retries (the retry worker counts those).
    expect(
      await seriesValue(metrics, METRIC_NAMES.submissionRetries, { integration_id: 'broken-ecb' }),
    ).toBeUndefined();
    const duration = METRIC_NAMES.integrationRequestDuration;
    expect(
      await seriesValue(
        metrics,
        duration,
        { integration_id: 'broken-ecb', operation: 'rates' },
        '_count',
      ),
    ).toBe(1);
  });

  it('records a call that succeeds on retry as one retry and one success', async () => {
    const metrics = createTollgateMetrics();
    const { client } = connectEcb({ scenario: 'server-error', scenarioTimes: 1 });
    instrumentIntegration(metrics, 'flaky-ecb', client);

    await client.operations.convert({ amount: { amount: 10_000n, currency: 'EUR' }, to: 'USD' });

    const total = METRIC_NAMES.integrationRequests;
    expect(await seriesValue(metrics, total, requests('flaky-ecb', 'convert', 'retry'))).toBe(1);
    expect(await seriesValue(metrics, total, requests('flaky-ecb', 'convert', 'success'))).toBe(1);
  });

  it('marks the integration down when its circuit opens', async () => {
    const metrics = createTollgateMetrics();
    const { client, sandbox } = connectEcb({
      scenario: 'server-error',
      transport: {
        retry: { maxAttempts: 1 },
        circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 },
      },
    });
    instrumentIntegration(metrics, 'broken-ecb', client);

    for (let call = 0; call < 3; call += 1) {
      await expect(client.operations.rates({ base: 'USD' })).rejects.toThrow();
    }

    expect(sandbox.requests).toHaveLength(2); // the third call failed fast
    expect(
      await seriesValue(metrics, METRIC_NAMES.integrationHealth, { integration_id: 'broken-ecb' }),
    ).toBe(0);
    expect(
      await seriesValue(
        metrics,
        METRIC_NAMES.integrationRequests,
        requests('broken-ecb', 'rates', 'failure'),
      ),
    ).toBe(3);
  });

  it('marks the integration up again when its circuit closes', async () => {
    const metrics = createTollgateMetrics();
    const { client } = connectEcb({
      scenario: 'server-error',
      scenarioTimes: 2,
      transport: {
        retry: { maxAttempts: 1 },
        circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 20 },
      },
    });
    instrumentIntegration(metrics, 'flaky-ecb', client);
    const health = () =>
      seriesValue(metrics, METRIC_NAMES.integrationHealth, { integration_id: 'flaky-ecb' });

    for (let call = 0; call < 2; call += 1) {
      await expect(client.operations.rates({ base: 'USD' })).rejects.toThrow();
    }
    expect(await health()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await client.operations.rates({ base: 'USD', symbols: ['EUR'] });
    expect(await health()).toBe(1);
  });

  it('stops recording once unsubscribed', async () => {
    const metrics = createTollgateMetrics();
    const { client } = connectEcb();
    const stop = instrumentIntegration(metrics, 'demo-ecb', client);
    stop();

    await client.operations.rates({ base: 'USD', symbols: ['EUR'] });

    expect(client.events.listenerCount('request.success')).toBe(0);
    expect(client.events.listenerCount('circuit.open')).toBe(0);
    const family = (await metrics.registry.getMetricsAsJSON()).find(
      (f) => f.name === METRIC_NAMES.integrationRequests,
    );
    expect(family?.values).toEqual([]);
  });

  it('takes clients typed as the routes see them, and refuses one without events', () => {
    const metrics = createTollgateMetrics();
    const fx: FxClient = connectEcb().client;
    expect(emitsConnectorEvents(fx)).toBe(true);
    expect(() => instrumentIntegration(metrics, 'demo-ecb', fx)).not.toThrow();

    const handWritten: LogisticsClient = { connectorId: 'test-carrier', operations: {} };
    expect(emitsConnectorEvents(handWritten)).toBe(false);
    expect(() => instrumentIntegration(metrics, 'test-carrier', handWritten)).toThrow(TypeError);
  });

  it('instruments a whole integration map and labels health probes as no operation', async () => {
    const metrics = createTollgateMetrics();
    const demo = connectEcb().client;
    const broken = connectEcb({
      scenario: 'server-error',
      transport: { retry: { maxAttempts: 1 } },
    }).client;
    const stop = instrumentIntegrations(metrics, {
      fx: { 'demo-ecb': demo, 'broken-ecb': broken },
      bank: undefined,
    });

    expect((await demo.check()).ok).toBe(true);
    expect((await broken.check()).ok).toBe(false);

    const total = METRIC_NAMES.integrationRequests;
    expect(await seriesValue(metrics, total, requests('demo-ecb', NO_OPERATION, 'success'))).toBe(
      1,
    );
    expect(await seriesValue(metrics, total, requests('broken-ecb', NO_OPERATION, 'failure'))).toBe(
      1,
    );
    stop();
    expect(demo.events.listenerCount('request.failure')).toBe(0);
    expect(broken.events.listenerCount('request.failure')).toBe(0);
  });
});
