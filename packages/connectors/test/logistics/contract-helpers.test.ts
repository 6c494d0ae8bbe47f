import { money, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  buildTrackResult,
  completePlaces,
  derivedQuoteId,
  type NormalizedQuote,
  NoServiceAvailableError,
  quoteInput,
  quoteInputFromRequestBody,
  quoteRequestBody,
  selectQuote,
  TRACKING_STATUSES,
} from '../../src/logistics/index.js';

const quote = (
  serviceCode: string,
  amount: bigint,
  transitDays: number | null,
  serviceType: 'express' | 'economy' = 'express',
): NormalizedQuote => ({
  carrier: 'c',
  service: serviceCode,
  serviceCode,
  serviceType,
  total: money(amount, 'EUR'),
  transitDays,
  estimatedDelivery: null,
  quoteId: `c:${serviceCode}`,
});

describe('the reference server quote body', () => {
  it('maps POST /integrations/logistics/{id}/quote onto the contract input', () => {
    const body = quoteRequestBody.parse({
      session_id: 'sess-1',
      service_type: 'express',
      origin_country: 'BD',
      destination_country: 'DE',
      shipment_value: { amount: '15000000', currency: 'BDT' },
      idempotency_key: 'quote-1',
    });
    const input = quoteInput.parse(quoteInputFromRequestBody(body));
    expect(input).toMatchObject({
      origin: { countryCode: 'BD' },
      destination: { countryCode: 'DE' },
      serviceType: 'express',
      packages: [{ weightKg: '0.5' }],
    });
    expect(input.declaredValue).toEqual(money(15_000_000n, 'BDT'));
    expect(input.shipDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a shipment value given as a float or in major units', () => {
    const base = {
      session_id: 's',
      service_type: 'express',
      origin_country: 'BD',
      destination_country: 'DE',
      idempotency_key: 'k',
    };
    expect(
      quoteRequestBody.safeParse({ ...base, shipment_value: { amount: 150.5, currency: 'USD' } })
        .success,
    ).toBe(false);
    expect(
      quoteRequestBody.safeParse({ ...base, shipment_value: { amount: '150.50', currency: 'USD' } })
        .success,
    ).toBe(false);
    expect(
      quoteRequestBody.safeParse({ ...base, shipment_value: { amount: '-1', currency: 'USD' } })
        .success,
    ).toBe(false);
    expect(
      quoteRequestBody.safeParse({ ...base, shipment_value: { amount: '100', currency: 'XXX1' } })
        .success,
    ).toBe(false);
  });
});

describe('normalizing quotes', () => {
  it('picks the cheapest service of the type asked for, then the fastest, and keeps the rest', () => {
    const result = selectQuote(
      'c',
      [
        quote('A', 900n, 3),
        quote('B', 700n, 5),
        quote('C', 700n, 2),
        quote('E', 400n, 8, 'economy'),
      ],
      'express',
    );
    expect(result.serviceCode).toBe('C');
    expect(result.alternatives.map((alternative) => alternative.serviceCode)).toEqual([
      'E',
      'B',
      'A',
    ]);
    expect(() => selectQuote('c', [quote('A', 1n, 1)], 'economy')).toThrow(NoServiceAvailableError);
  });

  it('derives the same quote id for the same request only', () => {
    const input = quoteInput.parse({
      origin: { countryCode: 'DE' },
      destination: { countryCode: 'BD' },
      shipDate: '2025-03-10',
    });
    expect(derivedQuoteId('c', 'P', input)).toBe(derivedQuoteId('c', 'P', { ...input }));
    expect(derivedQuoteId('c', 'P', input)).not.toBe(
      derivedQuoteId('c', 'P', { ...input, shipDate: '2025-03-11' }),
    );
  });

  it('fills places from defaults and lists every missing field at once', () => {
    const [filled] = completePlaces(
      'c',
      [{ path: 'origin', place: { countryCode: 'DE' }, required: ['city', 'postalCode'] }],
      { DE: { city: 'Bonn', postalCode: '53113' } },
    );
    expect(filled).toEqual({ countryCode: 'DE', city: 'Bonn', postalCode: '53113' });
    try {
      completePlaces(
        'c',
        [
          { path: 'origin', place: { countryCode: 'US' }, required: ['postalCode', 'stateCode'] },
          { path: 'destination', place: { countryCode: 'BD' }, required: ['city'] },
        ],
        undefined,
      );
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'origin.postalCode',
        'origin.stateCode',
        'destination.city',
      ]);
    }
  });
});

describe('normalizing tracking', () => {
  it('orders events by instant across offsets and takes the latest known status', () => {
    const result = buildTrackResult({
      carrier: 'c',
      trackingNumber: 'T1',
      events: [
        {
          at: '2025-01-07T09:00:00+06:00',
          location: null,
          code: 'B',
          description: 'b',
          status: 'in_transit',
        },
        {
          at: '2025-01-07T05:00:00+01:00',
          location: null,
          code: 'C',
          description: 'c',
          status: 'unknown',
        },
        {
          at: '2025-01-06T20:00:00-05:00',
          location: null,
          code: 'A',
          description: 'a',
          status: 'picked_up',
        },
      ],
    });
    expect(result.events.map((event) => event.code)).toEqual(['A', 'B', 'C']);
    expect(result.status).toBe('in_transit');
    expect(buildTrackResult({ carrier: 'c', trackingNumber: 'T2', events: [] }).status).toBe(
      'pre_transit',
    );
    expect(TRACKING_STATUSES).toContain('customs');
  });
});
