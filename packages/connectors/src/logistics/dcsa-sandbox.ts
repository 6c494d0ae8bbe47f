/**
 * DCSA Track & Trace 2.2 for the ocean carriers' sandboxes: deterministic
 * container journeys (booking, empty release, gate-in, loading, sailing,
 * transshipment, arrival, discharge, customs, gate-out, empty return) as
 * DCSA events, and the msw handler of `GET /events`. Needs `msw`; used by
 * the sandboxes only.
 */
import { createHash } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import type { DcsaEvent } from './dcsa.js';
import type { SandboxTokens } from './sandbox-auth.js';
import { sandboxDigits } from './sandbox-journeys.js';

/** A port with its container terminal. */
export interface SandboxPort {
  unLocode: string;
  name: string;
  /** SMDG terminal code. */
  terminal: string;
  utcOffset: string;
}

/** A vessel of the sandbox fleet. */
export interface SandboxVessel {
  name: string;
  imo: string;
  callSign: string;
  flag: string;
}

/** A sandbox trade lane: loading port, optional transshipment, discharge port, service and vessels. */
export interface SandboxOceanLane {
  service: string;
  pol: SandboxPort;
  transshipment?: SandboxPort;
  pod: SandboxPort;
  vessels: readonly [SandboxVessel, ...SandboxVessel[]];
  /** Days from departure to arrival at the discharge port. */
  sailingDays: number;
}

/** An ocean carrier as its sandbox plays it. */
export interface SandboxOceanCarrier {
  scac: string;
  /** Owner prefix of its container numbers (`MSKU`, `MSCU`). */
  containerPrefix: string;
  lanes: readonly [SandboxOceanLane, ...SandboxOceanLane[]];
}

/** The sandbox's well-known ports. */
export const SANDBOX_PORTS = {
  CNSHA: { unLocode: 'CNSHA', name: 'Shanghai', terminal: 'YSD', utcOffset: '+08:00' },
  SGSIN: { unLocode: 'SGSIN', name: 'Singapore', terminal: 'PPT', utcOffset: '+08:00' },
  LKCMB: { unLocode: 'LKCMB', name: 'Colombo', terminal: 'SAG', utcOffset: '+05:30' },
  BDCGP: { unLocode: 'BDCGP', name: 'Chattogram', terminal: 'CCT', utcOffset: '+06:00' },
  NLRTM: { unLocode: 'NLRTM', name: 'Rotterdam', terminal: 'APM', utcOffset: '+01:00' },
  DEHAM: { unLocode: 'DEHAM', name: 'Hamburg', terminal: 'CTA', utcOffset: '+01:00' },
  BEANR: { unLocode: 'BEANR', name: 'Antwerp', terminal: 'MPE', utcOffset: '+01:00' },
  USNYC: { unLocode: 'USNYC', name: 'New York', terminal: 'APM', utcOffset: '-05:00' },
  INNSA: { unLocode: 'INNSA', name: 'Nhava Sheva', terminal: 'GTI', utcOffset: '+05:30' },
  AEJEA: { unLocode: 'AEJEA', name: 'Jebel Ali', terminal: 'T2', utcOffset: '+04:00' },
} as const satisfies Record<string, SandboxPort>;

const DAY = 86_400_000;
const HOUR = 3_600_000;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function uuidOf(seed: string): string {
  const hex = digest(seed).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function localIso(at: number, utcOffset: string): string {
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  const [hours = '0', minutes = '0'] = utcOffset.slice(1).split(':');
  const shifted = new Date(at + sign * (Number(hours) * 60 + Number(minutes)) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${utcOffset}`;
}

/** The ISO 6346 check digit of a container number's first ten characters. */
function containerCheckDigit(owner: string, serial: string): number {
  const values = [...`${owner}${serial}`].map((char) => {
    if (/\d/.test(char)) return Number(char);
    const value = char.charCodeAt(0) - 55; // A = 10
    return value + Math.floor((value - 1) / 10); // skip multiples of 11
  });
  const sum = values.reduce((total, value, index) => total + value * 2 ** index, 0);
  return (sum % 11) % 10;
}

/** How far a sandbox container journey has got, from the reference's last character. */
export type OceanStage = 'gated_in' | 'sailing' | 'discharged' | 'customs_hold' | 'delivered';

function stageOf(reference: string): OceanStage {
  const last = reference.at(-1) ?? '0';
  const digit = /\d/.test(last) ? Number(last) : last.charCodeAt(0) % 10;
  if (digit <= 3) return 'delivered';
  if (digit <= 5) return 'discharged';
  if (digit <= 7) return 'sailing';
  if (digit === 8) return 'customs_hold';
  return 'gated_in';
}

/** The references of a sandbox ocean shipment. */
export interface OceanReferences {
  booking: string;
  transportDocument: string;
  container: string;
}

/** The booking, B/L and container numbers the sandbox ties to a reference. */
export function oceanReferences(reference: string, carrier: SandboxOceanCarrier): OceanReferences {
  const digits = sandboxDigits(`ocean-${reference}`, 9);
  const isContainer = /^[A-Z]{4}\d{7}$/.test(reference);
  const serial = sandboxDigits(`container-${reference}`, 6);
  const container = isContainer
    ? reference
    : `${carrier.containerPrefix}${serial}${containerCheckDigit(carrier.containerPrefix, serial)}`;
  return {
    booking: /^\d{9}$/.test(reference) ? reference : digits,
    transportDocument:
      isContainer || /^\d{9}$/.test(reference) ? `${carrier.scac}${digits}` : reference,
    container,
  };
}

/**
 * The DCSA events of the sandbox shipment a reference names (a B/L, a
 * container or a booking number): always the same lane, vessels and times
 * for the same reference; the last character decides how far it has got.
 * Estimated and planned arrivals at the discharge port are included.
 */
export function sandboxDcsaEvents(reference: string, carrier: SandboxOceanCarrier): DcsaEvent[] {
  const hash = digest(`${carrier.scac}-${reference}`);
  const lane = carrier.lanes[(hash[0] ?? 0) % carrier.lanes.length] ?? carrier.lanes[0];
  const refs = oceanReferences(reference, carrier);
  const start =
    Date.UTC(2025, 0, 6, 2) + ((hash.readUInt16BE(1) % 150) * 24 + ((hash[3] ?? 0) % 8)) * HOUR;
  const stage = stageOf(reference);
  const [mother, feeder] = lane.vessels;
  const second = feeder ?? mother;
  const voyage = `${(hash[4] ?? 0) % 9}${sandboxDigits(reference, 2)}W`;
  const documentReferences = [
    { documentReferenceType: 'BKG', documentReferenceValue: refs.booking },
    { documentReferenceType: 'TRD', documentReferenceValue: refs.transportDocument },
  ];
  let sequence = 0;
  const call = (port: SandboxPort, vessel: SandboxVessel | undefined, facilityTypeCode: string) => {
    sequence += 1;
    return {
      transportCallID: uuidOf(`${reference}-call-${port.unLocode}-${facilityTypeCode}`),
      carrierServiceCode: lane.service,
      exportVoyageNumber: voyage,
      importVoyageNumber: voyage,
      transportCallSequenceNumber: sequence,
      UNLocationCode: port.unLocode,
      facilityCode: facilityTypeCode === 'DEPO' ? `${port.terminal}D` : port.terminal,
      facilityCodeListProvider: 'SMDG',
      facilityTypeCode,
      modeOfTransport: vessel === undefined ? 'TRUCK' : 'VESSEL',
      location: { locationName: port.name, UNLocationCode: port.unLocode },
      ...(vessel === undefined
        ? {}
        : {
            vessel: {
              vesselIMONumber: vessel.imo,
              vesselName: vessel.name,
              vesselFlag: vessel.flag,
              vesselCallSignNumber: vessel.callSign,
              vesselOperatorCarrierCode: carrier.scac,
              vesselOperatorCarrierCodeListProvider: 'NMFTA',
            },
          }),
    };
  };
  const events: Array<DcsaEvent & { at: number }> = [];
  const push = (
    at: number,
    event: Record<string, unknown>,
    createdAt = at + 7 * 60_000,
    port?: SandboxPort,
  ) => {
    events.push({
      eventID: uuidOf(`${reference}-${events.length}`),
      eventCreatedDateTime: new Date(createdAt).toISOString(),
      eventDateTime: port === undefined ? new Date(at).toISOString() : localIso(at, port.utcOffset),
      documentReferences,
      at: createdAt,
      ...event,
    } as DcsaEvent & { at: number });
  };
  const equipment = (
    at: number,
    code: string,
    port: SandboxPort,
    empty: boolean,
    vessel?: SandboxVessel,
    facility = 'POTE',
  ) =>
    push(
      at,
      {
        eventType: 'EQUIPMENT',
        eventClassifierCode: 'ACT',
        equipmentEventTypeCode: code,
        equipmentReference: refs.container,
        ISOEquipmentCode: '45G1',
        emptyIndicatorCode: empty ? 'EMPTY' : 'LADEN',
        transportCall: call(port, vessel, facility),
      },
      at + 7 * 60_000,
      port,
    );
  const transport = (
    at: number,
    code: string,
    port: SandboxPort,
    vessel: SandboxVessel,
    classifier = 'ACT',
    createdAt = at + 20 * 60_000,
  ) =>
    push(
      at,
      {
        eventType: 'TRANSPORT',
        eventClassifierCode: classifier,
        transportEventTypeCode: code,
        transportCall: call(port, vessel, 'POTE'),
      },
      createdAt,
      port,
    );
  const shipment = (
    at: number,
    code: string,
    documentTypeCode: string,
    documentID: string,
    reason?: string,
  ) =>
    push(at, {
      eventType: 'SHIPMENT',
      eventClassifierCode: 'ACT',
      shipmentEventTypeCode: code,
      documentTypeCode,
      documentID,
      ...(reason === undefined ? {} : { reason }),
    });

  const sailing = lane.transshipment ? 7 * DAY : lane.sailingDays * DAY;
  const departure = start + 5 * DAY + 14 * HOUR;
  const arrival = start + 5 * DAY + lane.sailingDays * DAY + (lane.transshipment ? 3 * DAY : 0);
  const planned = arrival - 18 * HOUR;

  shipment(start, 'CONF', 'BKG', refs.booking);
  transport(planned, 'ARRI', lane.pod, second, 'PLN', start + HOUR);
  equipment(start + 1 * DAY, 'GTOT', lane.pol, true, undefined, 'DEPO');
  equipment(start + 3 * DAY + 5 * HOUR, 'GTIN', lane.pol, false);
  if (stage !== 'gated_in') {
    shipment(start + 4 * DAY, 'ISSU', 'TRD', refs.transportDocument);
    equipment(start + 5 * DAY + 3 * HOUR, 'LOAD', lane.pol, false, mother);
    transport(departure, 'DEPA', lane.pol, mother);
    transport(arrival + 2 * HOUR, 'ARRI', lane.pod, second, 'EST', departure + DAY);
    if (lane.transshipment) {
      const ts = lane.transshipment;
      transport(departure + sailing, 'ARRI', ts, mother);
      equipment(departure + sailing + 9 * HOUR, 'DISC', ts, false, mother);
      equipment(departure + sailing + 2 * DAY, 'LOAD', ts, false, second);
      transport(departure + sailing + 2 * DAY + 8 * HOUR, 'DEPA', ts, second);
    }
  }
  if (stage === 'discharged' || stage === 'customs_hold' || stage === 'delivered') {
    transport(arrival, 'ARRI', lane.pod, second);
    equipment(arrival + 11 * HOUR, 'DISC', lane.pod, false, second);
  }
  if (stage === 'customs_hold') {
    shipment(
      arrival + 2 * DAY,
      'HOLD',
      'CUS',
      refs.transportDocument,
      'Customs inspection requested',
    );
  }
  if (stage === 'delivered') {
    equipment(arrival + 3 * DAY, 'GTOT', lane.pod, false);
    equipment(arrival + 6 * DAY, 'GTIN', lane.pod, true, undefined, 'DEPO');
  }
  return events.sort((a, b) => a.at - b.at).map(({ at: _at, ...event }) => event as DcsaEvent);
}

/** A DCSA error document. */
export function dcsaError(
  status: number,
  request: Request,
  reason: string,
  message: string,
): Response {
  return HttpResponse.json(
    {
      httpMethod: request.method,
      requestUri: new URL(request.url).pathname,
      statusCode: status,
      statusCodeText: status === 400 ? 'Bad Request' : status === 401 ? 'Unauthorized' : 'Error',
      statusCodeMessage: message,
      providerCorrelationID: uuidOf(`${request.url}-${Date.now()}`),
      errorDateTime: new Date().toISOString(),
      errors: [{ reason, message }],
    },
    { status, headers: { 'API-Version': '2.2.0' } },
  );
}

const REFERENCE_PARAMETERS = [
  'transportDocumentReference',
  'equipmentReference',
  'carrierBookingReference',
];

/** Options of {@link dcsaEventsHandler}. */
export interface DcsaEventsHandlerOptions {
  /** The full URL of the events endpoint. */
  url: string;
  carrier: SandboxOceanCarrier;
  /** Refuse a request (auth); `undefined` lets it through. */
  refuse?: (request: Request) => Response | undefined;
  /** The bearer tokens the carrier's token endpoint issued: any other request gets DCSA's 401. */
  tokens?: SandboxTokens;
  /** `array`: DCSA's bare array (default); `object`: `{ events: [...] }`. */
  envelope?: 'array' | 'object';
}

/**
 * The msw handler of a DCSA `GET /events`: exactly one reference parameter,
 * an optional `eventType` filter (comma-separated), an empty list for a
 * reference starting with `000`.
 */
export function dcsaEventsHandler(options: DcsaEventsHandlerOptions) {
  return http.get(options.url, ({ request }) => {
    const refused = options.refuse?.(request);
    if (refused) return refused;
    if (options.tokens !== undefined && !options.tokens.accepts(request)) {
      return dcsaError(401, request, 'unauthorized', 'A valid access token is required');
    }
    const query = new URL(request.url).searchParams;
    const given = REFERENCE_PARAMETERS.filter((name) => query.get(name));
    if (given.length !== 1) {
      return dcsaError(
        400,
        request,
        'invalidQuery',
        `Exactly one of ${REFERENCE_PARAMETERS.join(', ')} is required`,
      );
    }
    const reference = query.get(given[0] ?? '') ?? '';
    const types = (query.get('eventType') ?? '').split(',').filter(Boolean);
    const unknownType = types.find(
      (type) => !['SHIPMENT', 'TRANSPORT', 'EQUIPMENT'].includes(type),
    );
    if (unknownType !== undefined) {
      return dcsaError(400, request, 'invalidParameter', `eventType ${unknownType} is not valid`);
    }
    const events = reference.startsWith('000')
      ? []
      : sandboxDcsaEvents(reference, options.carrier).filter(
          (event) => types.length === 0 || types.includes(event.eventType),
        );
    return HttpResponse.json(options.envelope === 'object' ? { events } : events, {
      headers: { 'API-Version': '2.2.0' },
    });
  });
}
