import { AuthError, TimeoutError, UpstreamError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { fedex } from '../../src/fedex/index.js';
import { FEDEX_SANDBOX_CREDENTIALS, fedexSandbox } from '../../src/fedex/sandbox.js';
import { type SandboxScenario, scenarioHandlers } from '../../src/shared/sandbox-scenario.js';

const quoteInput = {
  origin: { countryCode: 'US', city: 'Memphis', postalCode: '38118' },
  destination: { countryCode: 'BD', city: 'Dhaka' },
};

function connect(timeoutMs?: number) {
  return connectSandbox(fedex, {
    config: { accountNumber: '740561073' },
    credentials: FEDEX_SANDBOX_CREDENTIALS,
    sandbox: fedexSandbox,
    transport: {
      retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false },
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    },
  });
}

/**
 * A client with a token already fetched, then the scenario in front of the
 * sandbox: the API call (not the token request) meets the fault.
 */
async function connectWarm(scenario: SandboxScenario, scenarioTimes?: number, timeoutMs?: number) {
  const connected = connect(timeoutMs);
  await connected.client.operations.track({ trackingNumber: '794843185271' });
  connected.sandbox.use(
    ...scenarioHandlers({
      baseUrl: fedex.environments.sandbox,
      scenario,
      slowMs: 300,
      ...(scenarioTimes === undefined ? {} : { scenarioTimes }),
    }),
  );
  return connected;
}

describe('FedEx under the sandbox fault scenarios', () => {
  it('waits out a 429 with Retry-After and then gets the quote', async () => {
    const { client, sandbox } = await connectWarm('rate-limited', 1);
    const before = sandbox.requests.length;
    const quote = await client.operations.quote(quoteInput);
    expect(quote.carrier).toBe('fedex');
    expect(sandbox.requests.length - before).toBe(2);
  });

  it('surfaces a persistent 500 as an UpstreamError after the retries', async () => {
    const { client, sandbox } = await connectWarm('server-error');
    const before = sandbox.requests.length;
    const error = await client.operations.quote(quoteInput).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).upstreamStatus).toBe(500);
    expect(sandbox.requests.length - before).toBe(3);
  });

  it('gives up on a slow answer with a TimeoutError', async () => {
    const { client } = await connectWarm('slow', undefined, 40);
    await expect(client.operations.quote(quoteInput)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('reports a body that is not JSON as an UpstreamError', async () => {
    const { client } = await connectWarm('malformed');
    await expect(client.operations.quote(quoteInput)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('reports a reset connection as an UpstreamError', async () => {
    const { client } = await connectWarm('network-error');
    await expect(client.operations.quote(quoteInput)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('fails with a typed AuthError when the token endpoint itself is down', async () => {
    const { client } = connectSandbox(fedex, {
      config: { accountNumber: '740561073' },
      credentials: FEDEX_SANDBOX_CREDENTIALS,
      sandbox: (connection) => fedexSandbox({ ...connection, scenario: 'server-error' }),
    });
    const error = await client.operations.quote(quoteInput).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).retryable).toBe(true);
  });
});

describe('FedEx health check', () => {
  it('is ok against the sandbox', async () => {
    const { client } = connect();
    expect((await client.check()).ok).toBe(true);
  });

  it('is not ok when FedEx fails, without throwing', async () => {
    const { client } = await connectWarm('server-error');
    const result = await client.check();
    expect(result.ok).toBe(false);
  });
});
