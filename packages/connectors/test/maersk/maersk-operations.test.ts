import { AuthError, ValidationError } from '@tollgate/core';
import { connectSandbox } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import {
  callLogisticsOperation,
  compareQuotes,
  NoServiceAvailableError,
  ShipmentNotFoundError,
  supportsOperation,
  UnsupportedOperationError,
} from '../../src/logistics/index.js';
import { maersk } from '../../src/maersk/index.js';
import { MAERSK_SANDBOX_CREDENTIALS, maerskSandbox } from '../../src/maersk/sandbox.js';

const options = {
  config: {},
  credentials: MAERSK_SANDBOX_CREDENTIALS,
  sandbox: maerskSandbox,
  transport: { retry: { baseDelayMs: 1, maxDelayMs: 5, jitter: false } },
};

const chattogramToRotterdam = {
  origin: { countryCode: 'BD' },
  destination: { countryCode: 'NL' },
  shipDate: '2025-03-10',
};

describe('Maersk quote (Maersk Spot offers)', () => {
  it('prices each sailing and returns the cheapest, with the priceId as the quote id', async () => {
    // Offers need only the Consumer-Key: a connection without the client secret fetches no token.
    const { client, sandbox } = connectSandbox(maersk, {
      ...options,
      credentials: { consumerKey: MAERSK_SANDBOX_CREDENTIALS.consumerKey },
    });
    const quote = await client.operations.quote(chattogramToRotterdam);
    expect(quote).toMatchObject({
      carrier: 'maersk',
      serviceCode: 'MaerskSpot',
      serviceType: 'ocean',
      quoteId: 'MAEU-BDCGPNLRTM-20250326-45G1-1',
    });
    expect(quote.total).toMatchObject({ amount: 256000n, currency: 'USD' });
    expect(quote.service).toMatch(/^Maersk Spot \(2025-03-26 MAERSK /);
    expect(quote.transitDays).toBeGreaterThanOrEqual(27);
    expect(quote.alternatives).toHaveLength(2);
    expect(sandbox.requests[0]?.url).toContain(
      '/offers/v2/offers/brand/maeu/departuredate/2025-03-10?originUnLocCode=BDCGP&destinationUnLocCode=NLRTM&containerIsoCode=45G1',
    );
    expect(sandbox.requests.some((request) => request.url.includes('access_token'))).toBe(false);
  });

  it('prices several containers of another size-type from given ports', async () => {
    const { client } = connectSandbox(maersk, options);
    const quote = await client.operations.quote({
      ...chattogramToRotterdam,
      origin: { countryCode: 'CN' },
      originPort: 'CNSHA',
      destinationPort: 'NLRTM',
      containerType: '20DRY',
      containerCount: 3,
    });
    expect(quote.total.currency).toBe('USD');
    expect(quote.quoteId).toMatch(/-22G1-3$/);
  });

  it('refuses parcel service types and unknown ports before sending anything', async () => {
    const { client, sandbox } = connectSandbox(maersk, options);
    await expect(
      client.operations.quote({ ...chattogramToRotterdam, serviceType: 'express' } as never),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      client.operations.quote({ ...chattogramToRotterdam, origin: { countryCode: 'ZW' } }),
    ).rejects.toMatchObject({ code: 'validation_failed', issues: [{ path: ['originPort'] }] });
    await expect(
      client.operations.quote({ ...chattogramToRotterdam, originPort: 'CNSHA' }),
    ).rejects.toMatchObject({ issues: [{ code: 'port_not_in_country' }] });
    expect(sandbox.requests).toHaveLength(0);
  });

  it('says when Maersk offers no sailing on a lane', async () => {
    const { client } = connectSandbox(maersk, options);
    await expect(
      client.operations.quote({
        ...chattogramToRotterdam,
        origin: { countryCode: 'NL' },
        originPort: 'NLRTM',
        destinationPort: 'NLAMS',
      }),
    ).rejects.toBeInstanceOf(NoServiceAvailableError);
  });

  it('refuses a wrong Consumer-Key with an AuthError', async () => {
    const { client } = connectSandbox(maersk, {
      ...options,
      credentials: { consumerKey: 'SomeoneElsesConsumerKey0001' },
    });
    await expect(client.operations.quote(chattogramToRotterdam)).rejects.toBeInstanceOf(AuthError);
  });
});

describe('Maersk tracking (DCSA Track & Trace)', () => {
  it('maps a delivered B/L from its DCSA events, with a token fetched with the Consumer-Key', async () => {
    const { client, sandbox } = connectSandbox(maersk, options);
    const tracked = await client.operations.track({ trackingNumber: 'MAEU241234560' });
    expect(tracked.carrier).toBe('maersk');
    expect(tracked.status).toBe('delivered');
    expect(tracked.events.map((event) => event.code)).toEqual(
      expect.arrayContaining(['CONF', 'GTIN', 'LOAD', 'DEPA', 'ARRI', 'DISC', 'GTOT']),
    );
    expect(tracked.events[0]?.code).toBe('CONF');
    expect(tracked.events.at(-1)).toMatchObject({ code: 'GTIN', status: 'delivered' });
    const load = tracked.events.find((event) => event.code === 'LOAD');
    expect(load?.description).toMatch(
      /^Container MSKU\d{7} \(laden\) loaded on MAERSK [A-Z ]+ \(voyage \w+\) at \w+/,
    );
    expect(load?.location).toMatch(/\([A-Z]{5}\)$/);
    expect(tracked.estimatedDelivery).not.toBeNull();
    expect(sandbox.requests.filter((request) => request.url.includes('access_token'))).toHaveLength(
      1,
    );
    expect(sandbox.requests.at(-1)?.url).toContain('transportDocumentReference=MAEU241234560');
  });

  it('looks a container number up by equipmentReference and reports each stage', async () => {
    const { client, sandbox } = connectSandbox(maersk, options);
    const discharged = await client.operations.track({ trackingNumber: 'MSKU1234565' });
    expect(discharged.status).toBe('arrived');
    expect(sandbox.requests.at(-1)?.url).toContain('equipmentReference=MSKU1234565');
    expect((await client.operations.track({ trackingNumber: 'MAEU241234566' })).status).toBe(
      'in_transit',
    );
    expect((await client.operations.track({ trackingNumber: 'MAEU241234568' })).status).toBe(
      'customs',
    );
    expect((await client.operations.track({ trackingNumber: 'MAEU241234569' })).status).toBe(
      'picked_up',
    );
    const booking = await client.operations.track({
      trackingNumber: '241234561',
      referenceType: 'booking',
    });
    expect(booking.status).toBe('delivered');
    expect(sandbox.requests.at(-1)?.url).toContain('carrierBookingReference=241234561');
  });

  it('answers a reference Maersk does not know with a ShipmentNotFoundError', async () => {
    const { client } = connectSandbox(maersk, options);
    await expect(client.operations.track({ trackingNumber: '000123456' })).rejects.toBeInstanceOf(
      ShipmentNotFoundError,
    );
  });

  it('needs the client secret for the token-protected events API', async () => {
    const { client } = connectSandbox(maersk, {
      ...options,
      credentials: { consumerKey: MAERSK_SANDBOX_CREDENTIALS.consumerKey },
    });
    await expect(
      client.operations.track({ trackingNumber: 'MAEU241234560' }),
    ).rejects.toBeInstanceOf(AuthError);
  });
});

describe('Maersk and the optional operations of the contract', () => {
  it('does not provide booking or pick-up, and says so with a typed error', async () => {
    const { client, sandbox } = connectSandbox(maersk, options);
    expect(Object.keys(maersk.operations).sort()).toEqual(['quote', 'track']);
    expect(supportsOperation(client, 'quote')).toBe(true);
    expect(supportsOperation(client, 'schedulePickup')).toBe(false);
    const error = await callLogisticsOperation(client, 'schedulePickup', {}).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as UnsupportedOperationError).toProblem()).toMatchObject({
      status: 501,
      code: 'unsupported_operation',
    });
    expect(sandbox.requests).toHaveLength(0);
  });

  it('takes part in compareQuotes for ocean, and is reported as failed for a parcel service', async () => {
    const { client } = connectSandbox(maersk, options);
    const ocean = await compareQuotes([client], { ...chattogramToRotterdam, serviceType: 'ocean' });
    expect(ocean.ranked.map((quote) => quote.carrier)).toEqual(['maersk']);
    const parcel = await compareQuotes([client], chattogramToRotterdam);
    expect(parcel.failures).toMatchObject([{ carrier: 'maersk', code: 'validation_failed' }]);
  });

  it('declares quote as billable', () => {
    expect(maersk.billableOperations).toEqual({ quote: 'logistics.quote' });
  });
});
