/**
 * `@tollgate/connectors/ups`: UPS through its REST APIs (OAuth2 client
 * credentials), implementing the logistics contract (`quote`,
 * `createShipment`, `track`, `schedulePickup`) and verifying Track Alert
 * callbacks. Its sandbox is at `@tollgate/connectors/ups/sandbox`.
 * @packageDocumentation
 */
export { UPS_SERVICES, upsActivityStatus, upsServiceType } from './codes.js';
export { ups } from './connector.js';
export { UPS_ID } from './responses.js';
export {
  type UpsConfig,
  type UpsCredentials,
  upsConfig,
  upsCredentials,
} from './schema.js';
export { type UpsWebhookEvent, upsWebhookEvent } from './webhook.js';
