import { defineConnector } from '@tollgate/core';
import { carrierOAuth2 } from '../logistics/carrier-oauth2.js';
import { dcsaTrackOperation, probeDcsaEvents } from '../logistics/dcsa.js';
import { dcsaWebhooks } from '../logistics/dcsa-webhooks.js';
import { type MscConfig, type MscCredentials, mscConfig, mscCredentials } from './schema.js';

/** The connector id, as it appears in normalized answers. */
export const MSC_ID = 'msc';

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
  auth: ({ config, credentials }) => carrierOAuth2(credentials, config),
  transport: { timeoutMs: 20_000 },
  operations: { track: dcsaTrackOperation(MSC_ID) },
  webhooks: dcsaWebhooks<MscConfig, MscCredentials>(MSC_ID, 'notificationSecret'),
  check: ({ http, config }) => probeDcsaEvents(http, config.eventsPath),
});
