import type { ServiceType } from '../logistics/schema.js';
import type { TrackingStatus } from '../logistics/tracking-status.js';

/** FedEx's own currency codes that are not ISO 4217, and the ISO code each stands for. */
const ISO_OF_FEDEX_CURRENCY: Record<string, string> = {
  UKL: 'GBP',
  JYE: 'JPY',
  SID: 'SGD',
  DHS: 'AED',
  NTD: 'TWD',
  RMB: 'CNY',
  KUD: 'KWD',
  SFR: 'CHF',
  WON: 'KRW',
  NMP: 'MXN',
};

const FEDEX_OF_ISO_CURRENCY = Object.fromEntries(
  Object.entries(ISO_OF_FEDEX_CURRENCY).map(([fedex, iso]) => [iso, fedex]),
);

/** The ISO 4217 code of a FedEx currency code (`UKL` → `GBP`; ISO codes pass through). */
export function isoCurrencyOfFedex(code: string): string {
  return ISO_OF_FEDEX_CURRENCY[code] ?? code;
}

/** The FedEx currency code of an ISO 4217 one (`GBP` → `UKL`). */
export function fedexCurrencyOfIso(code: string): string {
  return FEDEX_OF_ISO_CURRENCY[code] ?? code;
}

/**
 * Countries where FedEx rates by postal code, so a quote needs one there
 * (elsewhere the city is enough).
 */
export const FEDEX_POSTAL_AWARE_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'AU',
  'BE',
  'BR',
  'CA',
  'CH',
  'CN',
  'CZ',
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
  'MY',
  'NL',
  'NO',
  'PL',
  'PT',
  'SE',
  'SG',
  'US',
]);

const ECONOMY_SERVICE = /ECONOMY|GROUND|SAVER|CONNECT_PLUS|2_DAY|SMART_POST/;

/** The contract's service type of a FedEx service type (`INTERNATIONAL_ECONOMY` → economy). */
export function fedexServiceType(code: string): ServiceType {
  return ECONOMY_SERVICE.test(code) ? 'economy' : 'express';
}

/** The FedEx service booked when a caller names none. */
export function defaultFedexService(serviceType: ServiceType, domestic: boolean): string {
  if (domestic) return serviceType === 'economy' ? 'FEDEX_GROUND' : 'PRIORITY_OVERNIGHT';
  return serviceType === 'economy' ? 'INTERNATIONAL_ECONOMY' : 'FEDEX_INTERNATIONAL_PRIORITY';
}

const NUMBER_WORDS = [
  'ZERO',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
  'TWENTY',
];

/** Days of a FedEx transit time (`THREE_DAYS` → 3); `null` for `UNKNOWN` or anything else. */
export function fedexTransitDays(transitTime: string | undefined): number | null {
  if (transitTime === undefined) return null;
  const match = /^([A-Z]+)_DAYS?$/.exec(transitTime);
  const index = match ? NUMBER_WORDS.indexOf(match[1] ?? '') : -1;
  return index >= 0 ? index : null;
}

/** The FedEx transit time for a number of days (`3` → `THREE_DAYS`), as the sandbox writes it. */
export function fedexTransitTime(days: number): string {
  const word = NUMBER_WORDS[days] ?? 'UNKNOWN';
  return word === 'UNKNOWN' ? word : `${word}_${days === 1 ? 'DAY' : 'DAYS'}`;
}

const STATUS_OF_EVENT: Record<string, TrackingStatus> = {
  OC: 'pre_transit',
  IN: 'pre_transit',
  PU: 'picked_up',
  AR: 'in_transit',
  AF: 'in_transit',
  DP: 'in_transit',
  IT: 'in_transit',
  PL: 'in_transit',
  CC: 'in_transit',
  AA: 'arrived',
  CD: 'customs',
  CP: 'customs',
  OD: 'out_for_delivery',
  DL: 'delivered',
  DE: 'exception',
  SE: 'exception',
  DY: 'exception',
  CA: 'exception',
  HL: 'arrived',
  HP: 'arrived',
  RS: 'returned',
  RP: 'returned',
};

/** The contract's status of a FedEx scan event or derived status code (`PU`, `OD`, `DL` …). */
export function fedexEventStatus(code: string | undefined): TrackingStatus {
  return code === undefined ? 'unknown' : (STATUS_OF_EVENT[code] ?? 'unknown');
}
