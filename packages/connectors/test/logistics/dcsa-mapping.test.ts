import { describe, expect, it } from 'vitest';
import {
  dcsaEventsResponse,
  dcsaReferenceParameter,
  trackResultFromDcsaEvents,
} from '../../src/logistics/index.js';

const call = (UNLocationCode: string, locationName: string) => ({
  UNLocationCode,
  facilityTypeCode: 'POTE',
  modeOfTransport: 'VESSEL',
  exportVoyageNumber: '501W',
  location: { locationName, UNLocationCode },
  vessel: { vesselIMONumber: '9456771', vesselName: 'MAERSK ESSEN' },
});

const events = [
  {
    eventType: 'TRANSPORT',
    eventClassifierCode: 'PLN',
    eventCreatedDateTime: '2025-03-01T00:00:00Z',
    eventDateTime: '2025-04-10T06:00:00+01:00',
    transportEventTypeCode: 'ARRI',
    transportCall: call('DEHAM', 'Hamburg'),
  },
  {
    eventType: 'EQUIPMENT',
    eventClassifierCode: 'ACT',
    eventCreatedDateTime: '2025-03-05T10:00:00Z',
    eventDateTime: '2025-03-05T17:00:00+08:00',
    equipmentEventTypeCode: 'LOAD',
    equipmentReference: 'MSKU1234565',
    emptyIndicatorCode: 'LADEN',
    transportCall: call('CNSHA', 'Shanghai'),
  },
  {
    eventType: 'TRANSPORT',
    eventClassifierCode: 'ACT',
    eventCreatedDateTime: '2025-03-06T10:00:00Z',
    eventDateTime: '2025-03-06T02:00:00+08:00',
    transportEventTypeCode: 'DEPA',
    transportCall: call('CNSHA', 'Shanghai'),
  },
  {
    eventType: 'TRANSPORT',
    eventClassifierCode: 'EST',
    eventCreatedDateTime: '2025-03-20T00:00:00Z',
    eventDateTime: '2025-04-11T08:00:00+01:00',
    transportEventTypeCode: 'ARRI',
    transportCall: call('DEHAM', 'Hamburg'),
  },
];

describe('DCSA Track & Trace events as the contract tracking shape', () => {
  it('keeps actual events as history and the latest estimate at the final port as the ETA', () => {
    const parsed = dcsaEventsResponse.parse(events);
    const result = trackResultFromDcsaEvents('maersk', 'MSKU1234565', parsed);
    expect(result.status).toBe('in_transit');
    expect(result.events.map((event) => event.code)).toEqual(['LOAD', 'DEPA']);
    expect(result.events[0]).toMatchObject({
      location: 'Shanghai (CNSHA)',
      description:
        'Container MSKU1234565 (laden) loaded on MAERSK ESSEN (voyage 501W) at Shanghai (CNSHA)',
    });
    expect(result.events[1]?.description).toBe(
      'MAERSK ESSEN (voyage 501W) departed at Shanghai (CNSHA)',
    );
    expect(result.estimatedDelivery).toBe('2025-04-11T08:00:00+01:00');
  });

  it("accepts Maersk's { events } envelope as well as DCSA's bare array", () => {
    expect(dcsaEventsResponse.parse({ events })).toHaveLength(4);
    expect(dcsaEventsResponse.safeParse({ results: events }).success).toBe(false);
    expect(dcsaEventsResponse.safeParse([{ eventType: 'OTHER' }]).success).toBe(false);
  });

  it('chooses the query parameter from the reference', () => {
    expect(dcsaReferenceParameter('MSKU1234565')).toBe('equipmentReference');
    expect(dcsaReferenceParameter('MAEU241234560')).toBe('transportDocumentReference');
    expect(dcsaReferenceParameter('241234560', 'booking')).toBe('carrierBookingReference');
  });
});
