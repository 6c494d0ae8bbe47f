/**
 * The names of every metric `createTollgateMetrics` registers, before
 * the optional `prefix`. Dashboards and alerts should use these, never raw strings.
 *
 * `submission_retry_count` keeps the spec's name although it is a counter
 * (Prometheus convention would end it in `_total`).
 */
export const METRIC_NAMES = Object.freeze({
  /** Counter: partner HTTP calls by `integration_id`, `operation`, `outcome` (`success` | `failure` | `retry`). */
  integrationRequests: 'integration_requests_total',
  /** Histogram: seconds a partner call took, retries and back-off included; `integration_id`, `operation`. */
  integrationRequestDuration: 'integration_request_duration_seconds',
  /** Counter: billing events by `operation`, `tier`, `currency`. */
  billingEvents: 'billing_events_total',
  /** Counter: charged money in MINOR units (cents) by `currency`. */
  billingRevenue: 'billing_revenue_total',
  /** Counter: reversed (refunded or corrected) money in MINOR units by `currency`. */
  billingRevenueReversed: 'billing_revenue_reversed_total',
  /** Gauge: 1 when the integration is up, 0 when down; `integration_id`. */
  integrationHealth: 'integration_health_status',
  /** Counter: partner attempts retried, by `integration_id`. */
  submissionRetries: 'submission_retry_count',
  /** Counter: requests refused by a rate limit, by `route` pattern. */
  rateLimitHits: 'rate_limit_hits_total',
  /** Counter: HTTP requests served, by `method`, `route` pattern, `status`. */
  httpRequests: 'http_requests_total',
  /** Histogram: seconds until the response was ready; `method`, `route`, `status`. */
  httpRequestDuration: 'http_request_duration_seconds',
} as const);

/** The name of one Tollgate metric (without prefix). */
export type TollgateMetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];

/**
 * Buckets (seconds) of `integration_request_duration_seconds`: partner calls
 * take from milliseconds (sandbox) to tens of seconds (retries with back-off,
 * the transport's default 30 s deadline).
 */
export const INTEGRATION_DURATION_BUCKETS: readonly number[] = Object.freeze([
  0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
]);

/** Buckets (seconds) of `http_request_duration_seconds`. */
export const HTTP_DURATION_BUCKETS: readonly number[] = Object.freeze([
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
]);
