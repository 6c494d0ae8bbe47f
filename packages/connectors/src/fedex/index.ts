/**
 * `@tollgate/connectors/fedex`: FedEx through its REST APIs (OAuth2 client
 * credentials), implementing the logistics contract (`quote`,
 * `createShipment`, `track`, `schedulePickup`) and verifying tracking
 * webhooks (`fdx-signature`). Its sandbox is at `@tollgate/connectors/fedex/sandbox`.
 * @packageDocumentation
 */
export {
  fedexCurrencyOfIso,
  fedexEventStatus,
  fedexServiceType,
  fedexTransitDays,
  isoCurrencyOfFedex,
} from './codes.js';
export { fedex } from './connector.js';
export { FEDEX_ID } from './responses.js';
export {
  type FedexConfig,
  type FedexCredentials,
  fedexConfig,
  fedexCredentials,
} from './schema.js';
export { type FedexWebhookEvent, fedexWebhookEvent } from './webhook.js';
