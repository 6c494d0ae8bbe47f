import { randomUUID } from 'node:crypto';
import { basicAuth, defineConnector, UpstreamError } from '@tollgate/core';
import { parseCarrierResponse, withCarrierErrors } from '../logistics/carrier-errors.js';
import { ShipmentNotFoundError } from '../logistics/errors.js';
import { selectQuote } from '../logistics/normalize.js';
import { completePlaces } from '../logistics/places.js';
import {
  createShipmentInput,
  createShipmentOutput,
  quoteInput,
  quoteOutput,
  schedulePickupInput,
  schedulePickupOutput,
  trackInput,
  trackOutput,
} from '../logistics/schema.js';
import { pickupBody, ratesBody, ratesQuery, shipmentBody } from './requests.js';
import {
  DHL_EXPRESS_ID,
  quoteFromDhlProduct,
  readDhlError,
  shipmentResultFromDhl,
  trackResultFromDhl,
} from './responses.js';
import {
  type DhlExpressConfig,
  dhlExpressConfig,
  dhlExpressCredentials,
  dhlPickupResponse,
  dhlRatesResponse,
  dhlShipmentResponse,
  dhlTrackingResponse,
} from './schema.js';

/** The headers every MyDHL call carries: the interface version and a fresh message reference. */
export function dhlHeaders(config: DhlExpressConfig): Record<string, string> {
  return {
    'x-version': config.apiVersion,
    'Message-Reference': randomUUID(),
    'Message-Reference-Date': new Date().toUTCString(),
  };
}

const site = (operation: string) => ({ connectorId: DHL_EXPRESS_ID, operation });

/**
 * DHL Express through the MyDHL API: rates (`GET /rates`, or `POST /rates`
 * for several pieces), shipments with labels (`POST /shipments`), tracking
 * (`GET /shipments/{n}/tracking`) and courier pick-ups (`POST /pickups`),
 * authenticated with HTTP Basic (API key and secret) and the `x-version` and
 * `Message-Reference` headers.
 */
export const dhlExpress = defineConnector({
  id: DHL_EXPRESS_ID,
  kind: 'logistics',
  displayName: 'DHL Express',
  description:
    'MyDHL API: rates, shipments with labels, tracking and courier pick-ups for time-definite international express.',
  config: dhlExpressConfig,
  credentials: dhlExpressCredentials,
  environments: {
    sandbox: 'https://express.api.dhl.com/mydhlapi/test',
    production: 'https://express.api.dhl.com/mydhlapi',
  },
  auth: ({ credentials }) =>
    basicAuth({ username: credentials.apiKey, password: credentials.apiSecret }),
  // The carrier honours no idempotency key: a key must never make a booking retryable.
  transport: { timeoutMs: 15_000, idempotencyHeader: false },
  operations: {
    quote: {
      description: 'Price a shipment with every DHL Express product available on the lane',
      input: quoteInput,
      output: quoteOutput,
      idempotent: true,
      billable: 'logistics.quote',
      run: async (input, { http, config }) => {
        const [origin, destination] = completePlaces(
          DHL_EXPRESS_ID,
          [
            { path: 'origin', place: input.origin, required: ['city'] },
            { path: 'destination', place: input.destination, required: ['city'] },
          ],
          config.placeDefaults,
        ) as [typeof input.origin, typeof input.destination];
        const body = await withCarrierErrors(
          () =>
            input.packages.length === 1
              ? http.json({
                  path: '/rates',
                  query: ratesQuery(config, input, origin, destination),
                  headers: dhlHeaders(config),
                })
              : http.json({
                  method: 'POST',
                  path: '/rates',
                  json: ratesBody(config, input, origin, destination),
                  headers: dhlHeaders(config),
                  idempotent: true, // rating changes nothing at DHL
                }),
          readDhlError,
          site('quote'),
        );
        const rates = parseCarrierResponse(dhlRatesResponse, body, site('quote'));
        const quotes = rates.products
          .map((product) => quoteFromDhlProduct(product, input, site('quote')))
          .filter((quote) => quote !== undefined);
        return selectQuote(DHL_EXPRESS_ID, quotes, input.serviceType);
      },
    },
    createShipment: {
      description:
        'Book a DHL Express shipment and get its waybill and label (not retried without an idempotency key)',
      input: createShipmentInput,
      output: createShipmentOutput,
      idempotent: false,
      billable: 'logistics.shipment',
      run: async (input, { http, config }) => {
        const body = await withCarrierErrors(
          () =>
            http.json({
              method: 'POST',
              path: '/shipments',
              json: shipmentBody(config, input),
              headers: dhlHeaders(config),
            }),
          readDhlError,
          site('createShipment'),
        );
        return shipmentResultFromDhl(
          parseCarrierResponse(dhlShipmentResponse, body, site('createShipment')),
          site('createShipment'),
        );
      },
    },
    track: {
      description: 'The checkpoints of a DHL Express waybill, oldest first',
      input: trackInput,
      output: trackOutput,
      idempotent: true,
      run: async (input, { http, config }) => {
        try {
          const body = await withCarrierErrors(
            () =>
              http.json({
                path: `/shipments/${encodeURIComponent(input.trackingNumber)}/tracking`,
                query: { trackingView: 'all-checkpoints', levelOfDetail: 'all' },
                headers: dhlHeaders(config),
              }),
            readDhlError,
            site('track'),
          );
          return trackResultFromDhl(
            parseCarrierResponse(dhlTrackingResponse, body, site('track')),
            input.trackingNumber,
          );
        } catch (error) {
          if (error instanceof UpstreamError && error.upstreamStatus === 404) {
            throw new ShipmentNotFoundError(DHL_EXPRESS_ID, input.trackingNumber, { cause: error });
          }
          throw error;
        }
      },
    },
    schedulePickup: {
      description: 'Book a DHL Express courier pick-up (not retried without an idempotency key)',
      input: schedulePickupInput,
      output: schedulePickupOutput,
      idempotent: false,
      billable: 'logistics.pickup',
      run: async (input, { http, config }) => {
        const body = await withCarrierErrors(
          () =>
            http.json({
              method: 'POST',
              path: '/pickups',
              json: pickupBody(config, input),
              headers: dhlHeaders(config),
            }),
          readDhlError,
          site('schedulePickup'),
        );
        const pickup = parseCarrierResponse(dhlPickupResponse, body, site('schedulePickup'));
        return {
          carrier: DHL_EXPRESS_ID,
          confirmationNumber: pickup.dispatchConfirmationNumbers[0] ?? '',
          pickupDate: pickup.nextPickupDate ?? input.readyAt.slice(0, 10),
          readyByTime: pickup.readyByTime ?? null,
        };
      },
    },
  },
  check: async ({ http, config }) => {
    await http.request({
      path: '/address-validate',
      query: { type: 'delivery', countryCode: 'DE', postalCode: '53113', cityName: 'Bonn' },
      headers: { ...dhlHeaders(config), accept: 'application/json' },
    });
  },
});
