import { AuthError, TimeoutError, UpstreamError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { maersk } from '../../src/maersk/index.js';
import { MAERSK_SANDBOX_CREDENTIALS, maerskSandbox } from '../../src/maersk/sandbox.js';
import { type SandboxScenario, scenarioHandlers } from '../../src/shared/sandbox-scenario.js';

const quoteInput = { origin: { countryCode: 'BD' }, destination: { countryCode: 'NL' } };

/** Offers need only the Consumer-Key; events need a token too (`withToken`). */
function connect(
  scenario?: SandboxScenario,
  scenarioTimes?: number,
  timeoutMs?: number,
  withToken = false,
) {
  return connectSandbox(maersk, {
    config: {},
    credentials: withToken
      ? MAERSK_SANDBOX_CREDENTIALS
      : { consumerKey: MAERSK_SANDBOX_CREDENTIALS.consumerKey },
    sandbox: (connection) =>
      maerskSandbox({
        ...connection,
        ...(scenario === undefined ? {} : { scenario, slowMs: 300 }),
        ...(scenarioTimes === undefined ? {} : { scenarioTimes }),
      }),
    transport: {
      retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false },
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    },
  });
}

describe('Maersk under the sandbox fault scenarios', () => {
  it('waits out a 429 with Retry-After and then gets the offers', async () => {
    const { client, sandbox } = connect('rate-limited', 1);
    const quote = await client.operations.quote(quoteInput);
    expect(quote.carrier).toBe('maersk');
    expect(sandbox.requests).toHaveLength(2);
  });

  it('surfaces a persistent 500 as an UpstreamError', async () => {
    const { client } = connect('server-error');
    await expect(client.operations.quote(quoteInput)).rejects.toMatchObject({
      code: 'upstream_error',
      upstreamStatus: 500,
    });
  });

  it('gives up on a slow answer with a TimeoutError', async () => {
    const { client } = connect('slow', undefined, 40);
    await expect(client.operations.quote(quoteInput)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('reports a body that is not JSON as an UpstreamError, for offers and for events', async () => {
    const { client } = connect('malformed');
    await expect(client.operations.quote(quoteInput)).rejects.toBeInstanceOf(UpstreamError);
    const warm = connect(undefined, undefined, undefined, true);
    await warm.client.operations.track({ trackingNumber: 'MAEU241234560' });
    warm.sandbox.use(
      ...scenarioHandlers({ baseUrl: maersk.environments.sandbox, scenario: 'malformed' }),
    );
    await expect(
      warm.client.operations.track({ trackingNumber: 'MAEU241234560' }),
    ).rejects.toBeInstanceOf(UpstreamError);
  });

  it('reports a reset connection as an UpstreamError', async () => {
    const { client } = connect('network-error');
    await expect(client.operations.quote(quoteInput)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('fails tracking with a typed AuthError when the token endpoint is down', async () => {
    const { client } = connect('server-error', undefined, undefined, true);
    await expect(
      client.operations.track({ trackingNumber: 'MAEU241234560' }),
    ).rejects.toBeInstanceOf(AuthError);
  });
});

describe('Maersk health check', () => {
  it('is ok against the sandbox', async () => {
    expect((await connect().client.check()).ok).toBe(true);
  });

  it('is not ok when the gateway fails', async () => {
    const result = await connect('server-error').client.check();
    expect(result.ok).toBe(false);
  });
});
