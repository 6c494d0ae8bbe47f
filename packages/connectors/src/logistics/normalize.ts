import { createHash } from 'node:crypto';
import { compareMoney } from '@tollgate/core';
import { NoServiceAvailableError } from './errors.js';
import type {
  NormalizedQuote,
  ParsedQuoteInput,
  PickupResult,
  QuoteResult,
  ServiceType,
  TrackingEvent,
  TrackResult,
} from './schema.js';
import type { TrackingStatus } from './tracking-status.js';

/**
 * A stable quote id for carriers whose rating answer carries none (DHL
 * Express, FedEx, UPS): `<carrier>:<serviceCode>:<16 hex>` over the request's
 * lane, packages, value and date, so the same request gets the same id.
 */
export function derivedQuoteId(
  carrier: string,
  serviceCode: string,
  input: ParsedQuoteInput,
): string {
  const fingerprint = JSON.stringify([
    carrier,
    serviceCode,
    input.origin,
    input.destination,
    input.packages,
    input.declaredValue === undefined
      ? null
      : [input.declaredValue.amount.toString(), input.declaredValue.currency],
    input.shipDate,
  ]);
  const hash = createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
  return `${carrier}:${serviceCode}:${hash}`;
}

/** Cheapest first (within a currency), then fewest transit days, then by service code. */
export function compareQuotesByPriceThenTransit(a: NormalizedQuote, b: NormalizedQuote): number {
  if (a.total.currency === b.total.currency) {
    const byPrice = compareMoney(a.total, b.total);
    if (byPrice !== 0) return byPrice;
  }
  const byTransit =
    (a.transitDays ?? Number.POSITIVE_INFINITY) - (b.transitDays ?? Number.POSITIVE_INFINITY);
  if (byTransit !== 0 && !Number.isNaN(byTransit)) return byTransit;
  return a.serviceCode < b.serviceCode ? -1 : a.serviceCode > b.serviceCode ? 1 : 0;
}

/**
 * What a carrier's `quote` returns from all the services it priced: the
 * cheapest service of the requested type (then the fastest), and every other
 * service as `alternatives`, cheapest first. No service of that type is a
 * `NoServiceAvailableError`.
 */
export function selectQuote(
  carrier: string,
  quotes: readonly NormalizedQuote[],
  serviceType: ServiceType,
): QuoteResult {
  const sorted = [...quotes].sort(compareQuotesByPriceThenTransit);
  const best = sorted.find((quote) => quote.serviceType === serviceType);
  if (best === undefined) throw new NoServiceAvailableError(carrier, serviceType);
  return { ...best, alternatives: sorted.filter((quote) => quote !== best) };
}

/** The parts of a tracking answer a connector has read from its carrier. */
export interface TrackingParts {
  carrier: string;
  trackingNumber: string;
  events: readonly TrackingEvent[];
  estimatedDelivery?: string | null | undefined;
  /** The carrier's own current status, when it states one; else the latest event's. */
  status?: TrackingStatus | undefined;
}

/**
 * A normalized tracking answer: events oldest first (by instant; carriers
 * list them newest first), the status the carrier states or else that of the
 * latest event whose status is known.
 */
export function buildTrackResult(parts: TrackingParts): TrackResult {
  const events = parts.events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((a, b) => {
      const byTime = (Number.isNaN(a.time) ? 0 : a.time) - (Number.isNaN(b.time) ? 0 : b.time);
      return byTime !== 0 ? byTime : a.index - b.index;
    })
    .map(({ event }) => event);
  const latestKnown = [...events].reverse().find((event) => event.status !== 'unknown');
  return {
    carrier: parts.carrier,
    trackingNumber: parts.trackingNumber,
    status: parts.status ?? latestKnown?.status ?? (events.length > 0 ? 'unknown' : 'pre_transit'),
    estimatedDelivery: parts.estimatedDelivery ?? null,
    events,
  };
}

/** `City, CC` from whichever of the two a carrier gave; `null` when neither. */
export function locationName(
  city: string | undefined | null,
  countryCode: string | undefined | null,
): string | null {
  const parts = [city?.trim(), countryCode?.trim()].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * The pick-up day and ready time of a booking whose carrier confirms
 * neither: the local date and `HH:MM` of the `readyAt` asked for, as written.
 */
export function requestedPickupTime(
  readyAt: string,
): Pick<PickupResult, 'pickupDate' | 'readyByTime'> {
  return { pickupDate: readyAt.slice(0, 10), readyByTime: readyAt.slice(11, 16) };
}
