import { defineConnector } from '@tollgate/core';
import { parseCarrierResponse, withCarrierErrors } from '../logistics/carrier-errors.js';
import { dcsaTrackInput, readDcsaError, trackWithDcsa } from '../logistics/dcsa.js';
import { dcsaWebhooks } from '../logistics/dcsa-webhooks.js';
import { selectQuote } from '../logistics/normalize.js';
import { quoteOutput, trackOutput } from '../logistics/schema.js';
import { maerskAuth } from './consumer-key-auth.js';
import { MAERSK_ID, offersPath, offersQuery, quoteFromMaerskOffer } from './offers.js';
import { portFor } from './ports.js';
import {
  type MaerskConfig,
  type MaerskCredentials,
  maerskConfig,
  maerskCredentials,
  maerskOffersResponse,
  maerskQuoteInput,
} from './schema.js';

const site = (operation: string) => ({ connectorId: MAERSK_ID, operation });

/**
 * Maersk (ocean): spot quotes from the Product Offers API (Maersk Spot, one
 * offer per sailing, Maersk's `priceId` as the quote id), container tracking
 * through DCSA Track & Trace 2.2 events, and DCSA event-subscription
 * notifications (`Notification-Signature`). `Consumer-Key` on every call,
 * plus an OAuth2 token when a client secret is configured. Maersk has no
 * parcel-style booking or pick-up API: those operations are not provided.
 */
export const maersk = defineConnector({
  id: MAERSK_ID,
  kind: 'logistics',
  displayName: 'Maersk',
  description:
    'Maersk ocean: Maersk Spot quotes (Product Offers) and DCSA Track & Trace events and subscriptions.',
  config: maerskConfig,
  credentials: maerskCredentials,
  environments: {
    sandbox: 'https://api-stage.maersk.com',
    production: 'https://api.maersk.com',
  },
  auth: ({ credentials }) => maerskAuth(credentials.consumerKey, credentials.clientSecret),
  transport: { timeoutMs: 20_000 },
  operations: {
    quote: {
      description: 'Price full containers between two ports, one offer per sailing (Maersk Spot)',
      input: maerskQuoteInput,
      output: quoteOutput,
      idempotent: true,
      billable: 'logistics.quote',
      run: async (input, { http, config }) => {
        const originPort = portFor(
          'origin',
          input.origin.countryCode,
          input.originPort,
          config.portDefaults,
        );
        const destinationPort = portFor(
          'destination',
          input.destination.countryCode,
          input.destinationPort,
          config.portDefaults,
        );
        const body = await withCarrierErrors(
          () =>
            http.json({
              path: offersPath(config, input.shipDate),
              query: offersQuery(input, originPort, destinationPort),
            }),
          readDcsaError,
          site('quote'),
        );
        const offers = parseCarrierResponse(maerskOffersResponse, body, site('quote'));
        return selectQuote(
          MAERSK_ID,
          offers.offers.map((offer) => quoteFromMaerskOffer(offer, site('quote'))),
          'ocean',
        );
      },
    },
    track: {
      description: 'The DCSA events of a B/L, container or booking, oldest first',
      input: dcsaTrackInput,
      output: trackOutput,
      idempotent: true,
      run: (input, { http, config }) =>
        withCarrierErrors(
          () =>
            trackWithDcsa(
              http,
              input,
              { path: config.eventsPath, headers: { 'API-Version': '2' } },
              site('track'),
            ),
          readDcsaError,
          site('track'),
        ),
    },
  },
  webhooks: dcsaWebhooks<MaerskConfig, MaerskCredentials>(MAERSK_ID, 'notificationSecret'),
  check: async ({ http, config, credentials }) => {
    // With a client secret, probe the token-protected events API; else the Offers product definition.
    await (credentials.clientSecret === undefined
      ? http.request({
          path: '/offers/v1/products/MaerskSpot',
          headers: { accept: 'application/json' },
        })
      : http.request({
          path: config.eventsPath,
          query: { carrierBookingReference: '000000000', limit: 1 },
          headers: { accept: 'application/json', 'API-Version': '2' },
        }));
  },
});
