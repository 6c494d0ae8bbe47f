import type { RunOptions } from '@tollgate/core';
import { UnsupportedOperationError } from './errors.js';
import {
  createShipmentInput,
  createShipmentOutput,
  quoteInput,
  quoteOutput,
  schedulePickupInput,
  schedulePickupOutput,
  trackInput,
  trackOutput,
} from './schema.js';

/**
 * The operations of the logistics contract. `track` is required of every
 * carrier connector; `quote`, `createShipment` and `schedulePickup` are
 * optional: a connector leaves out an operation its carrier has no public API
 * for (ocean carriers do not collect parcels), rather than faking one.
 */
export const LOGISTICS_OPERATIONS = ['quote', 'createShipment', 'track', 'schedulePickup'] as const;

/** An operation of the logistics contract. */
export type LogisticsOperation = (typeof LOGISTICS_OPERATIONS)[number];

/**
 * What the contract fixes of each operation, whichever the carrier: its
 * schemas, whether the carrier call may be sent twice, and what it bills as.
 * A carrier spreads one into its operation and adds its own description and
 * `run` (`quote: { ...LOGISTICS_CONTRACT_OPERATIONS.quote, description, run }`);
 * an ocean carrier overrides `input` with its extended schema.
 */
export const LOGISTICS_CONTRACT_OPERATIONS = Object.freeze({
  quote: { input: quoteInput, output: quoteOutput, idempotent: true, billable: 'logistics.quote' },
  createShipment: {
    input: createShipmentInput,
    output: createShipmentOutput,
    idempotent: false,
    billable: 'logistics.shipment',
  },
  track: { input: trackInput, output: trackOutput, idempotent: true },
  schedulePickup: {
    input: schedulePickupInput,
    output: schedulePickupOutput,
    idempotent: false,
    billable: 'logistics.pickup',
  },
});

/** The operations every logistics connector must provide. */
export const REQUIRED_LOGISTICS_OPERATIONS: readonly LogisticsOperation[] = Object.freeze([
  'track',
]);

/** A connected client, seen only as far as this module needs. */
export interface LogisticsClientLike {
  readonly connectorId: string;
  readonly operations: object;
}

/** Whether a connected client provides `operation`. */
export function supportsOperation(
  client: LogisticsClientLike,
  operation: LogisticsOperation,
): boolean {
  return typeof (client.operations as Record<string, unknown>)[operation] === 'function';
}

/**
 * Run a contract operation on any logistics client, or throw a typed
 * `UnsupportedOperationError` (501, nothing sent) when its carrier has no API
 * for it. For callers that hold clients of several carriers, like a server
 * route `POST /integrations/logistics/{id}/pickup`.
 */
export async function callLogisticsOperation(
  client: LogisticsClientLike,
  operation: LogisticsOperation,
  input: unknown,
  options?: RunOptions,
): Promise<unknown> {
  const run = (client.operations as Record<string, unknown>)[operation];
  if (typeof run !== 'function') {
    throw new UnsupportedOperationError(client.connectorId, operation);
  }
  return (run as (input: unknown, options?: RunOptions) => Promise<unknown>).call(
    client.operations,
    input,
    options,
  );
}
