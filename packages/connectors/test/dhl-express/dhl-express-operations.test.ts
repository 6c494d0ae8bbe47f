import { AuthError, money, UpstreamError, ValidationError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { dhlExpress } from '../../src/dhl-express/index.js';
import {
  DHL_EXPRESS_SANDBOX_CREDENTIALS,
  dhlExpressSandbox,
} from '../../src/dhl-express/sandbox.js';
import { ShipmentNotFoundError } from '../../src/logistics/index.js';

const options = {
  config: { accountNumber: '123456789' },
  credentials: DHL_EXPRESS_SANDBOX_CREDENTIALS,
  sandbox: dhlExpressSandbox,
  transport: { retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false } },
};

const bonn = { countryCode: 'DE', city: 'Bonn', postalCode: '53113' };
const dhaka = { countryCode: 'BD', city: 'Dhaka', postalCode: '1212' };

const shipper = {
  name: 'Anna Schmidt',
  company: 'Rheinland Textil GmbH',
  phone: '+49 228 1234567',
  address: { lines: ['Kaiserstraße 1'], city: 'Bonn', postalCode: '53113', countryCode: 'DE' },
};
const recipient = {
  name: 'Rahim Uddin',
  company: 'Dhaka Garments Ltd',
  phone: '+880 2 9876543',
  address: {
    lines: ['House 12, Road 5', 'Gulshan 1'],
    city: 'Dhaka',
    postalCode: '1212',
    countryCode: 'BD',
  },
};

describe('DHL Express quote', () => {
  it('prices a document envelope with GET /rates, Basic auth and the version headers', async () => {
    const { client, sandbox } = connectSandbox(dhlExpress, options);
    const quote = await client.operations.quote({
      origin: bonn,
      destination: dhaka,
      shipDate: '2025-03-10',
    });
    expect(quote).toMatchObject({
      carrier: 'dhl-express',
      service: 'EXPRESS WORLDWIDE',
      serviceCode: 'D',
      serviceType: 'express',
      transitDays: 4,
      estimatedDelivery: '2025-03-14T23:59:00',
    });
    expect(quote.total).toEqual(money(5789n, 'EUR'));
    expect(quote.quoteId).toMatch(/^dhl-express:D:[0-9a-f]{16}$/);
    expect(quote.alternatives.map((alternative) => alternative.serviceCode)).toEqual(['T', 'K']);
    const [request] = sandbox.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toContain('/mydhlapi/test/rates?accountNumber=123456789');
    expect(request?.url).toContain('isCustomsDeclarable=false');
  });

  it('quotes goods with a declared value as customs-declarable, cheapest economy when asked', async () => {
    const { client } = connectSandbox(dhlExpress, options);
    const economy = await client.operations.quote({
      origin: bonn,
      destination: dhaka,
      serviceType: 'economy',
      packages: [{ weightKg: '12.5', lengthCm: 40, widthCm: 30, heightCm: 30 }],
      declaredValue: { amount: '250000', currency: 'USD' },
      shipDate: '2025-03-10',
    });
    expect(economy.serviceCode).toBe('H');
    expect(economy.serviceType).toBe('economy');
    expect(economy.total.currency).toBe('EUR');
    expect(typeof economy.total.amount).toBe('bigint');
    expect(economy.alternatives.map((alternative) => alternative.serviceCode)).toEqual([
      'P',
      'T',
      'K',
    ]);
  });

  it('uses POST /rates for several pieces, and the same request gets the same quote id', async () => {
    const { client, sandbox } = connectSandbox(dhlExpress, options);
    const input = {
      origin: bonn,
      destination: { countryCode: 'FR', city: 'Paris' },
      packages: [{ weightKg: '2' }, { weightKg: '3.25' }],
      shipDate: '2025-03-10',
    };
    const first = await client.operations.quote(input);
    const second = await client.operations.quote(input);
    expect(sandbox.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(first.quoteId).toBe(second.quoteId);
    expect(first.transitDays).toBe(2);
  });

  it('fills a missing city from placeDefaults, and refuses a quote without one before sending anything', async () => {
    const withDefaults = connectSandbox(dhlExpress, {
      ...options,
      config: { accountNumber: '123456789', placeDefaults: { BD: { city: 'Dhaka' } } },
    });
    const quote = await withDefaults.client.operations.quote({
      origin: bonn,
      destination: { countryCode: 'BD' },
    });
    expect(quote.carrier).toBe('dhl-express');

    const { client, sandbox } = connectSandbox(dhlExpress, options);
    const error = await client.operations
      .quote({ origin: bonn, destination: { countryCode: 'BD' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(['destination', 'city']);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('refuses bad input with a ValidationError and sends nothing', async () => {
    const { client, sandbox } = connectSandbox(dhlExpress, options);
    await expect(
      client.operations.quote({
        origin: { countryCode: 'germany' },
        destination: dhaka,
        packages: [{ weightKg: '2.5kg' }],
      } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      client.operations.quote({
        origin: bonn,
        destination: dhaka,
        declaredValue: { amount: 150.5, currency: 'USD' },
      } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(sandbox.requests).toHaveLength(0);
    expect(() =>
      connectSandbox(dhlExpress, { ...options, config: { accountNumber: '12345' } }),
    ).toThrow(ValidationError);
  });

  it('turns wrong credentials into an AuthError with no secret in it', async () => {
    const { client } = connectSandbox(dhlExpress, {
      ...options,
      credentials: { apiKey: 'tollgate-dhl-demo', apiSecret: 'not-the-secret-0123' },
    });
    const error = await client.operations
      .quote({ origin: bonn, destination: dhaka })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect(JSON.stringify((error as AuthError).toJSON())).not.toContain('not-the-secret-0123');
  });
});

describe('DHL Express shipments, tracking and pick-ups', () => {
  it('books a shipment: waybill, piece numbers, a PDF label and the billed charge', async () => {
    const { client, sandbox } = connectSandbox(dhlExpress, options);
    const shipment = await client.operations.createShipment({
      shipDate: '2025-03-10',
      shipper,
      recipient,
      packages: [{ weightKg: '1.2', lengthCm: 30, widthCm: 25, heightCm: 5 }],
      description: 'Original documents under LC 0042/25',
      reference: 'LC-0042-25',
    });
    expect(shipment.carrier).toBe('dhl-express');
    expect(shipment.trackingNumber).toMatch(/^4\d{9}$/);
    expect(shipment.packageTrackingNumbers).toHaveLength(1);
    expect(shipment.labels[0]?.format).toBe('PDF');
    expect(Buffer.from(shipment.labels[0]?.content ?? '', 'base64').toString('latin1')).toMatch(
      /^%PDF-1\.4/,
    );
    expect(shipment.total?.currency).toBe('EUR');
    expect(shipment.estimatedDelivery).toBe('2025-03-14');

    const tracked = await client.operations.track({ trackingNumber: shipment.trackingNumber });
    expect(tracked).toMatchObject({
      status: 'pre_transit',
      events: [],
      estimatedDelivery: '2025-03-14',
    });
    expect(sandbox.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('sends DHL the customs value, and surfaces DHL validation problems as an UpstreamError', async () => {
    const { client } = connectSandbox(dhlExpress, options);
    const goods = await client.operations.createShipment({
      shipDate: '2025-03-10',
      shipper,
      recipient,
      packages: [{ weightKg: '4' }],
      description: 'Cotton fabric samples',
      declaredValue: { amount: '45000', currency: 'EUR' },
    });
    expect(goods.trackingNumber).toMatch(/^4\d{9}$/);

    const error = await client.operations
      .createShipment({
        shipDate: '2025-03-10',
        shipper,
        recipient,
        serviceCode: 'Q',
        packages: [{ weightKg: '4' }],
        description: 'Cotton fabric samples',
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).upstreamStatus).toBe(400);
    expect((error as UpstreamError).retryable).toBe(false);
    expect((error as UpstreamError).details).toMatchObject({
      carrier_error_code: 'Product not available',
      carrier_message: expect.stringContaining('Requested product Q is not available'),
    });
  });

  it('tracks a waybill through its checkpoints, oldest first, with a normalized status', async () => {
    const { client } = connectSandbox(dhlExpress, options);
    const delivered = await client.operations.track({ trackingNumber: '1234567890' });
    expect(delivered.status).toBe('delivered');
    expect(delivered.events[0]?.code).toBe('PU');
    expect(delivered.events.at(-1)).toMatchObject({ code: 'OK', status: 'delivered' });
    const times = delivered.events.map((event) => Date.parse(event.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(delivered.events[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(delivered.events[0]?.location).toMatch(/-[A-Z]{2}$/);

    const held = await client.operations.track({ trackingNumber: '1234567898' });
    expect(held.status).toBe('customs');
    const attempted = await client.operations.track({ trackingNumber: '1234567899' });
    expect(attempted.status).toBe('exception');
    const moving = await client.operations.track({ trackingNumber: '1234567896' });
    expect(moving.status).toBe('in_transit');
  });

  it('answers an unknown waybill with a ShipmentNotFoundError', async () => {
    const { client } = connectSandbox(dhlExpress, options);
    const error = await client.operations
      .track({ trackingNumber: '0001112223' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShipmentNotFoundError);
    expect((error as ShipmentNotFoundError).toProblem().status).toBe(404);
  });

  it('books a courier pick-up and returns the dispatch confirmation number', async () => {
    const { client } = connectSandbox(dhlExpress, options);
    const pickup = await client.operations.schedulePickup({
      readyAt: '2025-03-10T09:00:00+01:00',
      closeTime: '18:00',
      location: shipper,
      packageCount: 3,
      totalWeightKg: '7.5',
      instructions: 'reception, ground floor',
    });
    expect(pickup).toMatchObject({
      carrier: 'dhl-express',
      pickupDate: '2025-03-10',
      readyByTime: '09:00',
    });
    expect(pickup.confirmationNumber).toMatch(/^CGN250310\d{6}$/);
  });

  it('declares which operations are billable, and as what', () => {
    expect(dhlExpress.billableOperations).toEqual({
      quote: 'logistics.quote',
      createShipment: 'logistics.shipment',
      schedulePickup: 'logistics.pickup',
    });
  });
});
