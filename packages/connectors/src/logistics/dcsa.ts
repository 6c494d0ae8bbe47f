/**
 * DCSA Track & Trace 2.2 (the Digital Container Shipping Association's
 * standard, spoken by Maersk, MSC and other ocean carriers): the event
 * schemas, the mapping of events to the logistics contract's tracking shape,
 * and the paged `GET /events` call. Shared by the ocean connectors.
 */
import type { OperationDefinition, OperationHttp } from '@tollgate/core';
import { UpstreamError } from '@tollgate/core';
import { z } from 'zod';
import {
  type CarrierCallSite,
  carrierErrorDetail,
  parseCarrierResponse,
  stringAt,
  withCarrierErrors,
} from './carrier-errors.js';
import { ShipmentNotFoundError } from './errors.js';
import { buildTrackResult } from './normalize.js';
import { LOGISTICS_CONTRACT_OPERATIONS } from './operations.js';
import { type TrackingEvent, type TrackResult, trackInput, type trackOutput } from './schema.js';
import type { TrackingStatus } from './tracking-status.js';

/** `ACT` happened, `EST` is estimated, `PLN` is planned, `REQ` was requested. */
export const DCSA_EVENT_CLASSIFIERS = ['ACT', 'EST', 'PLN', 'REQ'] as const;

const dcsaLocation = z.looseObject({
  locationName: z.string().optional(),
  UNLocationCode: z.string().optional(),
  latitude: z.union([z.string(), z.number()]).optional(),
  longitude: z.union([z.string(), z.number()]).optional(),
});

const dcsaVessel = z.looseObject({
  vesselIMONumber: z.string().optional(),
  vesselName: z.string().optional(),
  vesselFlag: z.string().optional(),
  vesselCallSignNumber: z.string().optional(),
  vesselOperatorCarrierCode: z.string().optional(),
});

/** A DCSA transport call: a vessel's (or barge's, truck's, train's) call at a facility. */
export const dcsaTransportCall = z.looseObject({
  transportCallID: z.string().optional(),
  carrierServiceCode: z.string().optional(),
  exportVoyageNumber: z.string().optional(),
  importVoyageNumber: z.string().optional(),
  transportCallSequenceNumber: z.number().int().optional(),
  UNLocationCode: z.string().optional(),
  facilityCode: z.string().optional(),
  facilityCodeListProvider: z.string().optional(),
  facilityTypeCode: z.string().optional(),
  modeOfTransport: z.string().optional(),
  location: dcsaLocation.optional(),
  vessel: dcsaVessel.optional(),
});

const documentReference = z.looseObject({
  documentReferenceType: z.string(),
  documentReferenceValue: z.string(),
});

const eventBase = {
  eventID: z.string().optional(),
  eventCreatedDateTime: z.string(),
  eventDateTime: z.string(),
  eventClassifierCode: z.enum(DCSA_EVENT_CLASSIFIERS),
  documentReferences: z.array(documentReference).optional(),
};

/** A DCSA shipment event: a document's life (booking confirmed, B/L issued, customs hold). */
export const dcsaShipmentEvent = z.looseObject({
  ...eventBase,
  eventType: z.literal('SHIPMENT'),
  shipmentEventTypeCode: z.string(),
  documentTypeCode: z.string().optional(),
  documentID: z.string().optional(),
  reason: z.string().nullish(),
});

/** A DCSA transport event: a vessel arriving (`ARRI`) or departing (`DEPA`). */
export const dcsaTransportEvent = z.looseObject({
  ...eventBase,
  eventType: z.literal('TRANSPORT'),
  transportEventTypeCode: z.string(),
  delayReasonCode: z.string().nullish(),
  changeRemark: z.string().nullish(),
  transportCall: dcsaTransportCall,
});

/** A DCSA equipment event: a container loaded, discharged, gated in or out … */
export const dcsaEquipmentEvent = z.looseObject({
  ...eventBase,
  eventType: z.literal('EQUIPMENT'),
  equipmentEventTypeCode: z.string(),
  equipmentReference: z.string().nullish(),
  ISOEquipmentCode: z.string().nullish(),
  emptyIndicatorCode: z.enum(['EMPTY', 'LADEN']).nullish(),
  transportCall: dcsaTransportCall.optional(),
  eventLocation: dcsaLocation.optional(),
});

/** Any DCSA Track & Trace event. */
export const dcsaEvent = z.discriminatedUnion('eventType', [
  dcsaShipmentEvent,
  dcsaTransportEvent,
  dcsaEquipmentEvent,
]);

/** A parsed DCSA event. */
export type DcsaEvent = z.output<typeof dcsaEvent>;

/** `GET /events` answers a JSON array (DCSA); Maersk wraps it as `{ events: [...] }`. */
export const dcsaEventsResponse = z.union([
  z.array(dcsaEvent),
  z.looseObject({ events: z.array(dcsaEvent) }).transform((body) => body.events),
]);

/** How an ocean reference is looked up. */
export const dcsaReferenceType = z.enum(['transport-document', 'equipment', 'booking']);

/** `track` input of an ocean carrier: a B/L, container or booking number. */
export const dcsaTrackInput = trackInput.extend({
  /** Default: `equipment` for an ISO 6346 container number (`MSKU1234565`), else `transport-document`. */
  referenceType: dcsaReferenceType.optional(),
});

const QUERY_PARAMETER: Record<z.output<typeof dcsaReferenceType>, string> = {
  'transport-document': 'transportDocumentReference',
  equipment: 'equipmentReference',
  booking: 'carrierBookingReference',
};

const CONTAINER_NUMBER = /^[A-Z]{4}\d{7}$/;

/** The `GET /events` query parameter for a reference: `equipmentReference` for a container number. */
export function dcsaReferenceParameter(
  reference: string,
  referenceType?: z.output<typeof dcsaReferenceType>,
): string {
  const type =
    referenceType ?? (CONTAINER_NUMBER.test(reference) ? 'equipment' : 'transport-document');
  return QUERY_PARAMETER[type];
}

const EQUIPMENT_WORDS: Record<string, string> = {
  LOAD: 'loaded on',
  DISC: 'discharged from',
  GTIN: 'gated in',
  GTOT: 'gated out',
  STUF: 'stuffed',
  STRP: 'stripped',
  PICK: 'picked up',
  DROP: 'dropped off',
  INSP: 'inspected',
  RSEA: 'resealed',
  RMVD: 'removed',
};

const SHIPMENT_WORDS: Record<string, string> = {
  RECE: 'received',
  DRFT: 'drafted',
  PENA: 'pending approval',
  PENU: 'pending update',
  REJE: 'rejected',
  APPR: 'approved',
  ISSU: 'issued',
  SURR: 'surrendered',
  SUBM: 'submitted',
  VOID: 'voided',
  CONF: 'confirmed',
  REQS: 'requested',
  CMPL: 'completed',
  HOLD: 'on hold',
  RELS: 'released',
};

const DOCUMENT_NAMES: Record<string, string> = {
  CBR: 'Carrier booking request',
  BKG: 'Booking',
  SHI: 'Shipping instruction',
  SRM: 'Shipment release message',
  TRD: 'Transport document',
  ARN: 'Arrival notice',
  VGM: 'Verified gross mass',
  CAS: 'Cargo survey',
  CUS: 'Customs',
  DGD: 'Dangerous goods declaration',
  OOG: 'Out-of-gauge declaration',
};

function placeOf(call: z.output<typeof dcsaTransportCall> | undefined): string | undefined {
  return call?.UNLocationCode ?? call?.location?.UNLocationCode;
}

function locationText(event: DcsaEvent): string | null {
  const call = event.eventType === 'SHIPMENT' ? undefined : event.transportCall;
  const location =
    call?.location ?? (event.eventType === 'EQUIPMENT' ? event.eventLocation : undefined);
  const code = placeOf(call) ?? location?.UNLocationCode;
  const name = location?.locationName;
  if (name && code) return `${name} (${code})`;
  return name ?? code ?? null;
}

function vesselText(call: z.output<typeof dcsaTransportCall> | undefined): string | undefined {
  const name = call?.vessel?.vesselName;
  if (!name) return undefined;
  const voyage = call?.exportVoyageNumber ?? call?.importVoyageNumber;
  return voyage ? `${name} (voyage ${voyage})` : name;
}

function describe(event: DcsaEvent): string {
  const where = locationText(event);
  const at = where ? ` at ${where}` : '';
  switch (event.eventType) {
    case 'SHIPMENT': {
      const document =
        DOCUMENT_NAMES[event.documentTypeCode ?? ''] ?? event.documentTypeCode ?? 'Shipment';
      const verb = SHIPMENT_WORDS[event.shipmentEventTypeCode] ?? event.shipmentEventTypeCode;
      return `${document} ${verb}${event.reason ? `: ${event.reason}` : ''}`;
    }
    case 'TRANSPORT': {
      const vessel = vesselText(event.transportCall) ?? 'Vessel';
      const verb =
        event.transportEventTypeCode === 'ARRI'
          ? 'arrived'
          : event.transportEventTypeCode === 'DEPA'
            ? 'departed'
            : event.transportEventTypeCode;
      return `${vessel} ${verb}${at}`;
    }
    case 'EQUIPMENT': {
      const container = event.equipmentReference
        ? `Container ${event.equipmentReference}`
        : 'Container';
      const load = event.emptyIndicatorCode ? ` (${event.emptyIndicatorCode.toLowerCase()})` : '';
      const verb = EQUIPMENT_WORDS[event.equipmentEventTypeCode] ?? event.equipmentEventTypeCode;
      const vessel =
        event.equipmentEventTypeCode === 'LOAD' || event.equipmentEventTypeCode === 'DISC'
          ? ` ${vesselText(event.transportCall) ?? 'the vessel'}`
          : '';
      return `${container}${load} ${verb}${vessel}${at}`;
    }
  }
}

function eventCode(event: DcsaEvent): string {
  switch (event.eventType) {
    case 'SHIPMENT':
      return event.shipmentEventTypeCode;
    case 'TRANSPORT':
      return event.transportEventTypeCode;
    case 'EQUIPMENT':
      return event.equipmentEventTypeCode;
  }
}

/**
 * The port where the voyage ends: where the latest arrival (actual, estimated
 * or planned) happens. DCSA 2.2 events do not name the port of discharge, so
 * this is inferred from the transport calls.
 */
function finalPort(events: readonly DcsaEvent[]): string | undefined {
  const arrivals = events
    .filter(
      (event): event is z.output<typeof dcsaTransportEvent> =>
        event.eventType === 'TRANSPORT' && event.transportEventTypeCode === 'ARRI',
    )
    .sort((a, b) => Date.parse(a.eventDateTime) - Date.parse(b.eventDateTime));
  return placeOf(arrivals.at(-1)?.transportCall);
}

function eventStatus(event: DcsaEvent, destination: string | undefined): TrackingStatus {
  if (event.eventType === 'SHIPMENT') {
    if (event.shipmentEventTypeCode === 'HOLD') {
      return event.documentTypeCode === 'CUS' ? 'customs' : 'exception';
    }
    if (event.documentTypeCode === 'CUS') return 'customs';
    if (event.shipmentEventTypeCode === 'REJE' || event.shipmentEventTypeCode === 'VOID') {
      return 'exception';
    }
    return 'pre_transit';
  }
  const here = placeOf(event.transportCall);
  const atDestination = destination !== undefined && here === destination;
  if (event.eventType === 'TRANSPORT') {
    return event.transportEventTypeCode === 'ARRI' && atDestination ? 'arrived' : 'in_transit';
  }
  switch (event.equipmentEventTypeCode) {
    case 'GTOT':
      if (atDestination) return 'delivered';
      return event.emptyIndicatorCode === 'EMPTY' ? 'pre_transit' : 'in_transit';
    case 'GTIN':
      if (atDestination && event.emptyIndicatorCode === 'EMPTY') return 'delivered';
      return atDestination ? 'arrived' : 'picked_up';
    case 'STUF':
    case 'PICK':
      return 'picked_up';
    case 'DISC':
      return atDestination ? 'arrived' : 'in_transit';
    case 'STRP':
    case 'DROP':
      return atDestination ? 'delivered' : 'in_transit';
    default:
      return 'in_transit';
  }
}

const PROGRESS: readonly TrackingStatus[] = [
  'pre_transit',
  'picked_up',
  'in_transit',
  'arrived',
  'delivered',
];

/**
 * The contract's tracking answer for a list of DCSA events: the actual
 * (`ACT`) events as history, oldest first; the furthest progress they show
 * as status, unless the latest actual event is a hold (`customs`,
 * `exception`); the latest estimated or planned arrival at the final port as
 * `estimatedDelivery`.
 */
export function trackResultFromDcsaEvents(
  carrier: string,
  reference: string,
  events: readonly DcsaEvent[],
): TrackResult {
  const destination = finalPort(events);
  const actual = events.filter((event) => event.eventClassifierCode === 'ACT');
  const history: TrackingEvent[] = actual.map((event) => ({
    at: event.eventDateTime,
    location: locationText(event),
    code: eventCode(event),
    description: describe(event),
    status: eventStatus(event, destination),
  }));
  const furthest = history.reduce<TrackingStatus>((best, event) => {
    return PROGRESS.indexOf(event.status) > PROGRESS.indexOf(best) ? event.status : best;
  }, 'pre_transit');
  const latest = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
  const held =
    latest !== undefined &&
    (latest.status === 'customs' || latest.status === 'exception') &&
    furthest !== 'delivered';
  const estimate = events
    .filter(
      (event): event is z.output<typeof dcsaTransportEvent> =>
        event.eventType === 'TRANSPORT' &&
        event.transportEventTypeCode === 'ARRI' &&
        event.eventClassifierCode !== 'ACT' &&
        placeOf(event.transportCall) === destination,
    )
    .sort((a, b) => Date.parse(a.eventCreatedDateTime) - Date.parse(b.eventCreatedDateTime))
    .at(-1);
  return buildTrackResult({
    carrier,
    trackingNumber: reference,
    events: history,
    status: held ? latest.status : furthest,
    estimatedDelivery: estimate?.eventDateTime ?? null,
  });
}

/** The code and message of a DCSA error document (`errors[].reason/message`, or the status text). */
export function readDcsaError(body: unknown): { code?: string; message?: string } | undefined {
  return carrierErrorDetail(
    stringAt(body, 'errors', 0, 'reason') ??
      stringAt(body, 'errors', 0, 'errorCodeText') ??
      stringAt(body, 'statusCodeText'),
    stringAt(body, 'errors', 0, 'message') ??
      stringAt(body, 'errors', 0, 'errorCodeMessage') ??
      stringAt(body, 'statusCodeMessage'),
  );
}

/** Options of {@link fetchDcsaEvents}. */
export interface FetchDcsaEventsOptions {
  /** The events path of the carrier, e.g. `/v2/events` or `/track-and-trace-private/events`. */
  path: string;
  /** The query: the reference parameter and any filters. */
  query: Record<string, string>;
  /** Request headers (DCSA's `API-Version`, a carrier's own). */
  headers?: Record<string, string>;
  /** Pages followed through `Next-Page` at most. Default 10. */
  maxPages?: number;
}

/**
 * `GET` a carrier's DCSA events, following the `Next-Page` cursor header, and
 * parse them. A body that is not JSON, or not events, is an `UpstreamError`.
 */
export async function fetchDcsaEvents(
  http: OperationHttp,
  options: FetchDcsaEventsOptions,
  site: CarrierCallSite,
): Promise<DcsaEvent[]> {
  const events: DcsaEvent[] = [];
  let next: { path: string; query?: Record<string, string> } | undefined = {
    path: options.path,
    query: options.query,
  };
  for (let page = 0; next !== undefined && page < (options.maxPages ?? 10); page += 1) {
    const response = await http.request({
      path: next.path,
      ...(next.query === undefined ? {} : { query: next.query }),
      headers: { accept: 'application/json', ...options.headers },
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new UpstreamError(
        `${site.connectorId} answered ${site.operation} with a body that is not JSON`,
        { ...site, status: 502, retryable: false, upstreamStatus: response.status, cause },
      );
    }
    events.push(...parseCarrierResponse(dcsaEventsResponse, json, site));
    const nextPage = response.headers.get('next-page');
    next = nextPage ? { path: nextPage } : undefined;
  }
  return events;
}

/**
 * `track` of a DCSA carrier: fetch the events of a reference and map them.
 * No event at all is a `ShipmentNotFoundError` (DCSA answers an empty list
 * for a reference it does not know).
 */
export async function trackWithDcsa(
  http: OperationHttp,
  input: z.output<typeof dcsaTrackInput>,
  options: Omit<FetchDcsaEventsOptions, 'query'> & { extraQuery?: Record<string, string> },
  site: CarrierCallSite,
): Promise<TrackResult> {
  const parameter = dcsaReferenceParameter(input.trackingNumber, input.referenceType);
  const events = await fetchDcsaEvents(
    http,
    { ...options, query: { [parameter]: input.trackingNumber, ...options.extraQuery } },
    site,
  );
  if (events.length === 0) throw new ShipmentNotFoundError(site.connectorId, input.trackingNumber);
  return trackResultFromDcsaEvents(site.connectorId, input.trackingNumber, events);
}

/** The header every DCSA Track & Trace 2.x call carries. */
const DCSA_API_VERSION = { 'API-Version': '2' };

/**
 * The `track` operation of a DCSA carrier whose config names its events path:
 * {@link trackWithDcsa} with the `API-Version` header, a refusal explained
 * from its DCSA error document.
 */
export function dcsaTrackOperation(
  connectorId: string,
): OperationDefinition<typeof dcsaTrackInput, typeof trackOutput, { eventsPath: string }> {
  const site = { connectorId, operation: 'track' };
  return {
    ...LOGISTICS_CONTRACT_OPERATIONS.track,
    description: 'The DCSA events of a B/L, container or booking, oldest first',
    input: dcsaTrackInput,
    run: (input, { http, config }) =>
      withCarrierErrors(
        () =>
          trackWithDcsa(http, input, { path: config.eventsPath, headers: DCSA_API_VERSION }, site),
        readDcsaError,
        site,
      ),
  };
}

/**
 * A DCSA carrier's health probe: its events endpoint asked for a booking that
 * does not exist (an empty list, or any 2xx, is healthy).
 */
export async function probeDcsaEvents(http: OperationHttp, eventsPath: string): Promise<void> {
  await http.request({
    path: eventsPath,
    query: { carrierBookingReference: '000000000', limit: 1 },
    headers: { accept: 'application/json', ...DCSA_API_VERSION },
  });
}

/** The references an event names: its container and documents. */
function referencesOf(event: DcsaEvent): string[] {
  const references = (event.documentReferences ?? []).map(
    (reference) => reference.documentReferenceValue,
  );
  if (event.eventType === 'EQUIPMENT' && event.equipmentReference) {
    references.push(event.equipmentReference);
  }
  if (event.eventType === 'SHIPMENT' && event.documentID) references.push(event.documentID);
  return [...new Set(references)];
}

/**
 * The webhook event of a DCSA carrier: a verified notification body (an
 * array of events) parsed and mapped to the contract's events, each with the
 * references it belongs to; `raw` keeps the DCSA events.
 */
export function dcsaNotificationEvent(carrier: string) {
  return z.array(dcsaEvent).transform((events) => {
    const destination = finalPort(events);
    return {
      carrier,
      events: events.map((event) => ({
        classifier: event.eventClassifierCode,
        references: referencesOf(event),
        event: {
          at: event.eventDateTime,
          location: locationText(event),
          code: eventCode(event),
          description: describe(event),
          status: eventStatus(event, destination),
        } satisfies TrackingEvent,
      })),
      raw: events,
    };
  });
}
