/**
 * Prometheus metrics of the Tollgate reference server, on prom-client: a
 * registry per app ({@link createTollgateMetrics}), connector-client
 * instrumentation ({@link instrumentIntegration}), HTTP middleware
 * ({@link httpMetrics}) and the `GET /metrics` route ({@link metricsRoute}).
 *
 * @module
 */
export {
  type ClientWithEvents,
  emitsConnectorEvents,
  instrumentIntegration,
  instrumentIntegrations,
  NO_OPERATION,
} from './instrument-client.js';
export {
  HTTP_METHODS,
  httpMetrics,
  type MetricsRouteOptions,
  metricsRoute,
  OTHER_METHOD,
  rateLimitHitRecorder,
  UNMATCHED_ROUTE,
} from './middleware.js';
export {
  HTTP_DURATION_BUCKETS,
  INTEGRATION_DURATION_BUCKETS,
  METRIC_NAMES,
  type TollgateMetricName,
} from './names.js';
export {
  type BillingEventSample,
  createTollgateMetrics,
  type HttpRequestSample,
  type IntegrationOutcome,
  type IntegrationRequestSample,
  type TollgateMetrics,
  type TollgateMetricsOptions,
} from './registry.js';
