/**
 * `@tollgate/connectors/logistics`: the logistics contract every carrier
 * connector implements (`quote`, `createShipment`, `track`, `schedulePickup`),
 * its normalized schemas and tracking statuses, `compareQuotes`, the helpers
 * carriers map their answers with, DCSA Track & Trace, and the carriers'
 * webhook signature schemes.
 * @packageDocumentation
 */
export {
  type CarrierCallSite,
  type CarrierErrorDetail,
  type CarrierErrorReader,
  explainCarrierError,
  parseCarrierResponse,
  withCarrierErrors,
} from './carrier-errors.js';
export {
  type CarrierAmountOptions,
  decimalFromJsonNumber,
  jsonNumberForCarrier,
  moneyFromCarrierAmount,
} from './carrier-money.js';
export {
  type CarrierFailure,
  type CompareQuotesOptions,
  compareQuotes,
  type MoneyConverter,
  type QuoteComparison,
  type QuoteRanking,
  type QuotingClient,
  type RankedQuote,
} from './compare-quotes.js';
export {
  DCSA_EVENT_CLASSIFIERS,
  type DcsaEvent,
  dcsaEquipmentEvent,
  dcsaEvent,
  dcsaEventsResponse,
  dcsaNotificationEvent,
  dcsaReferenceParameter,
  dcsaReferenceType,
  dcsaShipmentEvent,
  dcsaTrackInput,
  dcsaTransportCall,
  dcsaTransportEvent,
  type FetchDcsaEventsOptions,
  fetchDcsaEvents,
  readDcsaError,
  trackResultFromDcsaEvents,
  trackWithDcsa,
} from './dcsa.js';
export { type DcsaNotificationEventSchema, dcsaWebhooks } from './dcsa-webhooks.js';
export {
  LOGISTICS_ERROR_CODES,
  type LogisticsErrorCode,
  NoServiceAvailableError,
  ShipmentNotFoundError,
  UnsupportedOperationError,
} from './errors.js';
export {
  buildTrackResult,
  compareQuotesByPriceThenTransit,
  derivedQuoteId,
  locationName,
  selectQuote,
  type TrackingParts,
} from './normalize.js';
export {
  callLogisticsOperation,
  LOGISTICS_OPERATIONS,
  type LogisticsClientLike,
  type LogisticsOperation,
  REQUIRED_LOGISTICS_OPERATIONS,
  supportsOperation,
} from './operations.js';
export {
  completePlaces,
  type PlaceDefaults,
  type PlaceField,
  type PlaceRequirement,
  placeDefaults,
} from './places.js';
export {
  type QuoteRequestBody,
  quoteInputFromRequestBody,
  quoteRequestBody,
} from './quote-request.js';
export {
  address,
  type CreateShipmentInput,
  countryCode,
  createShipmentInput,
  createShipmentOutput,
  DEFAULT_PARCELS,
  isoDate,
  isoDateTime,
  money,
  moneyInput,
  type NormalizedQuote,
  normalizedQuote,
  type Parcel,
  type ParsedCreateShipmentInput,
  type ParsedQuoteInput,
  type ParsedSchedulePickupInput,
  type Party,
  type PickupResult,
  type Place,
  parcel,
  party,
  place,
  type QuoteInput,
  type QuoteResult,
  quoteInput,
  quoteOutput,
  type SchedulePickupInput,
  type ServiceType,
  type ShipmentResult,
  schedulePickupInput,
  schedulePickupOutput,
  serviceType,
  shippingDocument,
  type TrackInput,
  type TrackingEvent,
  type TrackResult,
  todayUtc,
  trackInput,
  trackingEvent,
  trackOutput,
  weightKg,
} from './schema.js';
export { TRACKING_STATUSES, type TrackingStatus, trackingStatus } from './tracking-status.js';
export {
  DCSA_SIGNATURE_HEADER,
  DCSA_SUBSCRIPTION_ID_HEADER,
  dcsaNotificationSignatureScheme,
  FEDEX_SIGNATURE_HEADER,
  fedexSignatureScheme,
  headerValue,
  logisticsWebhookRegistry,
  MIN_DCSA_SECRET_BYTES,
  signDcsaNotification,
  signFedexWebhook,
  UPS_CREDENTIAL_HEADER,
  upsCredentialScheme,
} from './webhook-schemes.js';
