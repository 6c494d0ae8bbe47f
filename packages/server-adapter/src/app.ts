import {
  BillingError,
  type BillingGuard,
  createBillingGuard,
  createLedger,
  createPriceBook,
  type Ledger,
  type PriceBookConfig,
  type SqlSurface,
  type Store,
  sqliteStore,
} from '@tollgate/billing';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import {
  type AlertEngine,
  type AlertThresholds,
  alertingHealthTracker,
  alertOnBillingEvents,
  alertOnIntegrationCalls,
  createAlertEngine,
  type Notifier,
} from './alerts/index.js';
import { type ApiKeyScope, type ApiKeyStore, createMemoryApiKeyStore } from './auth/api-keys.js';
import {
  type JwtVerifier,
  type JwtVerifierOptions,
  jwtVerifier,
  requireBearer,
} from './auth/jwt.js';
import { sqlApiKeyStore } from './auth/sql-api-keys.js';
import { problemResponse, ServerProblem, toTollgateError } from './errors/problem.js';
import { silentLogger, type TollgateLogger } from './logging/logger.js';
import { requestLog } from './logging/request-log.js';
import { instrumentIntegrations } from './metrics/instrument-client.js';
import { httpMetrics, metricsRoute, rateLimitHitRecorder } from './metrics/middleware.js';
import { createTollgateMetrics, type TollgateMetrics } from './metrics/registry.js';
import { requireScope } from './middleware/auth.js';
import { type OpenApiRoutesOptions, openApiRoutes } from './openapi/index.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
  outgoingWebhookRoutes,
  sqlWebhookStore,
  type WebhookStore,
} from './outgoing-webhooks/index.js';
import { rateLimit } from './rate-limit/middleware.js';
import {
  memoryRateLimitStore,
  type RateLimitStore,
  sqlRateLimitStore,
} from './rate-limit/store.js';
import type { TokenBucketPolicy } from './rate-limit/token-bucket.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { type BankSwiftClient, bankRoutes } from './routes/bank.js';
import { billingRoutes } from './routes/billing.js';
import { CUSTOMS_SUBMISSION, type CustomsClient, customsRoutes } from './routes/customs.js';
import { FX_CONVERSION, type FxClient, fxRoutes } from './routes/fx.js';
import { healthRoutes } from './routes/health.js';
import { LOGISTICS_QUOTE, type LogisticsClient, logisticsRoutes } from './routes/logistics.js';
import { createHealthTracker, monitoringRoutes } from './routes/monitoring.js';
import { type PartnerWebhookClient, partnerWebhookRoutes } from './routes/partner-webhooks.js';
import { sessionRoutes } from './routes/sessions.js';
import { submissionRoutes } from './routes/submissions.js';
import {
  type DocumentValidators,
  MAX_FILE_BYTES,
  MAX_FILES_PER_UPLOAD,
  SME_TIER,
  SME_VALIDATION,
  uploadRoutes,
} from './routes/uploads.js';
import { createMemorySessionStore, type SessionStore } from './sessions/session-store.js';
import { sqlSessionStore } from './sessions/sql-session-store.js';
import { attemptBankSubmission, BANK_RECHECK, BANK_TIER } from './submissions/bank-submission.js';
import { attemptCustomsSubmission } from './submissions/customs-submission.js';
import { sqlPartnerEventLog } from './submissions/partner-events.js';
import {
  DEFAULT_SUBMISSION_RETRY,
  type SubmissionRetryPolicy,
} from './submissions/retry-policy.js';
import {
  createSubmissionRetryWorker,
  type SubmissionRetryWorker,
} from './submissions/retry-worker.js';
import { submissionJson } from './submissions/submission-json.js';
import {
  type Submission,
  type SubmissionStore,
  sqlSubmissionStore,
} from './submissions/submission-store.js';
import type { AppEnv } from './types.js';

/**
 * The default price book: `sme.validation` costs USD 5.00 per document for SME
 * tenants, and a bank's `bank.recheck` USD 25.00 (tier `bank`). SME and bank
 * keys pay USD 1.00 per carrier quote (`logistics.quote`), USD 8.00 per customs
 * declaration (`customs.submission`) and USD 0.50 per conversion
 * (`fx.conversion`); a bank acting on a session consents to its charge first (402).
 */
export const DEFAULT_PRICE_BOOK: PriceBookConfig = {
  currency: 'USD',
  rates: [
    { operation: SME_VALIDATION, tier: SME_TIER, model: 'per-unit', unitPrice: '5.00' },
    { operation: BANK_RECHECK, tier: BANK_TIER, model: 'per-unit', unitPrice: '25.00' },
    { operation: LOGISTICS_QUOTE, tier: SME_TIER, model: 'per-unit', unitPrice: '1.00' },
    { operation: CUSTOMS_SUBMISSION, tier: SME_TIER, model: 'per-unit', unitPrice: '8.00' },
    { operation: FX_CONVERSION, tier: SME_TIER, model: 'per-unit', unitPrice: '0.50' },
    { operation: LOGISTICS_QUOTE, tier: BANK_TIER, model: 'per-unit', unitPrice: '1.00' },
    { operation: CUSTOMS_SUBMISSION, tier: BANK_TIER, model: 'per-unit', unitPrice: '8.00' },
    { operation: FX_CONVERSION, tier: BANK_TIER, model: 'per-unit', unitPrice: '0.50' },
  ],
};

/** Partner connector clients the integration routes use, by integration id. */
export interface TollgateIntegrations {
  /** Bank gateways (`bankSwift` clients) for `POST /integrations/bank/:integrationId/validate`. */
  bank?: Record<string, BankSwiftClient>;
  /** Carrier clients of the logistics contract for `/integrations/logistics/:integrationId/…`. */
  logistics?: Record<string, LogisticsClient>;
  /** Customs gateways (`customs` clients) for `POST /integrations/customs/:integrationId/submit`. */
  customs?: Record<string, CustomsClient>;
  /** FX providers (`fxEcb` clients …) for `POST /integrations/fx/:integrationId/rates` and `/convert`. */
  fx?: Record<string, FxClient>;
  /**
   * Other partners that call back (messaging, payments …): no routes of their
   * own, but `POST /webhooks/:integrationId` verifies and records their
   * callbacks and `GET /webhooks/:integrationId` answers their subscription
   * handshake (WhatsApp's `hub.challenge`).
   */
  partners?: Record<string, PartnerWebhookClient>;
}

/** Largest request body `/uploads` reads: five full files plus room for multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILES_PER_UPLOAD * MAX_FILE_BYTES + 64 * 1024;

/** Largest JSON request body any other route reads (64 KiB): beyond it, 413. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The default per-key rate limit: bursts of 120 requests, refilled at 10 per second. */
export const DEFAULT_RATE_LIMIT: TokenBucketPolicy = { capacity: 120, refillPerSecond: 10 };

/** How long a verified API key is trusted before its record is read again, by default (ms). */
export const DEFAULT_API_KEY_CACHE_MS = 5000;

/** Options of {@link createTollgateApp}. */
export interface TollgateAppOptions {
  /** The billing store (`memoryStore()`, `sqliteStore({ path })` …); the ledger lives in it. */
  store: Store;
  /**
   * The API-key registry; default the keys table in the store's database
   * (`sqlApiKeyStore(store.sql)`), or an in-memory registry for the memory store.
   */
  apiKeys?: ApiKeyStore;
  /**
   * How long (ms) the default API-key registry trusts a key it verified lately
   * before reading the keys table again (env `TOLLGATE_API_KEY_CACHE_MS`); default
   * {@link DEFAULT_API_KEY_CACHE_MS}, `0` reads on every request. A revocation or
   * rotation through this server applies at once; one made by another process
   * (another server, the keys CLI) applies here within this time.
   */
  apiKeyCacheMs?: number;
  /** Prices; default {@link DEFAULT_PRICE_BOOK}. */
  prices?: PriceBookConfig;
  /** Where validation sessions are kept; default the store's database, or memory for the memory store. */
  sessions?: SessionStore;
  /** The server's clock (billing and LC expiry); default `() => new Date()`. */
  clock?: () => Date;
  /** Connector clients of the integration routes; default none (every integration id is a 404). */
  integrations?: TollgateIntegrations;
  /**
   * Where request logs go (one JSON line per request with its request id, and
   * every 5xx with its error); default none. `createLogger()` makes one.
   */
  logger?: TollgateLogger;
  /**
   * Prometheus metrics served at `GET /metrics`; default a registry of the
   * app's own (`createTollgateMetrics()`).
   */
  metrics?: TollgateMetrics;
  /** When set, `GET /metrics` wants `Authorization: Bearer <metricsToken>` (env `TOLLGATE_METRICS_TOKEN`). */
  metricsToken?: string;
  /**
   * Per-key rate limit of every authenticated route (429 with `Retry-After`
   * beyond it): `policy` default {@link DEFAULT_RATE_LIMIT}; `store` default
   * in-process buckets, or the PostgreSQL table `tollgate_rate_limits` when the
   * billing store is PostgreSQL (several processes share the limit). `false` turns it off.
   */
  rateLimit?: { policy?: TokenBucketPolicy; store?: RateLimitStore } | false;
  /** Where partner submissions are kept; default the store's database. */
  submissions?: SubmissionStore;
  /** When failed partner submissions are retried; default {@link DEFAULT_SUBMISSION_RETRY}. */
  submissionRetry?: SubmissionRetryPolicy;
  /** Told when a partner callback changed a submission (ACK, NAK, customs status). */
  onSubmissionChanged?: (submission: Submission, event: { type: string }) => void;
  /**
   * Outgoing webhooks (`/webhook-endpoints`): `allowInsecureLocalhost` lets
   * tenants subscribe `http://localhost` URLs (development); `fetch` sends the
   * deliveries (default: undici's `fetch` connecting only to public addresses,
   * checked when it connects; an injected `fetch` decides where requests go).
   */
  webhooks?: { allowInsecureLocalhost?: boolean; fetch?: typeof fetch };
  /**
   * Also accept JWT bearer tokens from an identity provider (verified with its
   * JWKS by jose; tenant, role and scopes read from claims). Default: API keys only.
   */
  jwt?: JwtVerifierOptions | JwtVerifier;
  /**
   * Checks of uploaded documents that are not FIN/MT text (`{ pdf: async ({ bytes }) => findings }`);
   * default none: such a document gets a `document.pdf_not_checked` finding and is not billed.
   */
  documentValidators?: DocumentValidators;
  /** `GET /openapi.json` and `GET /docs` (server URL, title, docs script); `false` serves neither. */
  openApi?: OpenApiRoutesOptions | false;
  /**
   * Alerts (integration down, >5% errors or p95 latency over an hour, billing
   * failures, quota exhausted) sent to `notifiers` (`slackNotifier`,
   * `pagerDutyNotifier`, `logNotifier` …); default none.
   */
  alerts?: { notifiers: Notifier[]; thresholds?: Partial<AlertThresholds> };
}

/**
 * The events the server publishes to tenants' webhook endpoints:
 * `session.validated` (an upload was checked), `billing.event_recorded` (a
 * charge was committed) and `submission.updated` (a partner's callback
 * changed a submission: ACK, NAK, customs status).
 */
export const TOLLGATE_WEBHOOK_EVENTS = [
  'session.validated',
  'billing.event_recorded',
  'submission.updated',
] as const;

/** A throwaway SQLite database for the server's tables when the billing store has no SQL. */
function privateTables(): SqlSurface {
  const surface = sqliteStore({ path: ':memory:' }).sql;
  if (surface === undefined) throw new Error('a SQLite store has a SQL surface');
  return surface;
}

/**
 * The Tollgate reference API as a Hono app, a web-standard `fetch` handler
 * that knows nothing of Node: `/health`, `POST /uploads`, `GET /sessions/:id`,
 * `POST /sessions/:id/share`, `POST /integrations/bank/:integrationId/validate`,
 * the logistics quote and track routes, the customs submission and the FX
 * rates and conversion routes, behind API keys and the billing guard. Every error is an RFC 9457
 * `application/problem+json` answer.
 */
export function createTollgateApp(options: TollgateAppOptions): Hono<AppEnv> {
  return createTollgate(options).app;
}

/** The app and what runs beside it: the billing it bills through and its background workers. */
export interface Tollgate {
  /** The HTTP API (what {@link createTollgateApp} returns). */
  app: Hono<AppEnv>;
  ledger: Ledger;
  guard: BillingGuard;
  apiKeys: ApiKeyStore;
  submissions: SubmissionStore;
  metrics: TollgateMetrics;
  /** Retries failed partner submissions when due; start it in one or more processes. */
  retryWorker: SubmissionRetryWorker;
  /** Tenants' webhook endpoints and the delivery queue (`publish` adds to it). */
  webhooks: WebhookStore;
  /** Delivers queued webhooks (signed, retried at +2, +4, +8, +16 min, then dead-lettered). */
  deliveryWorker: DeliveryWorker;
  /** The alert engine, when `alerts` were configured (its timer re-checks windows). */
  alerts?: AlertEngine;
}

/**
 * Build the app and its workers ({@link createTollgateApp} keeps only the
 * app). `startTollgateServer` starts the workers and stops them on shutdown.
 */
export function createTollgate(options: TollgateAppOptions): Tollgate {
  const clock = options.clock ?? (() => new Date());
  const ledger = createLedger({ store: options.store, clock });
  const prices = createPriceBook(options.prices ?? DEFAULT_PRICE_BOOK);
  const guard = createBillingGuard({ ledger, prices, clock });
  const sql = options.store.sql;
  const apiKeys =
    options.apiKeys ??
    (sql === undefined
      ? createMemoryApiKeyStore({ clock })
      : sqlApiKeyStore(sql, {
          clock,
          verifiedCacheMs: options.apiKeyCacheMs ?? DEFAULT_API_KEY_CACHE_MS,
        }));
  const sessions =
    options.sessions ?? (sql === undefined ? createMemorySessionStore() : sqlSessionStore(sql));
  // The server's own tables: in the store's database, or a private in-memory SQLite for the memory store.
  const tables = sql ?? privateTables();
  const submissions = options.submissions ?? sqlSubmissionStore(tables);
  const submissionRetry = options.submissionRetry ?? DEFAULT_SUBMISSION_RETRY;
  const webhookStore = sqlWebhookStore(tables, {
    clock,
    ...(options.webhooks?.allowInsecureLocalhost ? { allowInsecureLocalhost: true } : {}),
  });
  const metrics = options.metrics ?? createTollgateMetrics();
  const integrations = options.integrations ?? {};
  instrumentIntegrations(metrics, { ...integrations });
  guard.events.on('billing.committed', ({ event }) =>
    metrics.recordBillingEvent({
      operation: event.operation,
      tier: event.tier,
      currency: event.amount.currency,
      amountMinor: event.amount.amount,
    }),
  );
  const limiter =
    options.rateLimit === false
      ? undefined
      : rateLimit({
          store:
            options.rateLimit?.store ??
            (options.store.dialect === 'postgres' && sql !== undefined
              ? sqlRateLimitStore(sql)
              : memoryRateLimitStore()),
          policy: options.rateLimit?.policy ?? DEFAULT_RATE_LIMIT,
          onLimited: rateLimitHitRecorder(metrics),
          now: clock,
        });
  const jwt =
    options.jwt === undefined
      ? undefined
      : 'verify' in options.jwt
        ? options.jwt
        : jwtVerifier(options.jwt);
  const auth = requireBearer({ apiKeys, ...(jwt === undefined ? {} : { jwt }) });
  /** Authenticate, check the scope, then take a token from the key's bucket. */
  const protect = (scope: ApiKeyScope): MiddlewareHandler<AppEnv>[] => [
    auth,
    requireScope(scope),
    ...(limiter === undefined ? [] : [limiter]),
  ];
  const tooLarge = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        problemResponse(
          c,
          new ServerProblem('payload_too_large', 'The request body is larger than allowed.', {
            max_body_bytes: maxSize,
          }),
        ),
    });
  const jsonLimit = tooLarge(MAX_JSON_BODY_BYTES);

  const logger = options.logger ?? silentLogger();
  /** Publish to the tenant's endpoints; a failure is logged, never the caller's problem. */
  const notify = (
    tenantId: string,
    type: (typeof TOLLGATE_WEBHOOK_EVENTS)[number],
    data: object,
  ) => {
    webhookStore
      .publish({ tenantId, type, data: { ...data } })
      .catch((error: unknown) => logger.error({ err: error, type }, 'webhook.publish_failed'));
  };
  guard.events.on('billing.committed', ({ event }) =>
    notify(event.tenantId, 'billing.event_recorded', {
      id: event.id,
      operation: event.operation,
      session_id: event.sessionId,
      amount: { amount: event.amount.amount.toString(), currency: event.amount.currency },
      created_at: event.createdAt.toISOString(),
    }),
  );
  const alerts =
    options.alerts === undefined
      ? undefined
      : createAlertEngine({ ...options.alerts, clock, logger });
  if (alerts !== undefined) {
    alertOnIntegrationCalls(alerts, { ...integrations });
    alertOnBillingEvents(alerts, guard.events);
  }
  const healthTracker = createHealthTracker();
  const app = new Hono<AppEnv>();
  app.use(httpMetrics(metrics), requestId(), requestLog(logger));
  app.onError((error, c) => {
    if (toTollgateError(error).status >= 500) {
      (c.get('log') ?? logger).error({ err: error }, 'request.failed');
      // A billing store failure (a commit that could not be written) is always alerted.
      if (alerts !== undefined && error instanceof BillingError) {
        alerts.billingFailure({
          tenantId: c.get('principal')?.tenantId ?? 'unknown',
          operation: c.req.path,
          reason: error.code,
        });
      }
    }
    return problemResponse(c, error);
  });
  app.notFound((c) => problemResponse(c, new ServerProblem('not_found', 'No such route.')));
  app.use('*', (c, next) => (c.req.path === '/uploads' ? next() : jsonLimit(c, next)));
  app.route('/', healthRoutes(options.store));
  app.route(
    '/',
    metricsRoute(
      metrics,
      options.metricsToken === undefined ? {} : { token: options.metricsToken },
    ),
  );
  if (options.openApi !== false) {
    app.route('/', openApiRoutes({ ...options.openApi, jwt: options.jwt !== undefined }));
  }
  app.use('/uploads', ...protect('uploads'), tooLarge(MAX_UPLOAD_BODY_BYTES));
  app.use('/sessions/*', ...protect('sessions'));
  app.use('/integrations/*', ...protect('integrations'));
  app.use('/monitoring/*', ...protect('integrations'));
  app.use('/submissions/*', ...protect('integrations'));
  app.use('/webhook-endpoints/*', ...protect('webhooks'));
  app.route('/', outgoingWebhookRoutes({ store: webhookStore }));
  app.use('/billing/*', ...protect('billing'));
  app.use('/api-keys/*', ...protect('api_keys'));
  app.route(
    '/',
    monitoringRoutes({
      integrations,
      metrics,
      tracker: alerts === undefined ? healthTracker : alertingHealthTracker(healthTracker, alerts),
      clock,
    }),
  );
  app.route('/', apiKeyRoutes(apiKeys));
  app.route('/', billingRoutes({ ledger, prices, clock }));
  app.route(
    '/',
    uploadRoutes({
      guard,
      sessions,
      clock,
      ...(options.documentValidators === undefined
        ? {}
        : { validators: options.documentValidators }),
      onSessionValidated: (session) =>
        notify(session.tenantId, 'session.validated', {
          session_id: session.id,
          document: session.document,
          findings: session.findings.length,
          billing_recorded: session.billingRecorded,
        }),
    }),
  );
  app.route('/', sessionRoutes(sessions));
  app.route(
    '/',
    bankRoutes({
      guard,
      sessions,
      submissions,
      retry: submissionRetry,
      clock,
      integrations: integrations.bank ?? {},
    }),
  );
  app.route('/', logisticsRoutes({ guard, sessions, integrations: integrations.logistics ?? {} }));
  app.route(
    '/',
    customsRoutes({
      guard,
      sessions,
      submissions,
      retry: submissionRetry,
      clock,
      integrations: integrations.customs ?? {},
    }),
  );
  app.route('/', fxRoutes({ guard, sessions, integrations: integrations.fx ?? {} }));
  app.route(
    '/',
    partnerWebhookRoutes({
      integrations,
      submissions,
      events: sqlPartnerEventLog(tables),
      clock,
      onSubmissionChanged: (submission, event) => {
        notify(submission.tenantId, 'submission.updated', {
          ...submissionJson(submission),
          partner_event: event.type,
        });
        options.onSubmissionChanged?.(submission, event);
      },
    }),
  );
  app.route('/', submissionRoutes(submissions));
  const submissionDeps = { guard, submissions, retry: submissionRetry, clock };
  const retryWorker = createSubmissionRetryWorker({
    submissions,
    clock,
    logger,
    onRetry: (submission) => metrics.recordSubmissionRetry(submission.integrationId),
    attempt: (submission) =>
      submission.kind === 'customs'
        ? attemptCustomsSubmission(
            { ...submissionDeps, clients: integrations.customs ?? {} },
            submission,
            { retrying: true },
          )
        : attemptBankSubmission(
            { ...submissionDeps, clients: integrations.bank ?? {} },
            submission,
            { retrying: true },
          ),
  });
  const deliveryWorker = createDeliveryWorker({
    surface: tables,
    clock,
    logger,
    allowLoopback: options.webhooks?.allowInsecureLocalhost ?? false,
    ...(options.webhooks?.fetch === undefined ? {} : { fetch: options.webhooks.fetch }),
  });
  return {
    app,
    ledger,
    guard,
    apiKeys,
    submissions,
    metrics,
    retryWorker,
    webhooks: webhookStore,
    deliveryWorker,
    ...(alerts === undefined ? {} : { alerts }),
  };
}
