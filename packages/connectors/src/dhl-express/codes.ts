import type { ServiceType } from '../logistics/schema.js';
import type { TrackingStatus } from '../logistics/tracking-status.js';

/** DHL Express product codes that are economy (deferred) services: ECONOMY SELECT. */
const ECONOMY_PRODUCTS = new Set(['H', 'W', 'G']);

/** The contract's service type of a DHL Express product code (`P` → express, `H` → economy). */
export function dhlServiceType(productCode: string): ServiceType {
  return ECONOMY_PRODUCTS.has(productCode) ? 'economy' : 'express';
}

/**
 * The product booked when a caller names none: EXPRESS WORLDWIDE (`P` for
 * goods, `D` for documents), DOMESTIC EXPRESS (`N`), or ECONOMY SELECT (`H`,
 * domestic `G`).
 */
export function defaultDhlProduct(
  serviceType: ServiceType,
  domestic: boolean,
  customsDeclarable: boolean,
): string {
  if (serviceType === 'economy') return domestic ? 'G' : 'H';
  if (domestic) return 'N';
  return customsDeclarable ? 'P' : 'D';
}

const STATUS_OF_CHECKPOINT: Record<string, TrackingStatus> = {
  PU: 'picked_up',
  PL: 'in_transit',
  DF: 'in_transit',
  AF: 'in_transit',
  CI: 'in_transit',
  TR: 'in_transit',
  CR: 'in_transit',
  AR: 'arrived',
  CC: 'customs',
  WC: 'out_for_delivery',
  OK: 'delivered',
  DD: 'delivered',
  NH: 'exception',
  OH: 'exception',
  BA: 'exception',
  CA: 'exception',
  MS: 'exception',
  RD: 'exception',
  RT: 'returned',
};

/** The contract's status of a DHL Express checkpoint code (`PU`, `WC`, `OK` …). */
export function dhlCheckpointStatus(typeCode: string): TrackingStatus {
  return STATUS_OF_CHECKPOINT[typeCode] ?? 'unknown';
}

/** A MyDHL timestamp (`2025-03-10T09:00:00GMT+01:00`) for an ISO 8601 one with an offset. */
export function dhlDateTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(
    iso,
  );
  if (match === null) return iso;
  const [, local = '', zone = 'Z'] = match;
  const seconds = local.length === 16 ? `${local}:00` : local;
  return `${seconds}GMT${zone === 'Z' ? '+00:00' : zone}`;
}
