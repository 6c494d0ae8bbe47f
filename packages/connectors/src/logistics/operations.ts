import type { RunOptions } from '@tollgate/core';
import { UnsupportedOperationError } from './errors.js';

/**
 * The operations of the logistics contract. `track` is required of every
 * carrier connector; `quote`, `createShipment` and `schedulePickup` are
 * optional: a connector leaves out an operation its carrier has no public API
 * for (ocean carriers do not collect parcels), rather than faking one.
 */
export const LOGISTICS_OPERATIONS = ['quote', 'createShipment', 'track', 'schedulePickup'] as const;

/** An operation of the logistics contract. */
export type LogisticsOperation = (typeof LOGISTICS_OPERATIONS)[number];

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
