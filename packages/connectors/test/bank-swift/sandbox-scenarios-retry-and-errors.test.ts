import { RateLimitError, TimeoutError, UpstreamError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { connectGateway, ROUTING } from './connect-gateway.js';
import { MT700 } from './fixtures/messages.js';

const submit = (client: ReturnType<typeof connectGateway>['client']) =>
  client.operations.submitLetterOfCredit({ message: MT700, ...ROUTING });

const apiCalls = (sandbox: ReturnType<typeof connectGateway>['sandbox']) =>
  sandbox.requests.filter((request) => request.url.includes('/alliancecloud/v2/'));

describe('bank-swift sandbox scenarios drive the retry and error paths', () => {
  it('rate-limited once: waits for Retry-After, retries and succeeds', async () => {
    const { client, sandbox } = connectGateway({
      sandbox: { scenario: 'rate-limited', scenarioTimes: 1 },
    });
    const started = performance.now();
    const submission = await submit(client);
    expect(submission.status).toBe('submitted');
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(apiCalls(sandbox)).toHaveLength(2);
  });

  it('rate-limited past what the caller waits for: a RateLimitError at once, with the delay', async () => {
    const { client, sandbox } = connectGateway({
      sandbox: { scenario: 'rate-limited' },
      maxRetryAfterMs: 500,
    });
    const error = await client.operations
      .getSubmission({ submissionId: '00000000-0000-4000-8000-000000000000' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1000);
    expect(apiCalls(sandbox)).toHaveLength(1);
  });

  it('server error once: retried and answered', async () => {
    const { client, sandbox } = connectGateway({
      sandbox: { scenario: 'server-error', scenarioTimes: 2 },
    });
    await expect(submit(client)).resolves.toMatchObject({ status: 'submitted' });
    expect(apiCalls(sandbox)).toHaveLength(3);
  });

  it('server error throughout: an UpstreamError after three attempts', async () => {
    const { client, sandbox } = connectGateway({ sandbox: { scenario: 'server-error' } });
    const error = await submit(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ upstreamStatus: 500, retryable: true });
    expect(apiCalls(sandbox)).toHaveLength(3);
  });

  it('slow: each attempt times out, a TimeoutError', async () => {
    const { client } = connectGateway({
      sandbox: { scenario: 'slow', slowMs: 400 },
      timeoutMs: 50,
    });
    await expect(submit(client)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('malformed answer: a typed UpstreamError, not a crash', async () => {
    const { client } = connectGateway({ sandbox: { scenario: 'malformed' } });
    const error = await submit(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).message).toContain('not JSON');
  });

  it('network error: retried, then an UpstreamError', async () => {
    const { client, sandbox } = connectGateway({ sandbox: { scenario: 'network-error' } });
    const error = await client.operations
      .getSubmission({ submissionId: '00000000-0000-4000-8000-000000000000' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).message).toContain('Network error');
    expect(apiCalls(sandbox)).toHaveLength(3);
  });

  it('network error once: the retry reaches the gateway', async () => {
    const { client } = connectGateway({ sandbox: { scenario: 'network-error', scenarioTimes: 1 } });
    await expect(submit(client)).resolves.toMatchObject({ status: 'submitted' });
  });
});
