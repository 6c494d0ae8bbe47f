import { AuthError, UpstreamError, ValidationError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { fedex } from '../../src/fedex/index.js';
import { FEDEX_SANDBOX_CREDENTIALS, fedexSandbox } from '../../src/fedex/sandbox.js';
import { ShipmentNotFoundError } from '../../src/logistics/index.js';

const options = {
  config: { accountNumber: '740561073' },
  credentials: FEDEX_SANDBOX_CREDENTIALS,
  sandbox: fedexSandbox,
  transport: { retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false } },
};

const memphis = { countryCode: 'US', city: 'Memphis', postalCode: '38118', stateCode: 'TN' };
const dhaka = { countryCode: 'BD', city: 'Dhaka' };

const shipper = {
  name: 'John Carter',
  company: 'Carter Imports LLC',
  phone: '+1 901 555 0100',
  address: {
    lines: ['3875 Airways Blvd'],
    city: 'Memphis',
    stateCode: 'TN',
    postalCode: '38116',
    countryCode: 'US',
  },
};
const recipient = {
  name: 'Rahim Uddin',
  company: 'Dhaka Garments Ltd',
  phone: '+880 2 9876543',
  address: { lines: ['House 12, Road 5'], city: 'Dhaka', postalCode: '1212', countryCode: 'BD' },
};

describe('FedEx quote', () => {
  it('rates every service with one OAuth2 token for several calls', async () => {
    const { client, sandbox } = connectSandbox(fedex, options);
    const express = await client.operations.quote({
      origin: memphis,
      destination: dhaka,
      shipDate: '2025-03-10',
    });
    const economy = await client.operations.quote({
      origin: memphis,
      destination: dhaka,
      serviceType: 'economy',
      shipDate: '2025-03-10',
    });
    expect(express).toMatchObject({
      carrier: 'fedex',
      serviceCode: 'FEDEX_INTERNATIONAL_PRIORITY',
      service: 'FedEx International Priority®',
      serviceType: 'express',
      transitDays: 4,
      estimatedDelivery: '2025-03-14T10:30:00',
    });
    expect(express.total).toMatchObject({ amount: 7113n, currency: 'USD' });
    expect(economy.serviceCode).toBe('FEDEX_INTERNATIONAL_CONNECT_PLUS');
    expect(economy.total.amount < express.total.amount).toBe(true);
    expect(sandbox.requests.filter((request) => request.url.endsWith('/oauth/token'))).toHaveLength(
      1,
    );
  });

  it("asks for the preferred currency in FedEx's own code and reads it back as ISO 4217", async () => {
    const { client } = connectSandbox(fedex, {
      ...options,
      config: { accountNumber: '740561073', preferredCurrency: 'GBP' },
    });
    const quote = await client.operations.quote({
      origin: memphis,
      destination: { countryCode: 'GB', city: 'London', postalCode: 'EC2V 7HH' },
    });
    expect(quote.total.currency).toBe('GBP');
  });

  it('needs a postal code where FedEx rates by postal code, and says so before sending anything', async () => {
    const { client, sandbox } = connectSandbox(fedex, options);
    const error = await client.operations
      .quote({ origin: { countryCode: 'US', city: 'Memphis' }, destination: dhaka })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(['origin', 'postalCode']);
    await expect(
      client.operations.quote({ origin: memphis, destination: dhaka, packages: [] } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('turns refused client credentials into an AuthError without the secret', async () => {
    const { client } = connectSandbox(fedex, {
      ...options,
      credentials: {
        clientId: FEDEX_SANDBOX_CREDENTIALS.clientId,
        clientSecret: 'stolen-or-stale-0123',
      },
    });
    const error = await client.operations
      .quote({ origin: memphis, destination: dhaka })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain('401');
    expect(JSON.stringify((error as AuthError).toJSON())).not.toContain('stolen-or-stale-0123');
  });
});

describe('FedEx shipments, tracking and pick-ups', () => {
  it('books a shipment with customs details and returns the tracking number and PDF label', async () => {
    const { client } = connectSandbox(fedex, options);
    const shipment = await client.operations.createShipment({
      shipDate: '2025-03-10',
      shipper,
      recipient,
      packages: [{ weightKg: '2.5', lengthCm: 30, widthCm: 20, heightCm: 10 }, { weightKg: '1' }],
      description: 'Cotton fabric samples',
      declaredValue: { amount: '32000', currency: 'USD' },
      reference: 'PO-4711',
    });
    expect(shipment.trackingNumber).toMatch(/^7\d{11}$/);
    expect(shipment.packageTrackingNumbers).toHaveLength(2);
    expect(shipment.packageTrackingNumbers[0]).toBe(shipment.trackingNumber);
    expect(shipment.labels).toHaveLength(2);
    expect(shipment.labels[0]?.format).toBe('PDF');
    expect(shipment.total?.currency).toBe('USD');
    expect(shipment.estimatedDelivery).toBe('2025-03-14T10:30:00');

    const tracked = await client.operations.track({ trackingNumber: shipment.trackingNumber });
    expect(tracked.status).toBe('pre_transit');
    expect(tracked.events).toHaveLength(1);
    expect(tracked.events[0]?.code).toBe('OC');
  });

  it("surfaces FedEx's refusal of an international shipment without commodities", async () => {
    const { client } = connectSandbox(fedex, options);
    const error = await client.operations
      .createShipment({
        shipper,
        recipient,
        packages: [{ weightKg: '1' }],
        description: 'Cotton fabric samples',
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).details).toMatchObject({
      carrier_error_code: 'CUSTOMSCLEARANCEDETAIL.COMMODITIES.REQUIRED',
    });
  });

  it('tracks scans oldest first with the status FedEx derives', async () => {
    const { client } = connectSandbox(fedex, options);
    const delivered = await client.operations.track({ trackingNumber: '794843185271' });
    expect(delivered.status).toBe('delivered');
    expect(delivered.events.map((event) => event.code).slice(0, 2)).toEqual(['OC', 'PU']);
    expect(delivered.events.at(-1)?.code).toBe('DL');
    expect(delivered.estimatedDelivery).not.toBeNull();

    const exception = await client.operations.track({ trackingNumber: '794843185279' });
    expect(exception.status).toBe('exception');
    expect(exception.events.at(-1)?.description).toContain('Customer not available');

    const outForDelivery = await client.operations.track({ trackingNumber: '794843185275' });
    expect(outForDelivery.status).toBe('out_for_delivery');
  });

  it('reads "tracking number not found" from inside a 200 answer as a ShipmentNotFoundError', async () => {
    const { client } = connectSandbox(fedex, options);
    const error = await client.operations
      .track({ trackingNumber: '000123456789' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShipmentNotFoundError);
    expect((error as ShipmentNotFoundError).details).toMatchObject({
      carrier_error_code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
    });
  });

  it('books a pick-up and keeps the location with the confirmation code', async () => {
    const { client } = connectSandbox(fedex, options);
    const pickup = await client.operations.schedulePickup({
      readyAt: '2025-03-10T09:00:00-06:00',
      closeTime: '17:30',
      location: shipper,
      packageCount: 2,
      totalWeightKg: '3.5',
    });
    expect(pickup).toMatchObject({
      carrier: 'fedex',
      pickupDate: '2025-03-10',
      readyByTime: '09:00',
    });
    expect(pickup.confirmationNumber).toMatch(/^MEMA-\d+$/);
  });

  it('declares its billable operations', () => {
    expect(fedex.billableOperations).toEqual({
      quote: 'logistics.quote',
      createShipment: 'logistics.shipment',
      schedulePickup: 'logistics.pickup',
    });
  });
});
