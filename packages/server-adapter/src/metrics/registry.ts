import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { HTTP_DURATION_BUCKETS, INTEGRATION_DURATION_BUCKETS, METRIC_NAMES } from './names.js';

/**
 * How a partner call ended: `success` and `failure` once per call (after its
 * retries), `retry` once per attempt that failed and was tried again.
 */
export type IntegrationOutcome = 'success' | 'failure' | 'retry';

/**
 * One partner call for {@link TollgateMetrics.recordIntegrationRequest}. A
 * finished call (`success` | `failure`) has a duration; a `retry` has none
 * (only the counter moves).
 */
export type IntegrationRequestSample =
  | {
      integrationId: string;
      /** The connector operation (`rates`, `convert` …), a bounded set. */
      operation: string;
      outcome: 'success' | 'failure';
      /** Wall time of the whole call, retries and back-off included. */
      durationSeconds: number;
    }
  | { integrationId: string; operation: string; outcome: 'retry'; durationSeconds?: undefined };

/** One billing event for {@link TollgateMetrics.recordBillingEvent}. */
export interface BillingEventSample {
  /** The billable operation (`fx.conversion`, `bank.recheck` …). */
  operation: string;
  /** The pricing tier (`sme`, `bank` …); `null` or absent is exported as `none`. */
  tier?: string | null;
  /** ISO 4217 code of the amount. */
  currency: string;
  /** The event's amount in minor units (cents); negative for a reversing event. */
  amountMinor: bigint;
}

/** One served HTTP request for {@link TollgateMetrics.recordHttpRequest}. */
export interface HttpRequestSample {
  method: string;
  /** The matched route PATTERN (`/integrations/fx/:integrationId/rates`), never the raw path. */
  route: string;
  status: number;
  durationSeconds: number;
}

/** Options of {@link createTollgateMetrics}. */
export interface TollgateMetricsOptions {
  /**
   * Where to register the metrics; default a new registry of their own. Never
   * pass prom-client's global `register` when two apps share a process: the
   * second registration of a name throws.
   */
  registry?: Registry;
  /** Prepended to every metric name (`tollgate_` gives `tollgate_http_requests_total`); default none. */
  prefix?: string;
  /**
   * Also collect prom-client's process metrics (CPU, memory, event loop, GC)
   * into this registry; default `false`. Turn it on for one registry per process.
   */
  collectDefault?: boolean;
}

/**
 * The Tollgate server's Prometheus metrics: a dedicated registry and one
 * typed recorder per event worth counting. Label values must come from
 * bounded sets (integration ids, operation names, route patterns, currency
 * codes), never from request data.
 */
export interface TollgateMetrics {
  /** The registry every metric lives in (for merging, or `getMetricsAsJSON()` in tests). */
  readonly registry: Registry;
  /** The `Content-Type` of {@link TollgateMetrics.metrics}'s text. */
  readonly contentType: string;
  /** Count a partner call (`integration_requests_total`) and time it (`integration_request_duration_seconds`). */
  recordIntegrationRequest(sample: IntegrationRequestSample): void;
  /**
   * Count a billing event (`billing_events_total`) and add its amount to
   * `billing_revenue_total` (charges) or `billing_revenue_reversed_total`
   * (reversals, as a positive amount): both in MINOR units of `currency`.
   *
   * Prometheus samples are 64-bit floats: minor units stay exact up to
   * 2^53 (about 90 trillion dollars in cents) per series, but these
   * counters are an operational signal only. The billing ledger (bigint
   * minor units) stays the source of truth for money; never invoice from
   * Prometheus. Divide by the currency's minor-unit factor in dashboards.
   */
  recordBillingEvent(sample: BillingEventSample): void;
  /** Set `integration_health_status` of an integration: 1 up, 0 down. */
  setIntegrationHealth(integrationId: string, up: boolean): void;
  /** Count one retried partner attempt (`submission_retry_count`). */
  recordSubmissionRetry(integrationId: string): void;
  /** Count one rate-limited request (`rate_limit_hits_total`) under its route PATTERN, never the raw key. */
  recordRateLimitHit(route: string): void;
  /** Count and time one served HTTP request (`http_requests_total`, `http_request_duration_seconds`). */
  recordHttpRequest(sample: HttpRequestSample): void;
  /** The registry in the Prometheus text exposition format. */
  metrics(): Promise<string>;
}

/** The label value of a missing pricing tier. */
const NO_TIER = 'none';

/**
 * Create the Tollgate metrics in a registry of their own (or `options.registry`).
 * Each call registers a fresh set, so two apps in one process never share or
 * clash over counters.
 */
export function createTollgateMetrics(options: TollgateMetricsOptions = {}): TollgateMetrics {
  const registry = options.registry ?? new Registry();
  const prefix = options.prefix ?? '';
  const registers = [registry];
  if (options.collectDefault === true) collectDefaultMetrics({ register: registry, prefix });

  const integrationRequests = new Counter({
    name: prefix + METRIC_NAMES.integrationRequests,
    help: 'Partner HTTP calls by integration, connector operation and outcome (success, failure, retry).',
    labelNames: ['integration_id', 'operation', 'outcome'] as const,
    registers,
  });
  const integrationDuration = new Histogram({
    name: prefix + METRIC_NAMES.integrationRequestDuration,
    help: 'Seconds a partner call took, retries and back-off included.',
    labelNames: ['integration_id', 'operation'] as const,
    buckets: [...INTEGRATION_DURATION_BUCKETS],
    registers,
  });
  const billingEvents = new Counter({
    name: prefix + METRIC_NAMES.billingEvents,
    help: 'Billing events appended to the ledger, by operation, tier and currency.',
    labelNames: ['operation', 'tier', 'currency'] as const,
    registers,
  });
  const billingRevenue = new Counter({
    name: prefix + METRIC_NAMES.billingRevenue,
    help: 'Charged amount in MINOR units (cents) of the currency; the ledger is the source of truth.',
    labelNames: ['currency'] as const,
    registers,
  });
  const billingRevenueReversed = new Counter({
    name: prefix + METRIC_NAMES.billingRevenueReversed,
    help: 'Reversed amount in MINOR units (cents) of the currency; the ledger is the source of truth.',
    labelNames: ['currency'] as const,
    registers,
  });
  const integrationHealth = new Gauge({
    name: prefix + METRIC_NAMES.integrationHealth,
    help: 'Whether an integration is up (1) or down (0).',
    labelNames: ['integration_id'] as const,
    registers,
  });
  const submissionRetries = new Counter({
    name: prefix + METRIC_NAMES.submissionRetries,
    help: 'Partner attempts that failed and were tried again.',
    labelNames: ['integration_id'] as const,
    registers,
  });
  const rateLimitHits = new Counter({
    name: prefix + METRIC_NAMES.rateLimitHits,
    help: 'Requests refused by a rate limit, by route pattern.',
    labelNames: ['route'] as const,
    registers,
  });
  const httpRequests = new Counter({
    name: prefix + METRIC_NAMES.httpRequests,
    help: 'HTTP requests served, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: prefix + METRIC_NAMES.httpRequestDuration,
    help: 'Seconds until the response was ready, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [...HTTP_DURATION_BUCKETS],
    registers,
  });

  return {
    registry,
    get contentType() {
      return registry.contentType;
    },
    recordIntegrationRequest(sample) {
      const { integrationId, operation, outcome } = sample;
      integrationRequests.inc({ integration_id: integrationId, operation, outcome });
      if (sample.durationSeconds !== undefined) {
        integrationDuration.observe(
          { integration_id: integrationId, operation },
          sample.durationSeconds,
        );
      }
    },
    recordBillingEvent({ operation, tier, currency, amountMinor }) {
      billingEvents.inc({ operation, tier: tier ?? NO_TIER, currency });
      if (amountMinor < 0n) billingRevenueReversed.inc({ currency }, Number(-amountMinor));
      else billingRevenue.inc({ currency }, Number(amountMinor));
    },
    setIntegrationHealth(integrationId, up) {
      integrationHealth.set({ integration_id: integrationId }, up ? 1 : 0);
    },
    recordSubmissionRetry(integrationId) {
      submissionRetries.inc({ integration_id: integrationId });
    },
    recordRateLimitHit(route) {
      rateLimitHits.inc({ route });
    },
    recordHttpRequest({ method, route, status, durationSeconds }) {
      const labels = { method, route, status: String(status) };
      httpRequests.inc(labels);
      httpDuration.observe(labels, durationSeconds);
    },
    metrics: () => registry.metrics(),
  };
}
