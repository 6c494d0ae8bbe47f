import { TollgateError, type TollgateErrorOptions } from '@tollgate/core';

/**
 * The error codes the logistics connectors add to core's `ERROR_CODES`, in
 * one place. Each renders as `https://tollgate.dev/problems/<code>`.
 */
export const LOGISTICS_ERROR_CODES = {
  unsupported_operation: {
    status: 501,
    title: 'The carrier offers no API for this operation',
  },
  shipment_not_found: { status: 404, title: 'The carrier knows no such shipment' },
  no_service_available: {
    status: 422,
    title: 'The carrier offers no service of that type on this lane',
  },
} as const;

/** A logistics error code. */
export type LogisticsErrorCode = keyof typeof LOGISTICS_ERROR_CODES;

/**
 * The carrier has no public API for an operation of the logistics contract
 * (an ocean carrier and `schedulePickup`, say). Nothing was sent. Thrown by
 * {@link callLogisticsOperation}, and reported by `compareQuotes` for a client
 * without `quote`.
 */
export class UnsupportedOperationError extends TollgateError {
  /** The contract operation that is missing. */
  readonly unsupportedOperation: string;

  constructor(connectorId: string, operation: string, options: TollgateErrorOptions = {}) {
    super(
      'unsupported_operation',
      `${connectorId} offers no API for "${operation}": the connector does not provide it`,
      {
        status: LOGISTICS_ERROR_CODES.unsupported_operation.status,
        retryable: false,
        connectorId,
        operation,
        ...options,
      },
    );
    this.unsupportedOperation = operation;
  }
}

/** The carrier answered that it knows no shipment under this tracking number. */
export class ShipmentNotFoundError extends TollgateError {
  /** The tracking number asked for. */
  readonly trackingNumber: string;

  constructor(
    connectorId: string,
    trackingNumber: string,
    options: TollgateErrorOptions & { carrierCode?: string } = {},
  ) {
    const { carrierCode, ...rest } = options;
    super('shipment_not_found', `${connectorId} has no shipment ${trackingNumber}`, {
      status: LOGISTICS_ERROR_CODES.shipment_not_found.status,
      retryable: false,
      connectorId,
      operation: 'track',
      ...rest,
      details: {
        tracking_number: trackingNumber,
        ...(carrierCode === undefined ? {} : { carrier_error_code: carrierCode }),
        ...rest.details,
      },
    });
    this.trackingNumber = trackingNumber;
  }
}

/** The carrier priced the lane but offers no service of the requested type on it. */
export class NoServiceAvailableError extends TollgateError {
  constructor(connectorId: string, serviceType: string, options: TollgateErrorOptions = {}) {
    super(
      'no_service_available',
      `${connectorId} offers no ${serviceType} service for this shipment`,
      {
        status: LOGISTICS_ERROR_CODES.no_service_available.status,
        retryable: false,
        connectorId,
        operation: 'quote',
        ...options,
        details: { service_type: serviceType, ...options.details },
      },
    );
  }
}
