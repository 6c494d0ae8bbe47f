import { defineConnector } from '@tollgate/core';
import { carrierApi } from '../logistics/carrier-api.js';
import { dcsaTrackOperation, probeDcsaEvents, readDcsaError } from '../logistics/dcsa.js';
import { dcsaWebhooks } from '../logistics/dcsa-webhooks.js';
import { selectQuote } from '../logistics/normalize.js';
import { LOGISTICS_CONTRACT_OPERATIONS } from '../logistics/operations.js';
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

const api = carrierApi(MAERSK_ID, readDcsaError);

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
      ...LOGISTICS_CONTRACT_OPERATIONS.quote,
      description: 'Price full containers between two ports, one offer per sailing (Maersk Spot)',
      input: maerskQuoteInput,
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
        const offers = await api.call(http, 'quote', maerskOffersResponse, {
          path: offersPath(config, input.shipDate),
          query: offersQuery(input, originPort, destinationPort),
        });
        return selectQuote(
          MAERSK_ID,
          offers.offers.map((offer) => quoteFromMaerskOffer(offer, api.site('quote'))),
          'ocean',
        );
      },
    },
    track: dcsaTrackOperation(MAERSK_ID),
  },
  webhooks: dcsaWebhooks<MaerskConfig, MaerskCredentials>(MAERSK_ID, 'notificationSecret'),
  check: async ({ http, config, credentials }) => {
    // With a client secret, probe the token-protected events API; else the Offers product definition.
    await (credentials.clientSecret === undefined
      ? http.request({
          path: '/offers/v1/products/MaerskSpot',
          headers: { accept: 'application/json' },
        })
      : probeDcsaEvents(http, config.eventsPath));
  },
});
