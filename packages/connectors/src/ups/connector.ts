import { randomUUID } from 'node:crypto';
import { defineConnector } from '@tollgate/core';
import { carrierApi } from '../logistics/carrier-api.js';
import { carrierOAuth2 } from '../logistics/carrier-oauth2.js';
import { ShipmentNotFoundError } from '../logistics/errors.js';
import { requestedPickupTime, selectQuote } from '../logistics/normalize.js';
import { LOGISTICS_CONTRACT_OPERATIONS } from '../logistics/operations.js';
import { completeLane, type PlaceField } from '../logistics/places.js';
import type { Place } from '../logistics/schema.js';
import { UPS_POSTAL_COUNTRIES, UPS_STATE_COUNTRIES } from './codes.js';
import { pickupBody, rateBody, shipBody } from './requests.js';
import {
  quoteFromUpsRate,
  readUpsError,
  shipmentResultFromUps,
  trackResultFromUps,
  UPS_ID,
} from './responses.js';
import {
  type UpsConfig,
  upsConfig,
  upsCredentials,
  upsPickupResponse,
  upsRateResponse,
  upsShipResponse,
  upsTrackResponse,
} from './schema.js';
import { upsWebhooks } from './webhook.js';

/** UPS's request headers: a unique `transId` (at most 32 characters) and the `transactionSrc`. */
function upsHeaders(config: UpsConfig): Record<string, string> {
  return { transId: randomUUID().replaceAll('-', ''), transactionSrc: config.transactionSource };
}

function requiredPlaceFields(place: Place): PlaceField[] {
  if (UPS_STATE_COUNTRIES.has(place.countryCode)) return ['postalCode', 'stateCode'];
  return UPS_POSTAL_COUNTRIES.has(place.countryCode) ? ['postalCode'] : ['city'];
}

const api = carrierApi(UPS_ID, readUpsError);

/**
 * UPS through its REST APIs: Rating (`Shoptimeintransit`), Shipping,
 * Tracking and Pickup, with an OAuth2 client-credentials token (client id and
 * secret as HTTP Basic at `/security/v1/oauth/token`), and Track Alert
 * callbacks checked against the subscription credential.
 */
export const ups = defineConnector({
  id: UPS_ID,
  kind: 'logistics',
  displayName: 'UPS',
  description:
    'UPS REST APIs: rates with transit times, shipments with labels, tracking, pick-ups and Track Alert.',
  config: upsConfig,
  credentials: upsCredentials,
  environments: {
    sandbox: 'https://wwwcie.ups.com',
    production: 'https://onlinetools.ups.com',
  },
  auth: ({ credentials }) =>
    carrierOAuth2(credentials, {
      tokenUrl: '/security/v1/oauth/token',
      clientAuthentication: 'client_secret_basic',
    }),
  // The carrier honours no idempotency key: a key must never make a booking retryable.
  transport: { timeoutMs: 15_000, idempotencyHeader: false },
  operations: {
    quote: {
      ...LOGISTICS_CONTRACT_OPERATIONS.quote,
      description: 'Price a shipment with every UPS service on the lane, with transit times',
      run: async (input, { http, config, idempotencyKey }) => {
        const [origin, destination] = completeLane(UPS_ID, input, requiredPlaceFields, config);
        const context = idempotencyKey ?? 'tollgate-quote';
        const rates = await api.call(http, 'quote', upsRateResponse, {
          method: 'POST',
          path: `/api/rating/${config.apiVersion}/Shoptimeintransit`,
          json: rateBody(config, input, origin, destination, context),
          headers: upsHeaders(config),
          idempotent: true, // rating changes nothing at UPS
        });
        const quotes = rates.RateResponse.RatedShipment.map((rated) =>
          quoteFromUpsRate(rated, input, api.site('quote')),
        );
        return selectQuote(UPS_ID, quotes, input.serviceType);
      },
    },
    createShipment: {
      ...LOGISTICS_CONTRACT_OPERATIONS.createShipment,
      description:
        'Book a UPS shipment and get its 1Z tracking numbers and labels (not retried without an idempotency key)',
      run: async (input, { http, config, idempotencyKey }) => {
        const shipped = await api.call(http, 'createShipment', upsShipResponse, {
          method: 'POST',
          path: `/api/shipments/${config.apiVersion}/ship`,
          json: shipBody(config, input, idempotencyKey ?? 'tollgate-shipment'),
          headers: upsHeaders(config),
        });
        return shipmentResultFromUps(shipped, api.site('createShipment'));
      },
    },
    track: {
      ...LOGISTICS_CONTRACT_OPERATIONS.track,
      description: 'The activities of a UPS tracking number, oldest first',
      run: async (input, { http, config }) => {
        const answer = await api
          .call(http, 'track', upsTrackResponse, {
            path: `/api/track/v1/details/${encodeURIComponent(input.trackingNumber)}`,
            query: {
              locale: 'en_US',
              returnSignature: false,
              returnMilestones: false,
              returnPOD: false,
            },
            headers: upsHeaders(config),
          })
          .catch(api.notFoundOn404(input.trackingNumber));
        const [shipment] = answer.trackResponse.shipment;
        const pkg = shipment?.package[0];
        if (pkg === undefined) {
          const warning = shipment?.warnings?.[0]?.code;
          throw new ShipmentNotFoundError(UPS_ID, input.trackingNumber, {
            ...(warning === undefined ? {} : { carrierCode: warning }),
          });
        }
        return trackResultFromUps(pkg);
      },
    },
    schedulePickup: {
      ...LOGISTICS_CONTRACT_OPERATIONS.schedulePickup,
      description: 'Book a UPS on-call pick-up (not retried without an idempotency key)',
      run: async (input, { http, config }) => {
        const pickup = await api.call(http, 'schedulePickup', upsPickupResponse, {
          method: 'POST',
          path: `/api/shipments/${config.apiVersion}/pickup/oncall`,
          json: pickupBody(config, input),
          headers: upsHeaders(config),
        });
        return {
          carrier: UPS_ID,
          confirmationNumber: pickup.PickupCreationResponse.PRN,
          ...requestedPickupTime(input.readyAt),
        };
      },
    },
  },
  webhooks: upsWebhooks,
  check: async ({ http, config }) => {
    await http.request({
      path: '/api/track/v1/details/1Z12345E0205271688',
      query: { locale: 'en_US', returnSignature: false },
      headers: { ...upsHeaders(config), accept: 'application/json' },
    });
  },
});
