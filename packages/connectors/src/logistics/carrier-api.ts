import { type OperationHttp, type OperationRequest, UpstreamError } from '@tollgate/core';
import type { z } from 'zod';
import {
  type CarrierCallSite,
  type CarrierErrorReader,
  parseCarrierResponse,
  withCarrierErrors,
} from './carrier-errors.js';
import { ShipmentNotFoundError } from './errors.js';

/**
 * A carrier's JSON API as its connector's operations call it: every call
 * goes through the operation's `http`, a refusal carrying the carrier's error
 * document is explained with the carrier's reader ({@link withCarrierErrors}),
 * and the answer is parsed with the schema of what the connector reads from
 * it ({@link parseCarrierResponse}). What is sent, and how the answer maps to
 * the contract, stay with the carrier.
 */
export interface CarrierApi {
  /** Where `operation`'s call happens, for the errors it becomes. */
  site(operation: string): CarrierCallSite;
  /** Send `request` for `operation` and parse its JSON answer with `schema`. */
  call<S extends z.ZodType>(
    http: OperationHttp,
    operation: string,
    schema: S,
    request: OperationRequest,
  ): Promise<z.output<S>>;
  /**
   * For `track` at a carrier that answers a tracking number it does not know
   * with HTTP 404: a `catch` handler that makes that a `ShipmentNotFoundError`
   * and rethrows anything else (`api.call(...).catch(api.notFoundOn404(n))`).
   */
  notFoundOn404(trackingNumber: string): (error: unknown) => never;
}

/** The {@link CarrierApi} of `connectorId`, whose error documents `readError` reads. */
export function carrierApi(connectorId: string, readError: CarrierErrorReader): CarrierApi {
  const site = (operation: string): CarrierCallSite => ({ connectorId, operation });
  return {
    site,
    call: async (http, operation, schema, request) => {
      const body = await withCarrierErrors(() => http.json(request), readError, site(operation));
      return parseCarrierResponse(schema, body, site(operation));
    },
    notFoundOn404: (trackingNumber) => (error) => {
      if (error instanceof UpstreamError && error.upstreamStatus === 404) {
        throw new ShipmentNotFoundError(connectorId, trackingNumber, { cause: error });
      }
      throw error;
    },
  };
}
