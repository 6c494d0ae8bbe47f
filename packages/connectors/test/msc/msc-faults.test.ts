import { AuthError, TimeoutError, UpstreamError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { msc } from '../../src/msc/index.js';
import {
  MSC_SANDBOX_CREDENTIALS,
  MSC_SANDBOX_TOKEN_URL,
  mscSandbox,
} from '../../src/msc/sandbox.js';
import { type SandboxScenario, scenarioHandlers } from '../../src/shared/sandbox-scenario.js';

const reference = { trackingNumber: 'MSCU240000120' };

function connect(timeoutMs?: number) {
  return connectSandbox(msc, {
    config: { tokenUrl: MSC_SANDBOX_TOKEN_URL },
    credentials: MSC_SANDBOX_CREDENTIALS,
    sandbox: mscSandbox,
    transport: {
      retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false },
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    },
  });
}

/** A client holding a token, with the scenario then put in front of the sandbox. */
async function connectWarm(scenario: SandboxScenario, scenarioTimes?: number, timeoutMs?: number) {
  const connected = connect(timeoutMs);
  await connected.client.operations.track(reference);
  connected.sandbox.use(
    ...scenarioHandlers({
      baseUrl: msc.environments.sandbox,
      scenario,
      slowMs: 300,
      ...(scenarioTimes === undefined ? {} : { scenarioTimes }),
    }),
  );
  return connected;
}

describe('MSC under the sandbox fault scenarios', () => {
  it('waits out a 429 with Retry-After and then gets the events', async () => {
    const { client, sandbox } = await connectWarm('rate-limited', 1);
    const before = sandbox.requests.length;
    expect((await client.operations.track(reference)).status).toBe('delivered');
    expect(sandbox.requests.length - before).toBe(2);
  });

  it('surfaces a persistent 500 as an UpstreamError', async () => {
    const { client } = await connectWarm('server-error');
    await expect(client.operations.track(reference)).rejects.toMatchObject({
      code: 'upstream_error',
      upstreamStatus: 500,
    });
  });

  it('gives up on a slow answer with a TimeoutError', async () => {
    const { client } = await connectWarm('slow', undefined, 40);
    await expect(client.operations.track(reference)).rejects.toBeInstanceOf(TimeoutError);
  });

  it('reports a body that is not JSON as an UpstreamError', async () => {
    const { client } = await connectWarm('malformed');
    await expect(client.operations.track(reference)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('reports a reset connection as an UpstreamError', async () => {
    const { client } = await connectWarm('network-error');
    await expect(client.operations.track(reference)).rejects.toBeInstanceOf(UpstreamError);
  });

  it('fails with a typed AuthError when the token endpoint is down', async () => {
    const { client } = connectSandbox(msc, {
      config: { tokenUrl: MSC_SANDBOX_TOKEN_URL },
      credentials: MSC_SANDBOX_CREDENTIALS,
      sandbox: (connection) => mscSandbox({ ...connection, scenario: 'server-error' }),
    });
    await expect(client.operations.track(reference)).rejects.toBeInstanceOf(AuthError);
  });
});

describe('MSC health check', () => {
  it('is ok against the sandbox', async () => {
    expect((await connect().client.check()).ok).toBe(true);
  });

  it('is not ok when MSC fails', async () => {
    const { client } = await connectWarm('server-error');
    expect((await client.check()).ok).toBe(false);
  });
});
