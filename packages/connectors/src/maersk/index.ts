/**
 * `@tollgate/connectors/maersk`: Maersk ocean freight, implementing the
 * logistics contract's `quote` (Maersk Spot offers) and `track` (DCSA Track &
 * Trace 2.2), and verifying DCSA event-subscription notifications. Maersk
 * offers no parcel booking or pick-up API, so `createShipment` and
 * `schedulePickup` are not provided. Sandbox: `@tollgate/connectors/maersk/sandbox`.
 * @packageDocumentation
 */

export { maersk } from './connector.js';
export { MAERSK_CONSUMER_KEY_HEADER, maerskAuth, maerskConsumerKey } from './consumer-key-auth.js';
export { MAERSK_ID } from './offers.js';
export { MAIN_CONTAINER_PORTS } from './ports.js';
export {
  MAERSK_CONTAINERS,
  type MaerskConfig,
  type MaerskCredentials,
  maerskConfig,
  maerskCredentials,
  maerskQuoteInput,
  unLocode,
} from './schema.js';
