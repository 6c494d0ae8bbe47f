import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  createEventBus,
  createTransport,
  RateLimitError,
  TimeoutError,
  type TollgateEventMap,
  UpstreamError,
} from '../src/index.js';
import { createSandboxFetch, faults } from '../src/testing/index.js';

const BASE = 'https://partner.test/v1';

/** A partner whose /thing answers 200 with a counter, behind whatever faults a test injects. */
function partner() {
  let served = 0;
  const sandbox = createSandboxFetch([
    http.all(`${BASE}/thing`, ({ request }) => {
      served += 1;
      return HttpResponse.json({ ok: true, method: request.method, served });
    }),
  ]);
  const events = createEventBus();
  const seen: Array<{ event: keyof TollgateEventMap; attempt?: number; reason?: string }> = [];
  events.on('request.start', (e) => seen.push({ event: 'request.start', attempt: e.attempt }));
  events.on('request.retry', (e) =>
    seen.push({ event: 'request.retry', attempt: e.attempt, reason: e.reason }),
  );
  events.on('request.success', (e) => seen.push({ event: 'request.success', attempt: e.attempt }));
  events.on('request.failure', (e) => seen.push({ event: 'request.failure', attempt: e.attempt }));
  const transport = createTransport({
    baseUrl: BASE,
    fetch: sandbox,
    events,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    timeoutMs: 100,
    circuitBreaker: false,
  });
  return { sandbox, transport, seen, served: () => served };
}

describe('retry table', () => {
  it('timeouts: retried with backoff, 3 attempts in all, then TimeoutError', async () => {
    const { sandbox, transport, seen, served } = partner();
    sandbox.use(faults.slow(500, { times: 3 }));
    const error = await transport.request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).retryable).toBe(true);
    expect(sandbox.requests).toHaveLength(3);
    expect(served()).toBe(0);
    expect(seen.map((s) => s.event)).toEqual([
      'request.start',
      'request.retry',
      'request.start',
      'request.retry',
      'request.start',
      'request.failure',
    ]);
    expect(seen.filter((s) => s.event === 'request.retry').map((s) => s.reason)).toEqual([
      'timeout',
      'timeout',
    ]);
  });

  it('timeouts: a later attempt that answers in time succeeds', async () => {
    const { sandbox, transport, served } = partner();
    sandbox.use(faults.slow(500, { times: 2 }));
    const response = await transport.request({ path: '/thing' });
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(3);
    expect(served()).toBe(1);
  });

  it('5xx: retried with exponential backoff and jitter until success', async () => {
    const { sandbox, transport, seen } = partner();
    sandbox.use(faults.status(500, { times: 1 }), faults.status(502, { times: 1 }));
    const started = performance.now();
    const response = await transport.request({ path: '/thing' });
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(3);
    // backoff 5 ms then 10 ms, each at least half of that with equal jitter
    expect(performance.now() - started).toBeGreaterThanOrEqual(7);
    expect(seen.filter((s) => s.event === 'request.retry').map((s) => s.reason)).toEqual([
      'http_500',
      'http_502',
    ]);
  });

  it('5xx: gives up after 3 attempts with a retryable UpstreamError', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.status(503, { times: 5, body: { message: 'down for maintenance' } }));
    const error = await transport.request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).upstreamStatus).toBe(503);
    expect((error as UpstreamError).retryable).toBe(true);
    expect((error as UpstreamError).body).toContain('down for maintenance');
    expect(sandbox.requests).toHaveLength(3);
  });

  it('other 4xx: not retried, an immediate typed error', async () => {
    const { sandbox, transport, seen } = partner();
    sandbox.use(faults.status(422, { times: 5, body: { error: 'unknown hs code' } }));
    const error = await transport.request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).upstreamStatus).toBe(422);
    expect((error as UpstreamError).retryable).toBe(false);
    expect(sandbox.requests).toHaveLength(1);
    expect(seen.some((s) => s.event === 'request.retry')).toBe(false);
  });

  it('403: not retried, an AuthError', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.status(403, { times: 5 }));
    await expect(transport.request({ path: '/thing' })).rejects.toBeInstanceOf(AuthError);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('POST without an idempotency key is never retried', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.status(503, { times: 1 }));
    await expect(
      transport.request({ method: 'POST', path: '/thing', json: { a: 1 } }),
    ).rejects.toBeInstanceOf(UpstreamError);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('POST without an idempotency key is not retried after a timeout either', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.slow(500, { times: 1 }));
    await expect(
      transport.request({ method: 'POST', path: '/thing', json: { a: 1 } }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('POST with an idempotency key sends it and may be retried', async () => {
    const keys: Array<string | null> = [];
    const bodies: string[] = [];
    const sandbox = createSandboxFetch([
      http.post(`${BASE}/shipments`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        bodies.push(await request.text());
        return keys.length === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ id: 'shp_1' }, { status: 201 });
      }),
    ]);
    const transport = createTransport({ baseUrl: BASE, fetch: sandbox, retry: { baseDelayMs: 1 } });
    const { data } = await transport.json<{ id: string }>({
      method: 'POST',
      path: '/shipments',
      json: { weightKg: 2 },
      idempotencyKey: 'ship-42',
    });
    expect(data.id).toBe('shp_1');
    expect(keys).toEqual(['ship-42', 'ship-42']);
    expect(bodies).toEqual(['{"weightKg":2}', '{"weightKg":2}']);
  });

  it('the idempotency header name is configurable per connector', async () => {
    const seen: Array<string | null> = [];
    const sandbox = createSandboxFetch([
      http.post(`${BASE}/pay`, ({ request }) => {
        seen.push(request.headers.get('x-idempotency-key'));
        return HttpResponse.json({});
      }),
    ]);
    const transport = createTransport({
      baseUrl: BASE,
      fetch: sandbox,
      idempotencyHeader: 'X-Idempotency-Key',
    });
    await transport.request({ method: 'POST', path: '/pay', idempotencyKey: 'k1' });
    expect(seen).toEqual(['k1']);
  });

  it('idempotencyHeader: false — a partner without idempotency keys: the key is not sent and a POST is not retried', async () => {
    const seen: Array<string[]> = [];
    const sandbox = createSandboxFetch([
      http.post(`${BASE}/shipments`, ({ request }) => {
        seen.push([...request.headers.keys()].filter((name) => name.includes('idempotency')));
        return HttpResponse.json({ booked: true });
      }),
    ]);
    sandbox.use(faults.status(503, { times: 1 }));
    const transport = createTransport({
      baseUrl: BASE,
      fetch: sandbox,
      idempotencyHeader: false,
      retry: { baseDelayMs: 5 },
      circuitBreaker: false,
    });
    const error = await transport
      .request({ method: 'POST', path: '/shipments', idempotencyKey: 'k1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(sandbox.requests).toHaveLength(1);
    await transport.request({ method: 'POST', path: '/shipments', idempotencyKey: 'k1' });
    expect(seen).toEqual([[]]);
    // A request the connector itself declares idempotent is still retried.
    sandbox.use(faults.status(503, { times: 1 }));
    await expect(
      transport.request({ method: 'POST', path: '/shipments', idempotent: true }),
    ).resolves.toBeInstanceOf(Response);
    expect(sandbox.requests).toHaveLength(4);
  });

  it('a 304 to a conditional GET is a success (the cached copy is current); without a condition it is an error', async () => {
    const sandbox = createSandboxFetch([
      http.get(`${BASE}/rates.xml`, ({ request }) =>
        request.headers.get('if-none-match') === '"v1"'
          ? new HttpResponse(null, { status: 304, headers: { etag: '"v1"' } })
          : new HttpResponse('<rates/>', { status: 304 }),
      ),
    ]);
    const events = createEventBus();
    const outcomes: string[] = [];
    events.on('request.success', () => outcomes.push('success'));
    events.on('request.failure', () => outcomes.push('failure'));
    const transport = createTransport({
      baseUrl: BASE,
      fetch: sandbox,
      events,
      circuitBreaker: false,
    });
    const response = await transport.request({
      path: '/rates.xml',
      headers: { 'If-None-Match': '"v1"' },
    });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe('"v1"');
    await expect(transport.request({ path: '/rates.xml' })).rejects.toBeInstanceOf(UpstreamError);
    expect(outcomes).toEqual(['success', 'failure']);
  });

  it('network errors are retried like 5xx', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.networkError({ times: 2 }));
    const response = await transport.request({ path: '/thing' });
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(3);
  });

  it('the overall deadline stops retries', async () => {
    const { sandbox } = partner();
    sandbox.use(faults.status(503, { times: 10 }));
    const transport = createTransport({
      baseUrl: BASE,
      fetch: sandbox,
      retry: { maxAttempts: 10, baseDelayMs: 40, jitter: false },
      deadlineMs: 100,
      circuitBreaker: false,
    });
    const started = performance.now();
    const error = await transport.request({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sandbox.requests.length).toBeLessThan(10);
  });

  it('a malformed JSON body is an UpstreamError that keeps the raw text', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.malformed());
    const error = await transport.json({ path: '/thing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).body).toBe('{"status": "ok", "data": [1, 2');
  });
});

describe('429 and Retry-After', () => {
  it('honours Retry-After given in seconds', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.rateLimited({ retryAfter: 1 }));
    const started = performance.now();
    const response = await transport.request({ path: '/thing' });
    const waited = performance.now() - started;
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(2);
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const { sandbox, transport } = partner();
    // HTTP dates have one-second resolution: ask for a moment 2 s ahead.
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
    sandbox.use(faults.rateLimited({ retryAfter: at }));
    const response = await transport.request({ path: '/thing' });
    expect(response.status).toBe(200);
    expect(sandbox.requests).toHaveLength(2);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 5);
  });

  it('honours a RateLimit-Reset header when there is no Retry-After', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.rateLimited({ rateLimitReset: 1 }));
    const started = performance.now();
    await transport.request({ path: '/thing' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(sandbox.requests).toHaveLength(2);
  });

  it('a Retry-After longer than allowed fails at once with RateLimitError.retryAfterMs', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.rateLimited({ retryAfter: 3600 }));
    const started = performance.now();
    const error = await transport.request({ path: '/thing' }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(500);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect((error as RateLimitError).toProblem().retry_after_ms).toBe(3_600_000);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('a 429 on a POST without idempotency key is not retried', async () => {
    const { sandbox, transport } = partner();
    sandbox.use(faults.rateLimited({ retryAfter: 0 }));
    await expect(transport.request({ method: 'POST', path: '/thing' })).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(sandbox.requests).toHaveLength(1);
  });
});
