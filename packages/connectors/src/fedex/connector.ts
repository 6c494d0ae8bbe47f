import { randomUUID } from 'node:crypto';
import { defineConnector, oauth2ClientCredentials } from '@tollgate/core';
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

const site = (operation: string) => ({ connectorId: FEDEX_ID, operation });

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
    oauth2ClientCredentials({
      tokenUrl: '/oauth/token',
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      clientAuthentication: 'client_secret_post',
    }),
  // The carrier honours no idempotency key: a key must never make a booking retryable.
  transport: { timeoutMs: 15_000, idempotencyHeader: false },
  operations: {
    quote: {
      description: 'Price a shipment with every FedEx service on the lane (account rates)',
      input: quoteInput,
      output: quoteOutput,
      idempotent: true,
      billable: 'logistics.quote',
      run: async (input, { http, config, idempotencyKey }) => {
        const [origin, destination] = completePlaces(
          FEDEX_ID,
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
              path: '/rate/v1/rates/quotes',
              json: rateBody(config, input, origin, destination),
              headers: fedexHeaders(idempotencyKey),
              idempotent: true, // rating changes nothing at FedEx
            }),
          readFedexError,
          site('quote'),
        );
        const rates = parseCarrierResponse(fedexRateResponse, body, site('quote'));
        const quotes = rates.output.rateReplyDetails.map((detail) =>
          quoteFromFedexRate(detail, input, site('quote')),
        );
        return selectQuote(FEDEX_ID, quotes, input.serviceType);
      },
    },
    createShipment: {
      description:
        'Book a FedEx shipment and get its tracking numbers and PDF label (not retried without an idempotency key)',
      input: createShipmentInput,
      output: createShipmentOutput,
      idempotent: false,
      billable: 'logistics.shipment',
      run: async (input, { http, config, idempotencyKey }) => {
        const body = await withCarrierErrors(
          () =>
            http.json({
              method: 'POST',
              path: '/ship/v1/shipments',
              json: shipBody(config, input),
              headers: fedexHeaders(idempotencyKey),
            }),
          readFedexError,
          site('createShipment'),
        );
        return shipmentResultFromFedex(
          parseCarrierResponse(fedexShipResponse, body, site('createShipment')),
          site('createShipment'),
        );
      },
    },
    track: {
      description: 'The scan events of a FedEx tracking number, oldest first',
      input: trackInput,
      output: trackOutput,
      idempotent: true,
      run: async (input, { http, idempotencyKey }) => {
        const body = await withCarrierErrors(
          () =>
            http.json({
              method: 'POST',
              path: '/track/v1/trackingnumbers',
              json: trackBody(input.trackingNumber),
              headers: fedexHeaders(idempotencyKey),
              idempotent: true, // tracking changes nothing
            }),
          readFedexError,
          site('track'),
        );
        const answer = parseCarrierResponse(fedexTrackResponse, body, site('track'));
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
      description: 'Book a FedEx courier pick-up (not retried without an idempotency key)',
      input: schedulePickupInput,
      output: schedulePickupOutput,
      idempotent: false,
      billable: 'logistics.pickup',
      run: async (input, { http, config, idempotencyKey }) => {
        const body = await withCarrierErrors(
          () =>
            http.json({
              method: 'POST',
              path: '/pickup/v1/pickups',
              json: pickupBody(config, input),
              headers: fedexHeaders(idempotencyKey),
            }),
          readFedexError,
          site('schedulePickup'),
        );
        const pickup = parseCarrierResponse(fedexPickupResponse, body, site('schedulePickup'));
        return {
          carrier: FEDEX_ID,
          // FedEx needs both the location and the code to cancel a pick-up: keep both.
          confirmationNumber: pickup.output.location
            ? `${pickup.output.location}-${pickup.output.pickupConfirmationCode}`
            : pickup.output.pickupConfirmationCode,
          pickupDate: input.readyAt.slice(0, 10),
          readyByTime: input.readyAt.slice(11, 16),
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
