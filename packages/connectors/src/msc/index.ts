/**
 * `@tollgate/connectors/msc`: MSC ocean freight, implementing the logistics
 * contract's `track` through DCSA Track & Trace 2.2 and verifying DCSA
 * event-subscription notifications. MSC publishes no quoting, booking or
 * pick-up API, so those operations are not provided. Sandbox:
 * `@tollgate/connectors/msc/sandbox`.
 * @packageDocumentation
 */
export { MSC_ID, msc } from './connector.js';
export { type MscConfig, type MscCredentials, mscConfig, mscCredentials } from './schema.js';
