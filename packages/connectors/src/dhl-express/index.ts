/**
 * `@tollgate/connectors/dhl-express`: DHL Express through the MyDHL API,
 * implementing the logistics contract (`quote`, `createShipment`, `track`,
 * `schedulePickup`). Its sandbox is at `@tollgate/connectors/dhl-express/sandbox`.
 * @packageDocumentation
 */
export { dhlCheckpointStatus, dhlServiceType } from './codes.js';
export { dhlExpress } from './connector.js';
export { DHL_EXPRESS_ID } from './responses.js';
export {
  type DhlExpressConfig,
  type DhlExpressCredentials,
  dhlExpressConfig,
  dhlExpressCredentials,
} from './schema.js';
