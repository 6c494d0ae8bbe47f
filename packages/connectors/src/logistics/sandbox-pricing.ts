/**
 * The carriers' sandboxes price shipments with one deterministic model, so a
 * quote is realistic (heavier, farther and faster cost more) and the same
 * request always costs the same. Integer arithmetic on minor units only.
 * Used by the sandboxes, not by the connectors.
 */

import { CURRENCY_EXPONENTS, type CurrencyCode, money, toDecimalString } from '@tollgate/core';
import { gramsOf } from './weights.js';

/** A world region, for zones. */
export type Region = 'EU' | 'NA' | 'LA' | 'ME' | 'AF' | 'SA' | 'EA' | 'OC';

const REGION_OF: Record<string, Region> = {
  AT: 'EU',
  BE: 'EU',
  BG: 'EU',
  CH: 'EU',
  CY: 'EU',
  CZ: 'EU',
  DE: 'EU',
  DK: 'EU',
  EE: 'EU',
  ES: 'EU',
  FI: 'EU',
  FR: 'EU',
  GB: 'EU',
  GR: 'EU',
  HR: 'EU',
  HU: 'EU',
  IE: 'EU',
  IT: 'EU',
  LT: 'EU',
  LU: 'EU',
  LV: 'EU',
  MT: 'EU',
  NL: 'EU',
  NO: 'EU',
  PL: 'EU',
  PT: 'EU',
  RO: 'EU',
  SE: 'EU',
  SI: 'EU',
  SK: 'EU',
  TR: 'EU',
  US: 'NA',
  CA: 'NA',
  MX: 'NA',
  BR: 'LA',
  AR: 'LA',
  CL: 'LA',
  CO: 'LA',
  PE: 'LA',
  AE: 'ME',
  SA: 'ME',
  QA: 'ME',
  BH: 'ME',
  KW: 'ME',
  OM: 'ME',
  IL: 'ME',
  JO: 'ME',
  EG: 'AF',
  MA: 'AF',
  NG: 'AF',
  KE: 'AF',
  ZA: 'AF',
  GH: 'AF',
  BD: 'SA',
  IN: 'SA',
  LK: 'SA',
  PK: 'SA',
  NP: 'SA',
  CN: 'EA',
  HK: 'EA',
  JP: 'EA',
  KR: 'EA',
  SG: 'EA',
  TW: 'EA',
  VN: 'EA',
  TH: 'EA',
  MY: 'EA',
  ID: 'EA',
  PH: 'EA',
  AU: 'OC',
  NZ: 'OC',
};

const NEIGHBOURS = new Set(['EU-ME', 'EU-AF', 'ME-AF', 'ME-SA', 'SA-EA', 'EA-OC', 'NA-LA']);

/** The sandbox region of a country (unknown countries count as far away). */
export function regionOf(countryCode: string): Region | undefined {
  return REGION_OF[countryCode];
}

/** Zone 1 (domestic) to 4 (intercontinental). */
export function zoneBetween(origin: string, destination: string): 1 | 2 | 3 | 4 {
  if (origin === destination) return 1;
  const a = REGION_OF[origin];
  const b = REGION_OF[destination];
  if (a === undefined || b === undefined) return 4;
  if (a === b) return 2;
  return NEIGHBOURS.has(`${a}-${b}`) || NEIGHBOURS.has(`${b}-${a}`) ? 3 : 4;
}

const EURO_AREA = new Set([
  'AT',
  'BE',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
]);

const CURRENCY_OF: Record<string, CurrencyCode> = {
  GB: 'GBP',
  CH: 'CHF',
  US: 'USD',
  CA: 'CAD',
  BD: 'BDT',
  IN: 'INR',
  CN: 'CNY',
  HK: 'HKD',
  JP: 'JPY',
  SG: 'SGD',
  AE: 'AED',
  SA: 'SAR',
  AU: 'AUD',
  KW: 'KWD',
};

/** The currency a carrier account in this country is billed in (sandbox table). */
export function billingCurrencyOf(countryCode: string): CurrencyCode {
  if (EURO_AREA.has(countryCode)) return 'EUR';
  return CURRENCY_OF[countryCode] ?? 'USD';
}

/** Units of a currency per US dollar, in millionths (fixed sandbox rates). */
const MICRO_UNITS_PER_USD: Partial<Record<CurrencyCode, bigint>> = {
  USD: 1_000_000n,
  EUR: 920_000n,
  GBP: 790_000n,
  CHF: 880_000n,
  CAD: 1_360_000n,
  BDT: 119_500_000n,
  INR: 83_200_000n,
  CNY: 7_190_000n,
  HKD: 7_820_000n,
  JPY: 151_400_000n,
  SGD: 1_340_000n,
  AED: 3_672_500n,
  SAR: 3_750_000n,
  AUD: 1_520_000n,
  KWD: 307_000n,
};

/** The weight a carrier charges for, in grams: the larger of actual and volumetric (L×W×H / 5000). */
export function chargeableGrams(
  packages: ReadonlyArray<{
    weightKg: string;
    lengthCm?: number | undefined;
    widthCm?: number | undefined;
    heightCm?: number | undefined;
  }>,
): bigint {
  let total = 0n;
  for (const pkg of packages) {
    const actual = gramsOf(pkg.weightKg);
    const volume = BigInt(pkg.lengthCm ?? 1) * BigInt(pkg.widthCm ?? 1) * BigInt(pkg.heightCm ?? 1);
    const volumetric = (volume + 4n) / 5n; // cm³ / 5000 kg = cm³ / 5 g, rounded up
    total += actual > volumetric ? actual : volumetric;
  }
  return total;
}

const BASE_USD_CENTS: Record<1 | 2 | 3 | 4, bigint> = { 1: 1450n, 2: 3890n, 3: 5275n, 4: 6840n };
const PER_HALF_KG_USD_CENTS: Record<1 | 2 | 3 | 4, bigint> = { 1: 215n, 2: 480n, 3: 735n, 4: 995n };

/** What a sandbox product costs relative to the carrier's main express product, in percent. */
export interface SandboxProduct {
  code: string;
  name: string;
  serviceType: 'express' | 'economy';
  pricePercent: bigint;
  /** Days added to the zone's express transit time. */
  extraDays: number;
}

/** A sandbox price: minor units in `currency`, its decimal text, and the transit days. */
export interface SandboxPrice {
  currency: CurrencyCode;
  minor: bigint;
  decimal: string;
  transitDays: number;
}

/**
 * Price one product for a lane and packages, in `currency`: a zone base plus
 * a rate per started half kilogram, scaled by the product's percentage, in
 * USD cents, converted at the fixed sandbox rate (rounded half up once).
 */
export function sandboxPrice(
  origin: string,
  destination: string,
  grams: bigint,
  product: SandboxProduct,
  currency: CurrencyCode,
): SandboxPrice {
  const zone = zoneBetween(origin, destination);
  const halfKilos = grams <= 0n ? 1n : (grams + 499n) / 500n;
  const usdCents =
    ((BASE_USD_CENTS[zone] + PER_HALF_KG_USD_CENTS[zone] * (halfKilos - 1n)) *
      product.pricePercent) /
    100n;
  const rate = MICRO_UNITS_PER_USD[currency] ?? 1_000_000n;
  const exponent = BigInt(CURRENCY_EXPONENTS[currency]);
  const numerator = usdCents * rate * 10n ** exponent;
  const denominator = 100n * 1_000_000n;
  const minor = (numerator + denominator / 2n) / denominator;
  const transitDays = zone + product.extraDays;
  return {
    currency,
    minor,
    decimal: toDecimalString(money(minor, currency)),
    transitDays,
  };
}

/** `date` (`YYYY-MM-DD`) plus `days` business days (Saturday and Sunday skipped). */
export function addBusinessDays(date: string, days: number): string {
  const current = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    current.setUTCDate(current.getUTCDate() + 1);
    const day = current.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return current.toISOString().slice(0, 10);
}
