import { memoryStore } from '@tollgate/billing';
import { Hono } from 'hono';
import { register as globalRegistry, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMemoryApiKeyStore, createTollgateApp } from '../src/index.js';
import {
  createTollgateMetrics,
  httpMetrics,
  METRIC_NAMES,
  metricsRoute,
  OTHER_METHOD,
  rateLimitHitRecorder,
  type TollgateMetrics,
  UNMATCHED_ROUTE,
} from '../src/metrics/index.js';

import { type MetricFamily, parseExposition, sampleValue } from './prometheus-text.js';

async function scrape(metrics: TollgateMetrics) {
  return parseExposition(await metrics.metrics());
}

// ---------------------------------------------------------------------------

describe('the strict exposition reader', () => {
  it.each([
    ['no final newline', 'a 1'],
    ['a bad label escape', 'a{x="\\t"} 1\n'],
    ['a family interleaved', 'a 1\nb 1\na{x="y"} 1\n'],
    ['TYPE after a sample', 'a 1\n# TYPE a counter\n'],
    ['a counter below zero', '# TYPE a counter\na -1\n'],
    [
      'buckets that shrink',
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n',
    ],
    ['a series twice', 'a{x="1",y="2"} 1\na{y="2",x="1"} 1\n'],
  ])('refuses %s', (_, text) => {
    expect(() => parseExposition(text)).toThrow(SyntaxError);
  });
});

describe('createTollgateMetrics', () => {
  it('declares every metric with its type and help, and exposes valid text', async () => {
    const families = await scrape(createTollgateMetrics());
    const expected: Record<string, MetricFamily['type']> = {
      [METRIC_NAMES.integrationRequests]: 'counter',
      [METRIC_NAMES.integrationRequestDuration]: 'histogram',
      [METRIC_NAMES.billingEvents]: 'counter',
      [METRIC_NAMES.billingRevenue]: 'counter',
      [METRIC_NAMES.billingRevenueReversed]: 'counter',
      [METRIC_NAMES.integrationHealth]: 'gauge',
      [METRIC_NAMES.submissionRetries]: 'counter',
      [METRIC_NAMES.rateLimitHits]: 'counter',
      [METRIC_NAMES.httpRequests]: 'counter',
      [METRIC_NAMES.httpRequestDuration]: 'histogram',
    };
    expect(Object.fromEntries([...families.values()].map((f) => [f.name, f.type]))).toEqual(
      expected,
    );
    for (const family of families.values()) expect(family.help).toMatch(/\S/);
  });

  it('counts and times partner calls; a retry moves only the counter', async () => {
    const metrics = createTollgateMetrics();
    const call = { integrationId: 'demo-ecb', operation: 'rates' } as const;
    metrics.recordIntegrationRequest({ ...call, outcome: 'success', durationSeconds: 0.2 });
    metrics.recordIntegrationRequest({ ...call, outcome: 'success', durationSeconds: 3 });
    metrics.recordIntegrationRequest({ ...call, outcome: 'failure', durationSeconds: 12 });
    metrics.recordIntegrationRequest({ ...call, outcome: 'retry' });

    const families = await scrape(metrics);
    const labels = { integration_id: 'demo-ecb', operation: 'rates' };
    const requests = 'integration_requests_total';
    expect(sampleValue(families, requests, { ...labels, outcome: 'success' })).toBe(2);
    expect(sampleValue(families, requests, { ...labels, outcome: 'failure' })).toBe(1);
    expect(sampleValue(families, requests, { ...labels, outcome: 'retry' })).toBe(1);
    const duration = 'integration_request_duration_seconds';
    expect(sampleValue(families, `${duration}_count`, labels)).toBe(3);
    expect(sampleValue(families, `${duration}_sum`, labels)).toBeCloseTo(15.2);
    expect(sampleValue(families, `${duration}_bucket`, { ...labels, le: '0.25' })).toBe(1);
    expect(sampleValue(families, `${duration}_bucket`, { ...labels, le: '5' })).toBe(2);
    expect(sampleValue(families, `${duration}_bucket`, { ...labels, le: '30' })).toBe(3);
    expect(sampleValue(families, `${duration}_bucket`, { ...labels, le: '+Inf' })).toBe(3);
  });

  it('adds billed money in minor units per currency, reversals apart', async () => {
    const metrics = createTollgateMetrics();
    metrics.recordBillingEvent({
      operation: 'fx.conversion',
      tier: 'sme',
      currency: 'USD',
      amountMinor: 50n,
    });
    metrics.recordBillingEvent({
      operation: 'bank.recheck',
      tier: 'bank',
      currency: 'USD',
      amountMinor: 2500n,
    });
    metrics.recordBillingEvent({ operation: 'bank.recheck', currency: 'EUR', amountMinor: 0n });
    metrics.recordBillingEvent({
      operation: 'bank.recheck',
      tier: null,
      currency: 'EUR',
      amountMinor: 4_503_599_627_370_497n, // 2^52 + 1: still exact as a float
    });
    metrics.recordBillingEvent({
      operation: 'bank.recheck',
      tier: 'bank',
      currency: 'USD',
      amountMinor: -2500n,
    });

    const families = await scrape(metrics);
    expect(sampleValue(families, 'billing_revenue_total', { currency: 'USD' })).toBe(2550);
    expect(sampleValue(families, 'billing_revenue_total', { currency: 'EUR' })).toBe(
      4_503_599_627_370_497,
    );
    expect(sampleValue(families, 'billing_revenue_reversed_total', { currency: 'USD' })).toBe(2500);
    const events = 'billing_events_total';
    expect(
      sampleValue(families, events, { operation: 'bank.recheck', tier: 'bank', currency: 'USD' }),
    ).toBe(2);
    expect(
      sampleValue(families, events, { operation: 'bank.recheck', tier: 'none', currency: 'EUR' }),
    ).toBe(2);
    expect(
      sampleValue(families, events, { operation: 'fx.conversion', tier: 'sme', currency: 'USD' }),
    ).toBe(1);
  });

  it('sets health, counts retries and rate-limit hits', async () => {
    const metrics = createTollgateMetrics();
    metrics.setIntegrationHealth('demo-ecb', true);
    metrics.setIntegrationHealth('broken-ecb', true);
    metrics.setIntegrationHealth('broken-ecb', false);
    metrics.recordSubmissionRetry('broken-ecb');
    metrics.recordSubmissionRetry('broken-ecb');
    metrics.recordRateLimitHit('/uploads');

    const families = await scrape(metrics);
    const health = 'integration_health_status';
    expect(sampleValue(families, health, { integration_id: 'demo-ecb' })).toBe(1);
    expect(sampleValue(families, health, { integration_id: 'broken-ecb' })).toBe(0);
    expect(sampleValue(families, 'submission_retry_count', { integration_id: 'broken-ecb' })).toBe(
      2,
    );
    expect(sampleValue(families, 'rate_limit_hits_total', { route: '/uploads' })).toBe(1);
  });

  it('escapes label values a scraper reads back unchanged', async () => {
    const metrics = createTollgateMetrics();
    const awkward = 'quote " backslash \\ newline \n end';
    metrics.setIntegrationHealth(awkward, true);
    const families = await scrape(metrics);
    expect(sampleValue(families, 'integration_health_status', { integration_id: awkward })).toBe(1);
  });

  it('keeps each set in a registry of its own, never the global one', async () => {
    const first = createTollgateMetrics();
    const second = createTollgateMetrics();
    first.recordRateLimitHit('/uploads');

    expect(first.registry).not.toBe(second.registry);
    expect(first.registry).not.toBe(globalRegistry);
    expect(globalRegistry.getSingleMetric(METRIC_NAMES.rateLimitHits)).toBeUndefined();
    const families = await scrape(second);
    expect(sampleValue(families, 'rate_limit_hits_total', { route: '/uploads' })).toBeUndefined();
  });

  it('registers into a given registry, once, with a prefix and default metrics on request', async () => {
    const registry = new Registry();
    const metrics = createTollgateMetrics({ registry, prefix: 'tollgate_', collectDefault: true });
    metrics.recordSubmissionRetry('demo-ecb');

    expect(metrics.registry).toBe(registry);
    const families = await scrape(metrics);
    expect(
      sampleValue(families, 'tollgate_submission_retry_count', { integration_id: 'demo-ecb' }),
    ).toBe(1);
    expect(families.has('submission_retry_count')).toBe(false);
    expect(families.get('tollgate_process_cpu_user_seconds_total')?.type).toBe('counter');
    expect(() => createTollgateMetrics({ registry, prefix: 'tollgate_' })).toThrow(
      /already been registered/,
    );
  });
});

describe('httpMetrics and metricsRoute', () => {
  /** An app shaped like the Tollgate one: sub-apps merged with `route`, a guard, an error handler. */
  function demoApp(metrics: TollgateMetrics) {
    const items = new Hono()
      .get('/items/:id', (c) => c.json({ id: c.req.param('id') }))
      .get('/boom', () => {
        throw new Error('boom');
      });
    items.onError((_, c) => c.json({ error: 'internal' }, 500));
    const app = new Hono();
    app.use(httpMetrics(metrics));
    app.route('/', metricsRoute(metrics));
    app.use('/private/*', async (c) => c.json({ error: 'unauthorized' }, 401));
    app.route('/', items);
    return app;
  }

  it('labels requests with the matched route pattern, not the raw path', async () => {
    const metrics = createTollgateMetrics();
    const app = demoApp(metrics);
    expect((await app.request('/items/42')).status).toBe(200);
    expect((await app.request('/items/43')).status).toBe(200);
    expect((await app.request('/boom')).status).toBe(500);
    expect((await app.request('/private/secrets')).status).toBe(401);
    expect((await app.request('/nowhere/7')).status).toBe(404);
    expect((await app.request('/items/44', { method: 'PROPFIND' })).status).toBe(404);

    const families = await scrape(metrics);
    const count = (method: string, route: string, status: string) =>
      sampleValue(families, 'http_requests_total', { method, route, status });
    expect(count('GET', '/items/:id', '200')).toBe(2);
    expect(count('GET', '/boom', '500')).toBe(1);
    expect(count('GET', '/private/*', '401')).toBe(1);
    expect(count('GET', UNMATCHED_ROUTE, '404')).toBe(1);
    expect(count(OTHER_METHOD, UNMATCHED_ROUTE, '404')).toBe(1);
    const routes = families.get('http_requests_total')?.samples.map((s) => s.labels.route);
    expect(routes).not.toContain('/items/42');
    expect(
      sampleValue(families, 'http_request_duration_seconds_count', {
        method: 'GET',
        route: '/items/:id',
        status: '200',
      }),
    ).toBe(2);
  });

  it('serves GET /metrics as Prometheus text, counting its own scrapes', async () => {
    const metrics = createTollgateMetrics();
    const app = demoApp(metrics);
    await app.request('/metrics');
    const response = await app.request('/metrics');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const families = parseExposition(await response.text());
    // The second scrape is recorded after its own text was rendered.
    expect(
      sampleValue(families, 'http_requests_total', {
        method: 'GET',
        route: '/metrics',
        status: '200',
      }),
    ).toBe(1);
  });

  it('counts rate-limit hits under the route pattern, never the key or raw path', async () => {
    const metrics = createTollgateMetrics();
    const onLimited = rateLimitHitRecorder(metrics);
    const app = new Hono();
    // A stand-in limiter that refuses everything, as `rateLimit({ onLimited })` would.
    app.use('/limited/*', async (c) => {
      onLimited(c);
      return c.json({ error: 'rate_limited' }, 429);
    });
    app.get('/limited/:thing', (c) => c.text('never reached'));
    await app.request('/limited/a?key=tg_secret_1');
    await app.request('/limited/b?key=tg_secret_2');
    await app.request('/limited');

    const families = await scrape(metrics);
    const hits = families.get('rate_limit_hits_total')?.samples ?? [];
    // `/limited` matches only the limiter's own pattern: still a pattern, never the raw path.
    expect(hits.map((s) => [s.labels, s.value])).toEqual([
      [{ route: '/limited/:thing' }, 2],
      [{ route: '/limited/*' }, 1],
    ]);
  });

  it('labels the Tollgate app’s routes when wrapped by an app that measures first', async () => {
    const metrics = createTollgateMetrics();
    const server = new Hono();
    server.use(httpMetrics(metrics));
    server.route(
      '/',
      createTollgateApp({ store: memoryStore(), apiKeys: createMemoryApiKeyStore() }),
    );

    expect((await server.request('/health')).status).toBe(200);
    const unauthenticated = await server.request('/integrations/fx/demo-ecb/rates', {
      method: 'POST',
    });
    expect(unauthenticated.status).toBe(401);

    const families = await scrape(metrics);
    const count = (method: string, route: string, status: string) =>
      sampleValue(families, 'http_requests_total', { method, route, status });
    expect(count('GET', '/health', '200')).toBe(1);
    expect(count('POST', '/integrations/*', '401')).toBe(1);
  });
});
