import { randomUUID } from 'node:crypto';
import { defineConnector, oauth2ClientCredentials, UpstreamError } from '@tollgate/core';
import { parseCarrierResponse, withCarrierErrors } from '../logistics/carrier-errors.js';
import { ShipmentNotFoundError } from '../logistics/errors.js';
import { selectQuote } from '../logistics/normalize.js';
import { completePlaces, type PlaceField } from '../logistics/places.js';
import {
  createShipmentInput,
  createShipmentOutput,
  type Place,
  quoteInput,
  quoteOutput,
  schedulePickupInput,
  schedulePickupOutput,
  trackInput,
  trackOutput,
} from '../logistics/schema.js';
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

const site = (operation: string) => ({ connectorId: UPS_ID, operation });

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
    oauth2ClientCredentials({
      tokenUrl: '/security/v1/oauth/token',
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      clientAuthentication: 'client_secret_basic',
    }),
  // The carrier honours no idempotency key: a key must never make a booking retryable.
  transport: { timeoutMs: 15_000, idempotencyHeader: false },
  operations: {
    quote: {
      description: 'Price a shipment with every UPS service on the lane, with transit times',
      input: quoteInput,
      output: quoteOutput,
      idempotent: true,
      billable: 'logistics.quote',
      run: async (input, { http, config, idempotencyKey }) => {
        const [origin, destination] = completePlaces(
          UPS_ID,
          [
            { path: 'origin', place: input.origin, required: requiredPlaceFields(input.origin) },
            {
              path: 'destination',
              place: input.destination,
              required: requiredPlaceFields(input.destination),
            },
          ],
          config.placeDefaults,
        ) as [Place, Place];
        const body = await withCarrierErrors(
          () =>
            http.json({
              method: 'POST',
              path: `/api/rating/${config.apiVersion}/Shoptimeintransit`,
              json: rateBody(
                config,
                input,
                origin,
                destination,
                idempotencyKey ?? 'tollgate-quote',
              ),
              headers: upsHeaders(config),
              idempotent: true, // rating changes nothing at UPS
            }),
          readUpsError,
          site('quote'),
        );
        const rates = parseCarrierResponse(upsRateResponse, body, site('quote'));
        const quotes = rates.RateResponse.RatedShipment.map((rated) =>
          quoteFromUpsRate(rated, input, site('quote')),
        );
        return selectQuote(UPS_ID, quotes, input.serviceType);
      },
    },
    createShipment: {
      description:
        'Book a UPS shipment and get its 1Z tracking numbers and labels (not retried without an idempotency key)',
      input: createShipmentInput,
      output: createShipmentOutput,
      idempotent: false,
      billable: 'logistics.shipment',
      run: async (input, { http, config, idempotencyKey }) => {
        const body = await withCarrierErrors(
          () =>
            http.json({
              method: 'POST',
              path: `/api/shipments/${config.apiVersion}/ship`,
              json: shipBody(config, input, idempotencyKey ?? 'tollgate-shipment'),
              headers: upsHeaders(config),
            }),
          readUpsError,
          site('createShipment'),
        );
        return shipmentResultFromUps(
          parseCarrierResponse(upsShipResponse, body, site('createShipment')),
          site('createShipment'),
        );
      },
    },
    track: {
      description: 'The activities of a UPS tracking number, oldest first',
      input: trackInput,
      output: trackOutput,
      idempotent: true,
      run: async (input, { http, config }) => {
        let body: unknown;
        try {
          body = await withCarrierErrors(
            () =>
              http.json({
                path: `/api/track/v1/details/${encodeURIComponent(input.trackingNumber)}`,
                query: {
                  locale: 'en_US',
                  returnSignature: false,
                  returnMilestones: false,
                  returnPOD: false,
                },
                headers: upsHeaders(config),
              }),
            readUpsError,
            site('track'),
          );
        } catch (error) {
          if (error instanceof UpstreamError && error.upstreamStatus === 404) {
            throw new ShipmentNotFoundError(UPS_ID, input.trackingNumber, { cause: error });
          }
          throw error;
        }
        const answer = parseCarrierResponse(upsTrackResponse, body, site('track'));
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
      description: 'Book a UPS on-call pick-up (not retried without an idempotency key)',
      input: schedulePickupInput,
      output: schedulePickupOutput,
      idempotent: false,
      billable: 'logistics.pickup',
      run: async (input, { http, config }) => {
        const body = await withCarrierErrors(
          () =>
            http.json({
              method: 'POST',
              path: `/api/shipments/${config.apiVersion}/pickup/oncall`,
              json: pickupBody(config, input),
              headers: upsHeaders(config),
            }),
          readUpsError,
          site('schedulePickup'),
        );
        const pickup = parseCarrierResponse(upsPickupResponse, body, site('schedulePickup'));
        return {
          carrier: UPS_ID,
          confirmationNumber: pickup.PickupCreationResponse.PRN,
          pickupDate: input.readyAt.slice(0, 10),
          readyByTime: input.readyAt.slice(11, 16),
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
