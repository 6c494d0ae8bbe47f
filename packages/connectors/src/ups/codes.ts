import type { ServiceType } from '../logistics/schema.js';
import type { TrackingStatus } from '../logistics/tracking-status.js';

/** UPS service codes and the names UPS gives them (rating answers carry only the code). */
export const UPS_SERVICES: Readonly<Record<string, string>> = Object.freeze({
  '01': 'UPS Next Day Air',
  '02': 'UPS 2nd Day Air',
  '03': 'UPS Ground',
  '07': 'UPS Worldwide Express',
  '08': 'UPS Worldwide Expedited',
  '11': 'UPS Standard',
  '12': 'UPS 3 Day Select',
  '13': 'UPS Next Day Air Saver',
  '14': 'UPS Next Day Air Early',
  '54': 'UPS Worldwide Express Plus',
  '59': 'UPS 2nd Day Air A.M.',
  '65': 'UPS Worldwide Saver',
  '96': 'UPS Worldwide Express Freight',
});

const ECONOMY_SERVICES = new Set(['02', '03', '08', '11', '12', '59']);

/** The contract's service type of a UPS service code (`65` → express, `08` → economy). */
export function upsServiceType(code: string): ServiceType {
  return ECONOMY_SERVICES.has(code) ? 'economy' : 'express';
}

/** The UPS service booked when a caller names none. */
export function defaultUpsService(serviceType: ServiceType, domestic: boolean): string {
  if (domestic) return serviceType === 'economy' ? '03' : '01';
  return serviceType === 'economy' ? '08' : '65';
}

/** Countries where UPS rates by postal code; in the first set a state or province code is needed too. */
export const UPS_POSTAL_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'AU',
  'BE',
  'BR',
  'CA',
  'CH',
  'CN',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GB',
  'IN',
  'IT',
  'JP',
  'MX',
  'NL',
  'NO',
  'PL',
  'PT',
  'SE',
  'SG',
  'US',
]);
/** Countries where UPS needs a state or province code. */
export const UPS_STATE_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA']);

/**
 * The contract's status of a UPS activity: by its type (`M` manifest, `P`
 * pick-up, `I` in transit, `X` exception, `D` delivered, `RS` returned), with
 * out-for-delivery (`OT`, `OF`) and customs (`CC`, `CD`) told apart by code.
 */
export function upsActivityStatus(type: string | undefined, code?: string): TrackingStatus {
  if (code === 'OT' || code === 'OF') return 'out_for_delivery';
  if (code === 'CC' || code === 'CD') return 'customs';
  switch (type) {
    case 'M':
    case 'MV':
      return 'pre_transit';
    case 'P':
      return 'picked_up';
    case 'I':
      return 'in_transit';
    case 'X':
      return 'exception';
    case 'D':
      return 'delivered';
    case 'RS':
      return 'returned';
    default:
      return 'unknown';
  }
}

/** `20250314` → `2025-03-14`; `undefined` for anything else. */
export function upsDate(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** `101500` or `10:15:00` → `10:15:00`; `undefined` for anything else. */
export function upsTime(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^(\d{2}):?(\d{2}):?(\d{2})$/.exec(value);
  return match ? `${match[1]}:${match[2]}:${match[3]}` : undefined;
}

/** `2025-03-10` → `20250310`. */
export function upsDateOf(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}
