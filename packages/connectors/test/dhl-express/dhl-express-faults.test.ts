import { TimeoutError, UpstreamError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { dhlExpress } from '../../src/dhl-express/index.js';
import {
  DHL_EXPRESS_SANDBOX_CREDENTIALS,
  dhlExpressSandbox,
} from '../../src/dhl-express/sandbox.js';
import type { SandboxScenario } from '../../src/shared/sandbox-scenario.js';

const quoteInput = {
  origin: { countryCode: 'DE', city: 'Bonn' },
  destination: { countryCode: 'BD', city: 'Dhaka' },
};

function connect(
  scenario: SandboxScenario,
  extra: { scenarioTimes?: number; timeoutMs?: number } = {},
) {
  return connectSandbox(dhlExpress, {
    config: { accountNumber: '123456789' },
    credentials: DHL_EXPRESS_SANDBOX_CREDENTIALS,
    sandbox: (connection) =>
      dhlExpressSandbox({
        ...connection,
        scenario,
        slowMs: 300,
        ...(extra.scenarioTimes === undefined ? {} : { scenarioTimes: extra.scenarioTimes }),
      }),
    transport: {
      retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false },
      ...(extra.timeoutMs === undefined ? {} : { timeoutMs: extra.timeoutMs }),
    },
  });
}

describe('DHL Express under the sandbox fault scenarios', () => {
  it('waits out a 429 with Retry-After and then gets the quote', async () => {
    const { client, sandbox } = connect('rate-limited', { scenarioTimes: 1 });
    const started = Date.now();
    const quote = await client.operations.quote(quoteInput);
    expect(quote.carrier).toBe('dhl-express');
    expect(sandbox.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('retries a 500 and surfaces a persistent one as a retryable UpstreamError', async () => {
    const { client, sandbox } = connect('server-error');
    const error = await client.operations.quote(quoteInput).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).upstreamStatus).toBe(500);
    expect((error as UpstreamError).retryable).toBe(true);
    expect(sandbox.requests).toHaveLength(3);
  });

  it('gives up on a slow answer with a TimeoutError', async () => {
    const { client } = connect('slow', { timeoutMs: 40 });
    await expect(client.operations.track({ trackingNumber: '1234567890' })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });

  it('reports a body that is not JSON as an UpstreamError, not a crash', async () => {
    const { client } = connect('malformed');
    const error = await client.operations.quote(quoteInput).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).message).toContain('not JSON');
  });

  it('reports a reset connection as an UpstreamError', async () => {
    const { client } = connect('network-error');
    await expect(client.operations.quote(quoteInput)).rejects.toBeInstanceOf(UpstreamError);
  });

  it.each([
    ['without an idempotency key', undefined],
    ['even with an idempotency key (DHL does not de-duplicate)', { idempotencyKey: 'order-1' }],
  ])('does not retry a shipment booking %s', async (_, runOptions) => {
    const { client, sandbox } = connect('server-error', { scenarioTimes: 1 });
    await expect(
      client.operations.createShipment(
        {
          shipper: {
            name: 'Anna Schmidt',
            phone: '+49 228 1234567',
            address: { lines: ['Kaiserstraße 1'], city: 'Bonn', countryCode: 'DE' },
          },
          recipient: {
            name: 'Rahim Uddin',
            phone: '+880 2 9876543',
            address: { lines: ['Road 5'], city: 'Dhaka', countryCode: 'BD' },
          },
          packages: [{ weightKg: '1' }],
          description: 'Documents',
        },
        runOptions,
      ),
    ).rejects.toMatchObject({ code: 'upstream_error', upstreamStatus: 500 });
    expect(sandbox.requests).toHaveLength(1);
  });
});

describe('DHL Express health check', () => {
  it('is ok against the sandbox', async () => {
    const { client } = connectSandbox(dhlExpress, {
      config: { accountNumber: '123456789' },
      credentials: DHL_EXPRESS_SANDBOX_CREDENTIALS,
      sandbox: dhlExpressSandbox,
    });
    const result = await client.check();
    expect(result.ok).toBe(true);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('is not ok when DHL keeps failing, and says why without throwing', async () => {
    const { client } = connect('server-error');
    const result = await client.check();
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('500');
  });

  it('is not ok with wrong credentials', async () => {
    const { client } = connectSandbox(dhlExpress, {
      config: { accountNumber: '123456789' },
      credentials: { apiKey: 'someone-else', apiSecret: 'wrong-secret-value' },
      sandbox: dhlExpressSandbox,
    });
    const result = await client.check();
    expect(result.ok).toBe(false);
    expect(result.reason).not.toContain('wrong-secret-value');
  });
});
