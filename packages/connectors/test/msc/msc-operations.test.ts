import { AuthError, ValidationError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import {
  callLogisticsOperation,
  compareQuotes,
  ShipmentNotFoundError,
  UnsupportedOperationError,
} from '../../src/logistics/index.js';
import { msc } from '../../src/msc/index.js';
import {
  MSC_SANDBOX_CREDENTIALS,
  MSC_SANDBOX_TOKEN_URL,
  mscSandbox,
} from '../../src/msc/sandbox.js';

const options = {
  config: { tokenUrl: MSC_SANDBOX_TOKEN_URL },
  credentials: MSC_SANDBOX_CREDENTIALS,
  sandbox: mscSandbox,
  transport: { retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false } },
};

describe('MSC tracking (DCSA Track & Trace 2.2)', () => {
  it('tracks a B/L through GET /v2/events with one OAuth2 token', async () => {
    const { client, sandbox } = connectSandbox(msc, options);
    const tracked = await client.operations.track({ trackingNumber: 'MSCU240000120' });
    const again = await client.operations.track({ trackingNumber: 'MSCU240000120' });
    expect(again).toEqual(tracked);
    expect(tracked).toMatchObject({
      carrier: 'msc',
      trackingNumber: 'MSCU240000120',
      status: 'delivered',
    });
    expect(tracked.events[0]).toMatchObject({ code: 'CONF', status: 'pre_transit' });
    expect(tracked.events.some((event) => event.description.includes('MSC '))).toBe(true);
    expect(
      sandbox.requests.filter((request) => request.url.endsWith('/oauth2/token')),
    ).toHaveLength(1);
    expect(sandbox.requests[1]?.url).toBe(
      'https://msc.sandbox.tollgate.test/v2/events?transportDocumentReference=MSCU240000120',
    );
  });

  it('reports transshipment as in transit and a customs hold as customs', async () => {
    const { client } = connectSandbox(msc, options);
    const moving = await client.operations.track({
      trackingNumber: 'MEDU7001117',
      referenceType: 'equipment',
    });
    expect(moving.status).toBe('in_transit');
    const held = await client.operations.track({ trackingNumber: 'MSCU240000128' });
    expect(held.status).toBe('customs');
    expect(held.events.at(-1)?.description).toContain(
      'Customs on hold: Customs inspection requested',
    );
  });

  it('refuses a malformed reference before sending, and a reference MSC does not know after', async () => {
    const { client, sandbox } = connectSandbox(msc, options);
    await expect(client.operations.track({ trackingNumber: 'MS' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(sandbox.requests).toHaveLength(0);
    await expect(client.operations.track({ trackingNumber: '000999888' })).rejects.toBeInstanceOf(
      ShipmentNotFoundError,
    );
  });

  it('needs its token endpoint in the config, and refuses wrong credentials with an AuthError', async () => {
    expect(() => connectSandbox(msc, { ...options, config: {} as never })).toThrow(ValidationError);
    const { client } = connectSandbox(msc, {
      ...options,
      credentials: { clientId: 'tollgate-msc-demo-client', clientSecret: 'not-the-right-one' },
    });
    await expect(
      client.operations.track({ trackingNumber: 'MSCU240000120' }),
    ).rejects.toBeInstanceOf(AuthError);
  });
});

describe('MSC and the optional operations of the contract', () => {
  it('provides only track: quote, booking and pick-up are unsupported, typed, and nothing is sent', async () => {
    const { client, sandbox } = connectSandbox(msc, options);
    expect(Object.keys(msc.operations)).toEqual(['track']);
    for (const operation of ['quote', 'createShipment', 'schedulePickup'] as const) {
      await expect(callLogisticsOperation(client, operation, {})).rejects.toBeInstanceOf(
        UnsupportedOperationError,
      );
    }
    const comparison = await compareQuotes([client], {
      origin: { countryCode: 'BD' },
      destination: { countryCode: 'DE' },
    });
    expect(comparison.failures).toMatchObject([{ carrier: 'msc', code: 'unsupported_operation' }]);
    expect(sandbox.requests).toHaveLength(0);
    expect(msc.billableOperations).toEqual({});
  });
});
