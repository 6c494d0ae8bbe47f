import {
  createBillingGuard,
  createLedger,
  createPriceBook,
  type PriceBookConfig,
  type Store,
} from '@tollgate/billing';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { type ApiKeyStore, createMemoryApiKeyStore } from './auth/api-keys.js';
import { sqlApiKeyStore } from './auth/sql-api-keys.js';
import { problemResponse, ServerProblem, toTollgateError } from './errors/problem.js';
import { silentLogger, type TollgateLogger } from './logging/logger.js';
import { requestLog } from './logging/request-log.js';
import { requireApiKey, requireScope } from './middleware/auth.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { BANK_RECHECK, BANK_TIER, type BankSwiftClient, bankRoutes } from './routes/bank.js';
import { billingRoutes } from './routes/billing.js';
import { CUSTOMS_SUBMISSION, type CustomsClient, customsRoutes } from './routes/customs.js';
import { FX_CONVERSION, type FxClient, fxRoutes } from './routes/fx.js';
import { healthRoutes } from './routes/health.js';
import { LOGISTICS_QUOTE, type LogisticsClient, logisticsRoutes } from './routes/logistics.js';
import { sessionRoutes } from './routes/sessions.js';
import {
  MAX_FILE_BYTES,
  MAX_FILES_PER_UPLOAD,
  SME_TIER,
  SME_VALIDATION,
  uploadRoutes,
} from './routes/uploads.js';
import { createMemorySessionStore, type SessionStore } from './sessions/session-store.js';
import { sqlSessionStore } from './sessions/sql-session-store.js';
import type { AppEnv } from './types.js';

/**
 * The default price book: `sme.validation` costs USD 5.00 per document for SME
 * tenants, and a bank's `bank.recheck` USD 25.00 (tier `bank`). SME keys pay
 * USD 1.00 per carrier quote (`logistics.quote`), USD 8.00 per customs
 * declaration (`customs.submission`) and USD 0.50 per conversion (`fx.conversion`).
 */
export const DEFAULT_PRICE_BOOK: PriceBookConfig = {
  currency: 'USD',
  rates: [
    { operation: SME_VALIDATION, tier: SME_TIER, model: 'per-unit', unitPrice: '5.00' },
    { operation: BANK_RECHECK, tier: BANK_TIER, model: 'per-unit', unitPrice: '25.00' },
    { operation: LOGISTICS_QUOTE, tier: SME_TIER, model: 'per-unit', unitPrice: '1.00' },
    { operation: CUSTOMS_SUBMISSION, tier: SME_TIER, model: 'per-unit', unitPrice: '8.00' },
    { operation: FX_CONVERSION, tier: SME_TIER, model: 'per-unit', unitPrice: '0.50' },
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
}

/** Largest request body `/uploads` reads: five full files plus room for multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILES_PER_UPLOAD * MAX_FILE_BYTES + 64 * 1024;

/** Options of {@link createTollgateApp}. */
export interface TollgateAppOptions {
  /** The billing store (`memoryStore()`, `sqliteStore({ path })` …); the ledger lives in it. */
  store: Store;
  /**
   * The API-key registry; default the keys table in the store's database
   * (`sqlApiKeyStore(store.sql)`), or an in-memory registry for the memory store.
   */
  apiKeys?: ApiKeyStore;
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
  const clock = options.clock ?? (() => new Date());
  const ledger = createLedger({ store: options.store, clock });
  const prices = createPriceBook(options.prices ?? DEFAULT_PRICE_BOOK);
  const guard = createBillingGuard({ ledger, prices, clock });
  const sql = options.store.sql;
  const apiKeys =
    options.apiKeys ??
    (sql === undefined ? createMemoryApiKeyStore({ clock }) : sqlApiKeyStore(sql, { clock }));
  const sessions =
    options.sessions ?? (sql === undefined ? createMemorySessionStore() : sqlSessionStore(sql));
  const auth = requireApiKey(apiKeys);

  const logger = options.logger ?? silentLogger();
  const app = new Hono<AppEnv>();
  app.use(requestId(), requestLog(logger));
  app.onError((error, c) => {
    if (toTollgateError(error).status >= 500) {
      (c.get('log') ?? logger).error({ err: error }, 'request.failed');
    }
    return problemResponse(c, error);
  });
  app.notFound((c) => problemResponse(c, new ServerProblem('not_found', 'No such route.')));
  app.route('/', healthRoutes(options.store));
  app.use('/uploads', auth, requireScope('uploads'));
  app.use(
    '/uploads',
    bodyLimit({
      maxSize: MAX_UPLOAD_BODY_BYTES,
      onError: (c) =>
        problemResponse(
          c,
          new ServerProblem('payload_too_large', 'The upload is larger than allowed.', {
            max_body_bytes: MAX_UPLOAD_BODY_BYTES,
          }),
        ),
    }),
  );
  app.use('/sessions/*', auth, requireScope('sessions'));
  app.use('/integrations/*', auth, requireScope('integrations'));
  app.use('/billing/*', auth, requireScope('billing'));
  app.use('/api-keys', auth, requireScope('api_keys'));
  app.use('/api-keys/*', auth, requireScope('api_keys'));
  app.route('/', apiKeyRoutes(apiKeys));
  app.route('/', billingRoutes({ ledger, prices, clock }));
  app.route('/', uploadRoutes({ guard, sessions, clock }));
  app.route('/', sessionRoutes(sessions));
  app.route('/', bankRoutes({ guard, sessions, integrations: options.integrations?.bank ?? {} }));
  app.route(
    '/',
    logisticsRoutes({ guard, sessions, integrations: options.integrations?.logistics ?? {} }),
  );
  app.route(
    '/',
    customsRoutes({ guard, sessions, integrations: options.integrations?.customs ?? {} }),
  );
  app.route('/', fxRoutes({ guard, sessions, integrations: options.integrations?.fx ?? {} }));
  return app;
}
