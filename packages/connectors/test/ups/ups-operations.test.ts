import { AuthError, UpstreamError, ValidationError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { ShipmentNotFoundError } from '../../src/logistics/index.js';
import { ups } from '../../src/ups/index.js';
import { UPS_SANDBOX_CREDENTIALS, upsSandbox } from '../../src/ups/sandbox.js';

const options = {
  config: { accountNumber: 'A1B2C3' },
  credentials: UPS_SANDBOX_CREDENTIALS,
  sandbox: upsSandbox,
  transport: { retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false } },
};

const cologne = { countryCode: 'DE', city: 'Köln', postalCode: '50667' };
const dhaka = { countryCode: 'BD', city: 'Dhaka' };
const shipper = {
  name: 'Anna Schmidt',
  company: 'Rheinland Textil GmbH',
  phone: '+49 221 1234567',
  address: { lines: ['Domkloster 4'], city: 'Köln', postalCode: '50667', countryCode: 'DE' },
};
const recipient = {
  name: 'Rahim Uddin',
  phone: '+880 2 9876543',
  address: { lines: ['House 12, Road 5'], city: 'Dhaka', postalCode: '1212', countryCode: 'BD' },
};

describe('UPS quote', () => {
  it('shops every service with time in transit, at the negotiated rate, in one token', async () => {
    const { client, sandbox } = connectSandbox(ups, options);
    const quote = await client.operations.quote({
      origin: cologne,
      destination: dhaka,
      shipDate: '2025-03-10',
    });
    expect(quote).toMatchObject({
      carrier: 'ups',
      serviceCode: '65',
      service: 'UPS Worldwide Saver',
      serviceType: 'express',
      transitDays: 4,
      estimatedDelivery: '2025-03-14T23:30:00',
    });
    expect(quote.total.currency).toBe('EUR');
    expect(quote.alternatives.map((alternative) => alternative.serviceCode)).toEqual([
      '08',
      '07',
      '54',
    ]);
    const economy = await client.operations.quote({
      origin: cologne,
      destination: dhaka,
      serviceType: 'economy',
    });
    expect(economy.serviceCode).toBe('08');
    const tokenCalls = sandbox.requests.filter((request) =>
      request.url.endsWith('/security/v1/oauth/token'),
    );
    expect(tokenCalls).toHaveLength(1);
    expect(sandbox.requests[1]?.url).toContain('/api/rating/v2409/Shoptimeintransit');
  });

  it('needs a postal code and a state for the United States before sending anything', async () => {
    const { client, sandbox } = connectSandbox(ups, options);
    const error = await client.operations
      .quote({ origin: cologne, destination: { countryCode: 'US', postalCode: '10001' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.path.join('.'))).toEqual([
      'destination.stateCode',
    ]);
    expect(sandbox.requests).toHaveLength(0);
  });

  it("surfaces UPS's refusal of a service it does not run on the lane", async () => {
    const { client } = connectSandbox(ups, options);
    const error = await client.operations
      .createShipment({
        shipper,
        recipient,
        packages: [{ weightKg: '3' }],
        description: 'Fabric',
        serviceCode: '96',
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).details).toMatchObject({ carrier_error_code: '121210' });
  });

  it('refuses wrong client credentials with an AuthError', async () => {
    const { client } = connectSandbox(ups, {
      ...options,
      credentials: {
        clientId: UPS_SANDBOX_CREDENTIALS.clientId,
        clientSecret: 'another-secret-4567',
      },
    });
    const error = await client.operations
      .quote({ origin: cologne, destination: dhaka })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(JSON.stringify((error as AuthError).toJSON())).not.toContain('another-secret-4567');
  });
});

describe('UPS shipments, tracking and pick-ups', () => {
  it('books a one-package shipment (UPS answers a lone result as an object)', async () => {
    const { client } = connectSandbox(ups, options);
    const shipment = await client.operations.createShipment({
      shipper,
      recipient,
      packages: [{ weightKg: '0.4' }],
      description: 'Original bill of lading',
      reference: 'LC-0042-25',
    });
    expect(shipment.trackingNumber).toMatch(/^1ZA1B2C365\d{8}$/);
    expect(shipment.packageTrackingNumbers).toEqual([shipment.trackingNumber]);
    expect(shipment.labels).toEqual([{ format: 'GIF', content: expect.any(String) }]);
    expect(shipment.total?.currency).toBe('EUR');

    const tracked = await client.operations.track({ trackingNumber: shipment.trackingNumber });
    expect(tracked.status).toBe('pre_transit');
    expect(tracked.events[0]?.code).toBe('MP');
  });

  it('books several packages of goods with their invoice value', async () => {
    const { client } = connectSandbox(ups, options);
    const shipment = await client.operations.createShipment({
      shipper,
      recipient,
      serviceType: 'economy',
      packages: [{ weightKg: '3' }, { weightKg: '4.5', lengthCm: 40, widthCm: 30, heightCm: 30 }],
      description: 'Cotton fabric samples',
      declaredValue: { amount: '60000', currency: 'EUR' },
    });
    expect(shipment.packageTrackingNumbers).toHaveLength(2);
    expect(shipment.trackingNumber).toMatch(/^1ZA1B2C308/);
  });

  it('tracks activities oldest first, telling out-for-delivery and customs holds apart', async () => {
    const { client } = connectSandbox(ups, options);
    const delivered = await client.operations.track({ trackingNumber: '1Z999AA10123456784' });
    expect(delivered.status).toBe('delivered');
    expect(delivered.events[0]?.status).toBe('pre_transit');
    expect(delivered.events.at(-1)).toMatchObject({ code: 'FS', status: 'delivered' });
    expect(delivered.events[1]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

    const outForDelivery = await client.operations.track({ trackingNumber: '1Z999AA10123456785' });
    expect(outForDelivery.status).toBe('out_for_delivery');
    const held = await client.operations.track({ trackingNumber: '1Z999AA10123456788' });
    expect(held.status).toBe('customs');
  });

  it('answers an unknown number with a ShipmentNotFoundError', async () => {
    const { client } = connectSandbox(ups, options);
    const error = await client.operations
      .track({ trackingNumber: '000ZZZ0000000000' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShipmentNotFoundError);
  });

  it('books an on-call pick-up and returns its PRN', async () => {
    const { client, sandbox } = connectSandbox(ups, options);
    const pickup = await client.operations.schedulePickup({
      readyAt: '2025-03-10T09:30:00+01:00',
      closeTime: '17:00',
      location: shipper,
      packageCount: 2,
      totalWeightKg: '7.5',
    });
    expect(pickup).toMatchObject({
      carrier: 'ups',
      pickupDate: '2025-03-10',
      readyByTime: '09:30',
    });
    expect(pickup.confirmationNumber).toMatch(/^29\d{7}E9CP$/);
    expect(sandbox.requests.at(-1)?.url).toContain('/api/shipments/v2409/pickup/oncall');
  });

  it('refuses a pick-up whose close time is before its ready time', async () => {
    const { client } = connectSandbox(ups, options);
    await expect(
      client.operations.schedulePickup({
        readyAt: '2025-03-10T18:30:00+01:00',
        closeTime: '17:00',
        location: shipper,
        packageCount: 1,
        totalWeightKg: '1',
      }),
    ).rejects.toMatchObject({ code: 'upstream_error', details: { carrier_error_code: '9510131' } });
  });
});
