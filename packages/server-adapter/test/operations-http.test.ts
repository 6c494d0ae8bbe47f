import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../src/index.js';
import {
  bearer,
  documentsForm,
  expectProblem,
  MT700,
  sendJson,
  startTestServer,
  type TestServer,
} from './fixtures.js';
import { parseExposition, sampleValue } from './prometheus-text.js';

let server: TestServer;
let sessionId: string;
beforeAll(async () => {
  // A tight limit, and the fixture's clock stands still: no token comes back during the tests.
  server = await startTestServer({ rateLimit: { policy: { capacity: 25, refillPerSecond: 1 } } });
  const uploaded = await fetch(`${server.url}/uploads`, {
    method: 'POST',
    headers: bearer(server.keys.trader),
    body: documentsForm({ name: 'lc.fin', content: MT700 }),
  });
  sessionId = ((await uploaded.json()) as { session_id: string }).session_id;
});
afterAll(async () => {
  await server?.close();
});

const get = (path: string, key: string) => sendJson(`${server.url}${path}`, 'GET', key);
const scrape = async () => parseExposition(await (await fetch(`${server.url}/metrics`)).text());

describe('billing routes', () => {
  it('lists only the caller’s tenant’s events', async () => {
    const own = (await (await get('/billing/events', server.keys.trader)).json()) as {
      data: {
        operation: string;
        session_id: string;
        amount: { amount: string; decimal: string };
      }[];
      next_cursor: string | null;
    };
    expect(own.data).toEqual([
      expect.objectContaining({
        operation: 'sme.validation',
        session_id: sessionId,
        amount: { amount: '500', currency: 'USD', decimal: '5.00' },
      }),
    ]);
    expect(own.next_cursor).toBeNull();
    const other = (await (await get('/billing/events', server.keys.globex)).json()) as {
      data: unknown[];
    };
    expect(other.data).toEqual([]);
  });

  it('adds up the month’s usage and renders its invoice', async () => {
    const usage = (await (
      await get('/billing/usage?period=2025-04', server.keys.trader)
    ).json()) as {
      operations: unknown[];
      totals: unknown[];
    };
    expect(usage.operations).toEqual([
      {
        operation: 'sme.validation',
        count: 1,
        reversals: 0,
        net: { amount: '500', currency: 'USD', decimal: '5.00' },
      },
    ]);
    expect(usage.totals).toEqual([{ amount: '500', currency: 'USD', decimal: '5.00' }]);
    const invoice = await get('/billing/invoices/2025-04', server.keys.trader);
    expect(invoice.status).toBe(200);
    const text = await invoice.text();
    expect(JSON.parse(text)).toMatchObject({
      tenantId: 'initech',
      period: '2025-04',
      total: { amount: '500', currency: 'USD' },
    });
    // Byte-identical when asked again.
    expect(await (await get('/billing/invoices/2025-04', server.keys.trader)).text()).toBe(text);
  });

  it('refuses a malformed period or filter with 400 problems', async () => {
    await expectProblem(
      await get('/billing/usage?period=2025-13', server.keys.trader),
      400,
      'validation_failed',
    );
    await expectProblem(
      await get('/billing/events?limit=0', server.keys.trader),
      400,
      'validation_failed',
    );
    await expectProblem(
      await get('/billing/events?colour=red', server.keys.trader),
      400,
      'validation_failed',
    );
    await expectProblem(await get('/billing/invoices/april', server.keys.trader), 404, 'not_found');
  });
});

describe('monitoring', () => {
  it('reports a healthy integration up, and a failing one down after three probes in a row', async () => {
    const up = await get('/monitoring/health/demo-dhl', server.keys.trader);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({
      integration_id: 'demo-dhl',
      kind: 'logistics',
      status: 'up',
    });

    const statuses: [number, string][] = [];
    for (let probe = 0; probe < 3; probe++) {
      const answer = await get('/monitoring/health/broken-dhl', server.keys.trader);
      statuses.push([answer.status, ((await answer.json()) as { status: string }).status]);
    }
    expect(statuses).toEqual([
      [200, 'degraded'],
      [200, 'degraded'],
      [503, 'down'],
    ]);
    const families = await scrape();
    expect(
      sampleValue(families, 'integration_health_status', { integration_id: 'broken-dhl' }),
    ).toBe(0);
    expect(sampleValue(families, 'integration_health_status', { integration_id: 'demo-dhl' })).toBe(
      1,
    );
    await expectProblem(await get('/monitoring/health/nope', server.keys.trader), 404, 'not_found');
  });
});

describe('GET /metrics', () => {
  it('is valid Prometheus text with partner calls, billing and HTTP requests', async () => {
    const quoted = await sendJson(
      `${server.url}/integrations/logistics/demo-dhl/quote`,
      'POST',
      server.keys.trader,
      {
        session_id: sessionId,
        service_type: 'express',
        origin_country: 'DE',
        destination_country: 'BD',
        shipment_value: { amount: '250000', currency: 'EUR' },
        idempotency_key: 'metrics-quote-1',
      },
    );
    expect(quoted.status).toBe(201);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const families = parseExposition(await response.text());
    expect(
      sampleValue(families, 'billing_events_total', {
        operation: 'sme.validation',
        tier: 'sme',
        currency: 'USD',
      }),
    ).toBe(1);
    expect(sampleValue(families, 'billing_revenue_total', { currency: 'USD' })).toBe(600); // 5.00 + 1.00, minor units
    const dhlCalls = [...(families.get('integration_requests_total')?.samples ?? [])].filter(
      (sample) =>
        sample.labels.integration_id === 'demo-dhl' && sample.labels.outcome === 'success',
    );
    expect(dhlCalls.length).toBeGreaterThan(0);
    expect(
      sampleValue(families, 'http_requests_total', {
        method: 'POST',
        route: '/uploads',
        status: '201',
      }),
    ).toBe(1);
  });
});

describe('request limits', () => {
  it('answers an oversized JSON body with 413, and malformed JSON with 400, writing nothing', async () => {
    const big = JSON.stringify({ tenant_id: 'x'.repeat(MAX_JSON_BODY_BYTES) });
    const tooLarge = await fetch(`${server.url}/sessions/${sessionId}/share`, {
      method: 'POST',
      headers: { ...bearer(server.keys.trader), 'content-type': 'application/json' },
      body: big,
    });
    await expectProblem(tooLarge, 413, 'payload_too_large');
    const malformed = await fetch(`${server.url}/sessions/${sessionId}/share`, {
      method: 'POST',
      headers: { ...bearer(server.keys.trader), 'content-type': 'application/json' },
      body: '{"tenant_id": ',
    });
    await expectProblem(malformed, 400, 'validation_failed');
    const session = (await (
      await get(`/sessions/${sessionId}`, server.keys.trader)
    ).json()) as Record<string, unknown>;
    expect(session.shared_with ?? []).toEqual([]);
  });

  it('limits each key to its bucket: 429 with Retry-After and RateLimit headers, other keys unaffected', async () => {
    const key = server.keys.otherBank; // not used before in this file: a full bucket
    const first = await get('/billing/events', key);
    expect(first.headers.get('ratelimit-policy')).toBe('"default";q=25;w=25');
    expect(first.headers.get('ratelimit')).toMatch(/^"default";r=24;t=\d+$/);
    let answer = first;
    for (let call = 1; call < 26 && answer.status !== 429; call++)
      answer = await get('/billing/events', key);
    const problem = await expectProblem(answer, 429, 'rate_limited');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(problem.retry_after_seconds).toBe(Number(answer.headers.get('retry-after')));
    expect((await get('/billing/events', server.keys.acme)).status).toBe(200);
    const families = await scrape();
    expect(sampleValue(families, 'rate_limit_hits_total', { route: '/billing/events' })).toBe(1);
  });
});
