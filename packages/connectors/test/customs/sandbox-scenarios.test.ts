import { AuthError, RateLimitError, TimeoutError, UpstreamError } from '@tollgate/core';
import { faults } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import type { SubmitDeclarationInput } from '../../src/customs/index.js';
import { SANDBOX_SCENARIOS } from '../../src/customs/sandbox.js';
import { connectCustoms } from './customs-fixtures.js';

const declaration = {
  countryCode: 'SA',
  declarationType: 'import',
  declarantReference: 'ACC-SA-1',
  customsOffice: 'JED01',
  commodityCodes: ['847130000000'],
} satisfies SubmitDeclarationInput;

const declarationCalls = (requests: ReadonlyArray<{ url: string }>) =>
  requests.filter((r) => r.url.endsWith('/customs/declarations')).length;

/** Under a persistent fault every call fails before the sandbox looks the id up. */
const declarationId = '00000000-0000-4000-8000-000000000001';

describe('sandbox scenarios drive the retry and error paths', () => {
  it('covers every shared scenario', () => {
    expect(SANDBOX_SCENARIOS).toEqual([
      'rate-limited',
      'server-error',
      'slow',
      'malformed',
      'network-error',
    ]);
  });

  it('rate-limited once: waits for Retry-After, retries the keyed submission, succeeds', async () => {
    const { client, sandbox } = connectCustoms({ scenario: 'rate-limited', scenarioTimes: 1 });
    const retries: unknown[] = [];
    client.events.on('request.retry', (event) => retries.push(event.reason));
    const started = Date.now();
    const result = await client.operations.submitDeclaration(declaration, {
      idempotencyKey: 'k-429',
    });
    expect(result.status).toBe('submitted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(retries).toEqual(['http_429']);
    expect(declarationCalls(sandbox.requests)).toBe(2);
  });

  it('rate-limited for good: a RateLimitError carrying the wait', async () => {
    const { client } = connectCustoms(
      { scenario: 'rate-limited' },
      { transport: { retry: { maxAttempts: 1 } } },
    );
    const error = await client.operations
      .submitDeclaration(declaration, { idempotencyKey: 'k-429b' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 1000 });
  });

  it('server error once: the keyed submission is retried, then the status answers', async () => {
    const { client, sandbox } = connectCustoms({ scenario: 'server-error', scenarioTimes: 1 });
    const submitted = await client.operations.submitDeclaration(declaration, {
      idempotencyKey: 'k-500',
    });
    expect(declarationCalls(sandbox.requests)).toBe(2);
    const status = await client.operations.getDeclarationStatus({
      declarationId: submitted.declarationId,
    });
    expect(status.status).toBe('accepted');
  });

  it('server error for good: an UpstreamError after the allowed attempts', async () => {
    const { client, sandbox } = connectCustoms({ scenario: 'server-error' });
    const error = await client.operations
      .getDeclarationStatus({ declarationId })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ upstreamStatus: 500, retryable: true });
    expect(sandbox.requests.filter((r) => r.url.includes('/notifications/'))).toHaveLength(3);
  });

  it('slow: a TimeoutError with a short timeout', async () => {
    const { client } = connectCustoms(
      { scenario: 'slow', slowMs: 1_000 },
      { transport: { timeoutMs: 40, retry: { maxAttempts: 2, baseDelayMs: 5, jitter: false } } },
    );
    await expect(
      client.operations.submitDeclaration(declaration, { idempotencyKey: 'k-slow' }),
    ).rejects.toBeInstanceOf(TimeoutError);
  });

  it('malformed: a typed UpstreamError for the submission and the status pull, not a crash', async () => {
    const { client, sandbox } = connectCustoms({ scenario: 'malformed' });
    await expect(client.operations.submitDeclaration(declaration)).rejects.toMatchObject({
      code: 'upstream_error',
      retryable: false,
    });
    await expect(client.operations.getDeclarationStatus({ declarationId })).rejects.toBeInstanceOf(
      UpstreamError,
    );
    expect(declarationCalls(sandbox.requests)).toBe(1);
  });

  it('network error once: the keyed submission is sent again and lands once', async () => {
    const { client, sandbox } = connectCustoms({ scenario: 'network-error', scenarioTimes: 1 });
    const result = await client.operations.submitDeclaration(declaration, {
      idempotencyKey: 'k-net',
    });
    expect(result.declarationId).toBe('00000000-0000-4000-8000-000000000001');
    expect(declarationCalls(sandbox.requests)).toBe(2);
  });

  it('network error for good: an UpstreamError naming the network failure', async () => {
    const { client } = connectCustoms({ scenario: 'network-error' });
    await expect(client.operations.getDeclarationStatus({ declarationId })).rejects.toThrow(
      /Network error/,
    );
  });

  it('an OAuth token endpoint that keeps failing surfaces as an AuthError after its retries', async () => {
    const { client, sandbox } = connectCustoms();
    sandbox.use(faults.status(503, { url: '*/oauth/token', times: 3 }));
    await expect(client.operations.submitDeclaration(declaration)).rejects.toBeInstanceOf(
      AuthError,
    );
    expect(declarationCalls(sandbox.requests)).toBe(0);
    expect(sandbox.requests.filter((r) => r.url.endsWith('/oauth/token'))).toHaveLength(3);
  });

  it('a token endpoint that answers 503 once is retried, and the declaration goes through', async () => {
    const { client, sandbox } = connectCustoms();
    sandbox.use(faults.status(503, { url: '*/oauth/token' }));
    await expect(client.operations.submitDeclaration(declaration)).resolves.toMatchObject({
      declarationId: expect.any(String),
    });
    expect(sandbox.requests.filter((r) => r.url.endsWith('/oauth/token'))).toHaveLength(2);
    expect(declarationCalls(sandbox.requests)).toBe(1);
  });
});
