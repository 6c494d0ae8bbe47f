import { defineConnector, oauth2ClientCredentials } from '@tollgate/core';
import { withCarrierErrors } from '../logistics/carrier-errors.js';
import { dcsaTrackInput, readDcsaError, trackWithDcsa } from '../logistics/dcsa.js';
import { dcsaWebhooks } from '../logistics/dcsa-webhooks.js';
import { trackOutput } from '../logistics/schema.js';
import { type MscConfig, type MscCredentials, mscConfig, mscCredentials } from './schema.js';

/** The connector id, as it appears in normalized answers. */
export const MSC_ID = 'msc';

const site = (operation: string) => ({ connectorId: MSC_ID, operation });

/**
 * MSC (Mediterranean Shipping Company): container tracking through DCSA
 * Track & Trace 2.2 (`GET /v2/events`) and DCSA event-subscription
 * notifications (`Notification-Signature`), with an OAuth2 client-credentials
 * token. MSC publishes no quoting, booking or pick-up API for integrators:
 * `quote`, `createShipment` and `schedulePickup` are not provided.
 *
 * MSC issues its API host and token endpoint at onboarding: pass the host as
 * `connect({ baseUrl })` and the token endpoint as `config.tokenUrl`. The
 * `production` URL below is a placeholder for that host.
 */
export const msc = defineConnector({
  id: MSC_ID,
  kind: 'logistics',
  displayName: 'MSC',
  description: 'MSC ocean: DCSA Track & Trace events and event-subscription notifications.',
  config: mscConfig,
  credentials: mscCredentials,
  environments: {
    sandbox: 'https://msc.sandbox.tollgate.test',
    production: 'https://api.msc.com',
  },
  auth: ({ config, credentials }) =>
    oauth2ClientCredentials({
      tokenUrl: config.tokenUrl,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      clientAuthentication: config.clientAuthentication,
      ...(config.scopes === undefined ? {} : { scopes: config.scopes }),
    }),
  transport: { timeoutMs: 20_000 },
  operations: {
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
  webhooks: dcsaWebhooks<MscConfig, MscCredentials>(MSC_ID, 'notificationSecret'),
  check: async ({ http, config }) => {
    await http.request({
      path: config.eventsPath,
      query: { carrierBookingReference: '000000000', limit: 1 },
      headers: { accept: 'application/json', 'API-Version': '2' },
    });
  },
});
