import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTransport, RateLimitError } from '../src/index.js';
import { createSandboxFetch } from '../src/testing/index.js';

const BASE = 'https://api.carrier.test';

describe('client-side limits', () => {
  it('the token bucket spaces requests to the configured rate', async () => {
    const sandbox = createSandboxFetch([http.get(`${BASE}/track`, () => HttpResponse.json({}))]);
    const transport = createTransport({
      baseUrl: BASE,
      fetch: sandbox,
      rateLimit: { requestsPerSecond: 20, burst: 2 },
    });
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => transport.request({ path: '/track' })));
    // 2 go at once, the other 4 wait for tokens at 20/s: at least ~200 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(180);
    expect(sandbox.requests).toHaveLength(6);
  });

  it('a request that would wait longer than maxWaitMs fails at once with RateLimitError', async () => {
    const sandbox = createSandboxFetch([http.get(`${BASE}/track`, () => HttpResponse.json({}))]);
    const transport = createTransport({
      baseUrl: BASE,
      fetch: sandbox,
      rateLimit: { requestsPerSecond: 1, burst: 1, maxWaitMs: 50 },
    });
    await transport.request({ path: '/track' });
    const error = await transport.request({ path: '/track' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(50);
    expect(sandbox.requests).toHaveLength(1);
  });

  it('the bulkhead caps calls in flight and rejects beyond its queue', async () => {
    let inFlight = 0;
    let peak = 0;
    const sandbox = createSandboxFetch([
      http.get(`${BASE}/slow`, async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await delay(30);
        inFlight -= 1;
        return HttpResponse.json({});
      }),
    ]);
    const transport = createTransport({
      baseUrl: BASE,
      fetch: sandbox,
      concurrency: { maxConcurrent: 2, maxQueued: 2 },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => transport.request({ path: '/slow' })),
    );
    expect(peak).toBe(2);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(2);
    for (const r of rejected)
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(RateLimitError);
  });
});
