import { TimeoutError, UpstreamError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { ECB_FILES } from '../../src/fx-ecb/index.js';
import { connectEcb } from './ecb-sandbox-client.js';

describe('fx-ecb under the sandbox fault scenarios', () => {
  it('rate-limited once: waits for Retry-After (1 s), retries, succeeds', async () => {
    const { client, sandbox } = connectEcb({
      sandbox: { scenario: 'rate-limited', scenarioTimes: 1 },
    });
    const retries: unknown[] = [];
    client.events.on('request.retry', (event) => retries.push(event));
    const started = Date.now();
    const result = await client.operations.rates({ base: 'EUR', symbols: ['USD'] });
    expect(result.rates).toEqual({ USD: '1.0856' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sandbox.requests).toHaveLength(2);
    expect(retries).toEqual([expect.objectContaining({ status: 429, reason: 'http_429' })]);
  });

  it('rate-limited for good: a RateLimitError once the attempts are spent', async () => {
    const { client } = connectEcb({
      sandbox: { scenario: 'rate-limited' },
      transport: { retry: { maxAttempts: 2, baseDelayMs: 5 } },
    });
    await expect(client.operations.rates({ base: 'EUR' })).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 1000,
    });
  });

  it('server errors once: retried and answered', async () => {
    const { client, sandbox } = connectEcb({
      sandbox: { scenario: 'server-error', scenarioTimes: 2 },
    });
    const result = await client.operations.convert({
      amount: { amount: '100', currency: 'EUR' },
      to: 'USD',
    });
    expect(result.to.amount).toBe(109n); // 1.00 EUR × 1.0856 = 1.0856 USD → 1.09
    expect(sandbox.requests).toHaveLength(3);
  });

  it('server errors for good: UpstreamError with the status, after every attempt', async () => {
    const { client, sandbox } = connectEcb({ sandbox: { scenario: 'server-error' } });
    const error = await client.operations.rates({ base: 'EUR' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ upstreamStatus: 500, connectorId: 'fx-ecb', operation: 'rates' });
    expect(sandbox.requests).toHaveLength(3);
  });

  it('slow past the time limit: TimeoutError', async () => {
    const { client, sandbox } = connectEcb({
      sandbox: { scenario: 'slow', slowMs: 1000 },
      transport: { timeoutMs: 100, retry: { maxAttempts: 2, baseDelayMs: 5 } },
    });
    const error = await client.operations.rates({ base: 'EUR' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'timeout', connectorId: 'fx-ecb' });
    expect(sandbox.requests).toHaveLength(2);
  });

  it('malformed body: a typed UpstreamError saying the file is not XML, not a crash', async () => {
    const { client } = connectEcb({ sandbox: { scenario: 'malformed' } });
    const error = await client.operations
      .convert({
        amount: { amount: '100', currency: 'EUR' },
        to: 'USD',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      status: 502,
      retryable: false,
      operation: 'convert',
      message: expect.stringContaining(
        "The ECB's eurofxref-daily.xml is not a eurofxref reference-rate file: not well-formed XML",
      ),
      body: '{"status": "ok", "data": [1, 2',
    });
  });

  it('a broken file served with 200: the same typed error', async () => {
    const { client } = connectEcb({
      sandbox: {
        files: {
          daily:
            '<gesmes:Envelope><Cube><Cube time="2024-02-27"><Cube currency="USD" rate="n/a"/></Cube></Cube></gesmes:Envelope>',
        },
      },
    });
    await expect(client.operations.rates({ base: 'EUR' })).rejects.toMatchObject({
      code: 'upstream_error',
      message: expect.stringContaining('positive decimal'),
    });
  });

  it('network errors: UpstreamError after the retries', async () => {
    const { client, sandbox } = connectEcb({ sandbox: { scenario: 'network-error' } });
    await expect(client.operations.rates({ base: 'EUR' })).rejects.toBeInstanceOf(UpstreamError);
    expect(sandbox.requests).toHaveLength(3);
  });

  it('a wrong base URL: the ECB-like HTML 404 is an UpstreamError, not retried', async () => {
    const { client, sandbox } = connectEcb();
    await expect(
      client.transport.request({ path: '/stats/eurofxref/eurofxref-weekly.xml' }),
    ).rejects.toMatchObject({ upstreamStatus: 404 });
    expect(sandbox.requests).toHaveLength(1);
    await expect(
      client.transport.request({ method: 'DELETE', path: ECB_FILES.daily }),
    ).rejects.toMatchObject({ upstreamStatus: 405 });
  });

  it.each([
    ['server-error', /HTTP 500/],
    ['malformed', /not XML/],
    ['network-error', /upstream_error/],
    ['slow', /timeout|no answer/],
  ] as const)('check() is not ok under %s, and never throws', async (scenario, reason) => {
    const { client } = connectEcb({
      sandbox: { scenario, slowMs: 1000 },
      transport: { timeoutMs: 100 },
    });
    const health = await client.check({ timeoutMs: 2000 });
    expect(health.ok).toBe(false);
    expect(health.reason).toMatch(reason);
  });
});
