import type { ConnectorTransportDefaults } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { dhlExpress } from '../../src/dhl-express/index.js';
import {
  DHL_EXPRESS_SANDBOX_CREDENTIALS,
  dhlExpressSandbox,
} from '../../src/dhl-express/sandbox.js';
import { scenarioHandlers } from '../../src/shared/sandbox-scenario.js';
import { describeCarrierFaults } from '../logistics/carrier-fault-scenarios.js';

function connect(
  transport: ConnectorTransportDefaults = {
    retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false },
  },
  credentials: { apiKey: string; apiSecret: string } = DHL_EXPRESS_SANDBOX_CREDENTIALS,
) {
  return connectSandbox(dhlExpress, {
    config: { accountNumber: '123456789' },
    credentials,
    sandbox: dhlExpressSandbox,
    transport,
  });
}

describeCarrierFaults({
  name: 'DHL Express',
  baseUrl: dhlExpress.environments.sandbox,
  connect,
  call: (client) =>
    client.operations.quote({
      origin: { countryCode: 'DE', city: 'Bonn' },
      destination: { countryCode: 'BD', city: 'Dhaka' },
    }),
  answer: 'the quote',
  expected: { carrier: 'dhl-express' },
});

describe('DHL Express bookings under a 500', () => {
  it.each([
    ['without an idempotency key', undefined],
    ['even with an idempotency key (DHL does not de-duplicate)', { idempotencyKey: 'order-1' }],
  ])('does not retry a shipment booking %s', async (_, runOptions) => {
    const { client, sandbox } = connect();
    sandbox.use(
      ...scenarioHandlers({
        baseUrl: dhlExpress.environments.sandbox,
        scenario: 'server-error',
        scenarioTimes: 1,
      }),
    );
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

describe('DHL Express health check with wrong credentials', () => {
  it('is not ok, and does not echo the secret', async () => {
    const { client } = connect({}, { apiKey: 'someone-else', apiSecret: 'wrong-secret-value' });
    const result = await client.check();
    expect(result.ok).toBe(false);
    expect(result.reason).not.toContain('wrong-secret-value');
  });
});
