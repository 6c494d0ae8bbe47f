/**
 * Deterministic parcel journeys for the express carriers' sandboxes: a
 * tracking number always tells the same story (same cities, hubs and
 * timestamps), and its last digit decides how far the story has got.
 * Used by the sandboxes, not by the connectors.
 */
import { createHash } from 'node:crypto';
import { regionOf } from './sandbox-pricing.js';

/** A city a parcel passes through, with the carrier's facility code. */
export interface JourneyPlace {
  city: string;
  countryCode: string;
  /** An IATA-style facility code (`LEJ`). */
  facility: string;
  /** The UTC offset of local time there, `+01:00`. */
  utcOffset: string;
}

/** What happened to a parcel at one point of its journey. */
export type MilestoneKind =
  | 'label_created'
  | 'picked_up'
  | 'processed_origin'
  | 'departed_origin'
  | 'arrived_hub'
  | 'departed_hub'
  | 'arrived_destination'
  | 'customs_processing'
  | 'customs_released'
  | 'customs_hold'
  | 'out_for_delivery'
  | 'delivery_attempted'
  | 'delivered';

/** One milestone: what, where, and when (UTC). */
export interface Milestone {
  kind: MilestoneKind;
  place: JourneyPlace;
  at: Date;
}

/** A parcel's journey: its milestones (oldest first) and when delivery is expected. */
export interface Journey {
  origin: JourneyPlace;
  destination: JourneyPlace;
  milestones: Milestone[];
  estimatedDelivery: Date;
}

/** Cities the sandboxes ship between. */
export const JOURNEY_CITIES: readonly JourneyPlace[] = Object.freeze([
  { city: 'Bonn', countryCode: 'DE', facility: 'CGN', utcOffset: '+01:00' },
  { city: 'Dhaka', countryCode: 'BD', facility: 'DAC', utcOffset: '+06:00' },
  { city: 'New York', countryCode: 'US', facility: 'JFK', utcOffset: '-05:00' },
  { city: 'Shanghai', countryCode: 'CN', facility: 'PVG', utcOffset: '+08:00' },
  { city: 'Mumbai', countryCode: 'IN', facility: 'BOM', utcOffset: '+05:30' },
  { city: 'Dubai', countryCode: 'AE', facility: 'DXB', utcOffset: '+04:00' },
  { city: 'London', countryCode: 'GB', facility: 'LHR', utcOffset: '+00:00' },
  { city: 'Singapore', countryCode: 'SG', facility: 'SIN', utcOffset: '+08:00' },
  { city: 'Rotterdam', countryCode: 'NL', facility: 'RTM', utcOffset: '+01:00' },
  { city: 'Chattogram', countryCode: 'BD', facility: 'CGP', utcOffset: '+06:00' },
]);

/** A carrier's hubs by region; the journey passes through the origin region's hub. */
export type CarrierHubs = Partial<Record<string, JourneyPlace>> & { default: JourneyPlace };

const HOUR = 3_600_000;

/** Offsets of each milestone from the label, in hours. */
const SCHEDULE: ReadonlyArray<[MilestoneKind, number]> = [
  ['label_created', 0],
  ['picked_up', 5],
  ['processed_origin', 8],
  ['departed_origin', 11],
  ['arrived_hub', 19],
  ['departed_hub', 27],
  ['arrived_destination', 41],
  ['customs_processing', 43],
  ['customs_released', 50],
  ['out_for_delivery', 63],
  ['delivered', 68],
];

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** How far a journey has got, from the tracking number's last digit. */
export function journeyStage(trackingNumber: string): MilestoneKind {
  const last = trackingNumber.at(-1) ?? '0';
  const digit = /\d/.test(last) ? Number(last) : last.charCodeAt(0) % 10;
  if (digit <= 4) return 'delivered';
  if (digit === 5) return 'out_for_delivery';
  if (digit === 6) return 'arrived_hub';
  if (digit === 7) return 'departed_origin';
  if (digit === 8) return 'customs_hold';
  return 'delivery_attempted';
}

/**
 * The journey of `trackingNumber`: cities and hub picked from its hash, a
 * start date between 6 January 2025 and mid-2025, the milestones up to its
 * stage. `origin` and `destination` override the picked cities.
 */
export function parcelJourney(
  trackingNumber: string,
  hubs: CarrierHubs,
  places: { origin?: JourneyPlace; destination?: JourneyPlace } = {},
): Journey {
  const hash = digest(trackingNumber);
  const city = (index: number): JourneyPlace =>
    JOURNEY_CITIES[index % JOURNEY_CITIES.length] ?? hubs.default;
  const origin = places.origin ?? city(hash[0] ?? 0);
  let destination = places.destination ?? city(hash[1] ?? 1);
  if (destination.city === origin.city) destination = city(JOURNEY_CITIES.indexOf(origin) + 3);
  const hub = hubs[regionOf(origin.countryCode) ?? 'default'] ?? hubs.default;
  const start =
    Date.UTC(2025, 0, 6, 7, 30) + ((hash.readUInt16BE(2) % 180) * 24 + ((hash[4] ?? 0) % 6)) * HOUR;
  const international = origin.countryCode !== destination.countryCode;
  const stage = journeyStage(trackingNumber);
  const placeFor = (kind: MilestoneKind): JourneyPlace => {
    if (kind === 'arrived_hub' || kind === 'departed_hub') return hub;
    if (
      kind === 'label_created' ||
      kind === 'picked_up' ||
      kind === 'processed_origin' ||
      kind === 'departed_origin'
    ) {
      return origin;
    }
    return destination;
  };
  const milestones: Milestone[] = [];
  for (const [kind, hours] of SCHEDULE) {
    if (!international && (kind === 'customs_processing' || kind === 'customs_released')) continue;
    if (stage === 'customs_hold' && kind === 'customs_released') {
      milestones.push({
        kind: 'customs_hold',
        place: destination,
        at: new Date(start + 47 * HOUR),
      });
      break;
    }
    if (stage === 'delivery_attempted' && kind === 'delivered') {
      milestones.push({
        kind: 'delivery_attempted',
        place: destination,
        at: new Date(start + 67 * HOUR),
      });
      break;
    }
    milestones.push({ kind, place: placeFor(kind), at: new Date(start + hours * HOUR) });
    if (kind === stage) break;
  }
  return {
    origin,
    destination,
    milestones,
    estimatedDelivery: new Date(start + 68 * HOUR),
  };
}

/** `at` in local time of `place`, as ISO 8601 with its offset: `2025-01-06T08:30:00+01:00`. */
export function localIso(at: Date, utcOffset: string): string {
  const sign = utcOffset.startsWith('-') ? -1 : 1;
  const [hours = '0', minutes = '0'] = utcOffset.slice(1).split(':');
  const shifted = new Date(at.getTime() + sign * (Number(hours) * 60 + Number(minutes)) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${utcOffset}`;
}

/** Whether the sandbox treats a tracking number as unknown to the carrier (it starts with `000`). */
export function isUnknownTrackingNumber(trackingNumber: string): boolean {
  return trackingNumber.startsWith('000');
}

/** A deterministic run of digits from a seed, for sandbox tracking and confirmation numbers. */
export function sandboxDigits(seed: string, length: number): string {
  let digits = '';
  let counter = 0;
  while (digits.length < length) {
    for (const byte of digest(`${seed}#${counter}`)) {
      digits += String(byte % 10);
      if (digits.length === length) break;
    }
    counter += 1;
  }
  return digits;
}
