import { randomUUID } from 'node:crypto';
import { defineConnector } from '@tollgate/core';
import { carrierApi } from '../logistics/carrier-api.js';
import { carrierOAuth2 } from '../logistics/carrier-oauth2.js';
import { ShipmentNotFoundError } from '../logistics/errors.js';
import { requestedPickupTime, selectQuote } from '../logistics/normalize.js';
import { LOGISTICS_CONTRACT_OPERATIONS } from '../logistics/operations.js';
import { completeLane, type PlaceField } from '../logistics/places.js';
import type { Place } from '../logistics/schema.js';
import { FEDEX_POSTAL_AWARE_COUNTRIES } from './codes.js';
import { pickupBody, rateBody, shipBody, trackBody } from './requests.js';
import {
  FEDEX_ID,
  quoteFromFedexRate,
  readFedexError,
  shipmentResultFromFedex,
  trackResultFromFedex,
} from './responses.js';
import {
  fedexConfig,
  fedexCredentials,
  fedexPickupResponse,
  fedexRateResponse,
  fedexShipResponse,
  fedexTrackResponse,
} from './schema.js';
import { fedexWebhooks } from './webhook.js';

/** FedEx's request headers: the locale, and a transaction id FedEx echoes (the idempotency key when there is one). */
function fedexHeaders(idempotencyKey: string | undefined): Record<string, string> {
  return {
    'X-locale': 'en_US',
    'x-customer-transaction-id': idempotencyKey ?? randomUUID(),
  };
}

function requiredPlaceFields(place: Place): PlaceField[] {
  return FEDEX_POSTAL_AWARE_COUNTRIES.has(place.countryCode) ? ['postalCode'] : ['city'];
}

const api = carrierApi(FEDEX_ID, readFedexError);

/**
 * FedEx through the FedEx APIs (REST): Rate, Ship, Track and Pickup, with an
 * OAuth2 client-credentials token (`POST /oauth/token`, client id and secret
 * in the form), and `fdx-signature` verification of tracking webhooks.
 */
export const fedex = defineConnector({
  id: FEDEX_ID,
  kind: 'logistics',
  displayName: 'FedEx',
  description:
    'FedEx REST APIs: rates, shipments with labels, tracking, pick-ups and tracking webhooks.',
  config: fedexConfig,
  credentials: fedexCredentials,
  environments: {
    sandbox: 'https://apis-sandbox.fedex.com',
    production: 'https://apis.fedex.com',
  },
  auth: ({ credentials }) =>
    carrierOAuth2(credentials, {
      tokenUrl: '/oauth/token',
      clientAuthentication: 'client_secret_post',
    }),
  // The carrier honours no idempotency key: a key must never make a booking retryable.
  transport: { timeoutMs: 15_000, idempotencyHeader: false },
  operations: {
    quote: {
      ...LOGISTICS_CONTRACT_OPERATIONS.quote,
      description: 'Price a shipment with every FedEx service on the lane (account rates)',
      run: async (input, { http, config, idempotencyKey }) => {
        const [origin, destination] = completeLane(FEDEX_ID, input, requiredPlaceFields, config);
        const rates = await api.call(http, 'quote', fedexRateResponse, {
          method: 'POST',
          path: '/rate/v1/rates/quotes',
          json: rateBody(config, input, origin, destination),
          headers: fedexHeaders(idempotencyKey),
          idempotent: true, // rating changes nothing at FedEx
        });
        const quotes = rates.output.rateReplyDetails.map((detail) =>
          quoteFromFedexRate(detail, input, api.site('quote')),
        );
        return selectQuote(FEDEX_ID, quotes, input.serviceType);
      },
    },
    createShipment: {
      ...LOGISTICS_CONTRACT_OPERATIONS.createShipment,
      description:
        'Book a FedEx shipment and get its tracking numbers and PDF label (not retried without an idempotency key)',
      run: async (input, { http, config, idempotencyKey }) => {
        const shipped = await api.call(http, 'createShipment', fedexShipResponse, {
          method: 'POST',
          path: '/ship/v1/shipments',
          json: shipBody(config, input),
          headers: fedexHeaders(idempotencyKey),
        });
        return shipmentResultFromFedex(shipped, api.site('createShipment'));
      },
    },
    track: {
      ...LOGISTICS_CONTRACT_OPERATIONS.track,
      description: 'The scan events of a FedEx tracking number, oldest first',
      run: async (input, { http, idempotencyKey }) => {
        const answer = await api.call(http, 'track', fedexTrackResponse, {
          method: 'POST',
          path: '/track/v1/trackingnumbers',
          json: trackBody(input.trackingNumber),
          headers: fedexHeaders(idempotencyKey),
          idempotent: true, // tracking changes nothing
        });
        const result = answer.output.completeTrackResults[0]?.trackResults[0];
        if (result === undefined || result.error !== undefined) {
          throw new ShipmentNotFoundError(FEDEX_ID, input.trackingNumber, {
            ...(result?.error?.code === undefined ? {} : { carrierCode: result.error.code }),
          });
        }
        return trackResultFromFedex(result, input.trackingNumber);
      },
    },
    schedulePickup: {
      ...LOGISTICS_CONTRACT_OPERATIONS.schedulePickup,
      description: 'Book a FedEx courier pick-up (not retried without an idempotency key)',
      run: async (input, { http, config, idempotencyKey }) => {
        const pickup = await api.call(http, 'schedulePickup', fedexPickupResponse, {
          method: 'POST',
          path: '/pickup/v1/pickups',
          json: pickupBody(config, input),
          headers: fedexHeaders(idempotencyKey),
        });
        const { location, pickupConfirmationCode } = pickup.output;
        return {
          carrier: FEDEX_ID,
          // FedEx needs both the location and the code to cancel a pick-up: keep both.
          confirmationNumber: location
            ? `${location}-${pickupConfirmationCode}`
            : pickupConfirmationCode,
          ...requestedPickupTime(input.readyAt),
        };
      },
    },
  },
  webhooks: fedexWebhooks,
  check: async ({ http }) => {
    await http.request({
      method: 'POST',
      path: '/address/v1/addresses/resolve',
      json: {
        addressesToValidate: [
          {
            address: {
              streetLines: ['7372 PARKRIDGE BLVD'],
              city: 'IRVING',
              stateOrProvinceCode: 'TX',
              postalCode: '75063',
              countryCode: 'US',
            },
          },
        ],
      },
      headers: fedexHeaders(undefined),
      idempotent: true,
    });
  },
});
