import { randomUUID } from 'node:crypto';
import { basicAuth, defineConnector } from '@tollgate/core';
import { carrierApi } from '../logistics/carrier-api.js';
import { selectQuote } from '../logistics/normalize.js';
import { LOGISTICS_CONTRACT_OPERATIONS } from '../logistics/operations.js';
import { completeLane } from '../logistics/places.js';
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

const api = carrierApi(DHL_EXPRESS_ID, readDhlError);

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
      ...LOGISTICS_CONTRACT_OPERATIONS.quote,
      description: 'Price a shipment with every DHL Express product available on the lane',
      run: async (input, { http, config }) => {
        const [origin, destination] = completeLane(DHL_EXPRESS_ID, input, () => ['city'], config);
        const rates = await api.call(
          http,
          'quote',
          dhlRatesResponse,
          input.packages.length === 1
            ? {
                path: '/rates',
                query: ratesQuery(config, input, origin, destination),
                headers: dhlHeaders(config),
              }
            : {
                method: 'POST',
                path: '/rates',
                json: ratesBody(config, input, origin, destination),
                headers: dhlHeaders(config),
                idempotent: true, // rating changes nothing at DHL
              },
        );
        const quotes = rates.products
          .map((product) => quoteFromDhlProduct(product, input, api.site('quote')))
          .filter((quote) => quote !== undefined);
        return selectQuote(DHL_EXPRESS_ID, quotes, input.serviceType);
      },
    },
    createShipment: {
      ...LOGISTICS_CONTRACT_OPERATIONS.createShipment,
      description:
        'Book a DHL Express shipment and get its waybill and label (not retried without an idempotency key)',
      run: async (input, { http, config }) => {
        const shipped = await api.call(http, 'createShipment', dhlShipmentResponse, {
          method: 'POST',
          path: '/shipments',
          json: shipmentBody(config, input),
          headers: dhlHeaders(config),
        });
        return shipmentResultFromDhl(shipped, api.site('createShipment'));
      },
    },
    track: {
      ...LOGISTICS_CONTRACT_OPERATIONS.track,
      description: 'The checkpoints of a DHL Express waybill, oldest first',
      run: async (input, { http, config }) => {
        const answer = await api
          .call(http, 'track', dhlTrackingResponse, {
            path: `/shipments/${encodeURIComponent(input.trackingNumber)}/tracking`,
            query: { trackingView: 'all-checkpoints', levelOfDetail: 'all' },
            headers: dhlHeaders(config),
          })
          .catch(api.notFoundOn404(input.trackingNumber));
        return trackResultFromDhl(answer, input.trackingNumber);
      },
    },
    schedulePickup: {
      ...LOGISTICS_CONTRACT_OPERATIONS.schedulePickup,
      description: 'Book a DHL Express courier pick-up (not retried without an idempotency key)',
      run: async (input, { http, config }) => {
        const pickup = await api.call(http, 'schedulePickup', dhlPickupResponse, {
          method: 'POST',
          path: '/pickups',
          json: pickupBody(config, input),
          headers: dhlHeaders(config),
        });
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
