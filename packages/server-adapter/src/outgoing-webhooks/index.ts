// Outgoing webhooks: tenants subscribe endpoints, the platform publishes events into a
// persisted queue in the billing store's database, and a delivery worker POSTs them,
// signed per Standard Webhooks, with retries and a dead-letter state.

/**
 * Where deliveries may go: {@link isPublicAddress}, {@link literalHostProblem}
 * (at subscription) and {@link destinationProblem} (resolved before every attempt).
 */
export {
  DESTINATION_REFUSED_CODE,
  destinationProblem,
  isPublicAddress,
  literalHostProblem,
  publicAddressLookup,
  type ResolveAll,
} from './destination.js';
/**
 * Event-type filters and endpoint checks: {@link matchesEventFilters} (exact,
 * `prefix.*`, `*`), {@link isWebhookEventType}, {@link eventFilterProblem},
 * {@link webhookUrlProblem} (https; http only for localhost when allowed),
 * {@link webhookEndpointIssues} and their limits.
 */
export {
  eventFilterProblem,
  isWebhookEventType,
  MAX_EVENT_FILTERS,
  MAX_EVENT_TYPE_LENGTH,
  MAX_WEBHOOK_DESCRIPTION_LENGTH,
  MAX_WEBHOOK_URL_LENGTH,
  matchesEventFilters,
  type WebhookEndpointFields,
  webhookEndpointIssues,
  webhookUrlProblem,
} from './filters.js';
/**
 * The tables (`tollgate_webhook_endpoints`, `tollgate_webhook_deliveries`),
 * recorded under component `server-adapter-webhooks`, and
 * {@link migrateWebhookTables} (once per surface; the store also runs it on first use).
 */
export {
  migrateWebhookTables,
  WEBHOOK_DELIVERIES_TABLE,
  WEBHOOK_ENDPOINTS_TABLE,
  WEBHOOK_MIGRATIONS,
  WEBHOOK_MIGRATIONS_COMPONENT,
} from './migrations.js';
/**
 * The HTTP routes: {@link outgoingWebhookRoutes} (`/webhook-endpoints…`) and
 * the 409 {@link DeliveryNotReplayableError} of a replay of a queued delivery.
 */
export {
  DeliveryNotReplayableError,
  type OutgoingWebhookRoutesOptions,
  outgoingWebhookRoutes,
} from './routes.js';
/**
 * The SQL store ({@link sqlWebhookStore}): endpoints, `publish`, the delivery
 * log, replay, and the worker's `claimDue` / `recordAttempt`; the retry
 * schedule {@link WEBHOOK_RETRY_OFFSETS_MS} and the record types.
 */
export {
  type ClaimedDelivery,
  type CreatedWebhookEndpoint,
  MAX_WEBHOOK_ATTEMPTS,
  MAX_WEBHOOK_ENDPOINTS_PER_TENANT,
  MAX_WEBHOOK_PAYLOAD_BYTES,
  type NewWebhookEndpoint,
  type PublishedWebhookEvent,
  sqlWebhookStore,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_RETRY_OFFSETS_MS,
  type WebhookAttemptOutcome,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
  type WebhookEventInput,
  type WebhookReplayOutcome,
  type WebhookStore,
  type WebhookStoreOptions,
} from './store.js';
/**
 * The delivery worker ({@link createDeliveryWorker}: `runOnce`, `start`,
 * `stop`), its options and defaults.
 */
export {
  createDeliveryWorker,
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
  WEBHOOK_USER_AGENT,
} from './worker.js';
