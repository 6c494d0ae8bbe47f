import type { Store } from '@tollgate/billing';
import type { Hono } from 'hono';
import { createTollgate, type Tollgate, type TollgateAppOptions } from '../app.js';
import type { ApiKeyStore } from '../auth/api-keys.js';
import { createLogger, type TollgateLogger } from '../logging/logger.js';
import { type RunningServer, serve } from '../serve.js';
import type { AppEnv } from '../types.js';
import type { ServerConfig } from './config.js';
import { openStore } from './open-store.js';

/** Something running beside the server (a retry worker, a delivery loop) that shutdown stops. */
export interface BackgroundWorker {
  /** Stop taking new work and resolve once the current work is done. */
  stop(): Promise<void>;
}

/** Options of {@link startTollgateServer}. */
export interface StartTollgateServerOptions
  extends Omit<TollgateAppOptions, 'store' | 'logger' | 'apiKeys'> {
  /** Port, host, database, log level, shutdown timeout (`loadServerConfig()`). */
  config: ServerConfig;
  /** The store; default opened from `config.database`. Closed on stop either way. */
  store?: Store;
  /** Default a pino logger at `config.logLevel` on stdout. */
  logger?: TollgateLogger;
  /** Add routes to the app before it serves (a demo page, static files). */
  extend?: (app: Hono<AppEnv>) => void;
  /** More workers to stop on shutdown, after the server stopped taking requests. */
  workers?: BackgroundWorker[];
  /** Start the submission retry worker, the webhook delivery worker and the billing sweeper in this process; default true. */
  runWorkers?: boolean;
}

/** A started server and what it runs on. */
export interface StartedTollgateServer {
  url: string;
  app: Hono<AppEnv>;
  /** The app's billing, submissions and workers. */
  tollgate: Tollgate;
  store: Store;
  /** The API keys, in the store's database. */
  apiKeys: ApiKeyStore;
  logger: TollgateLogger;
  /**
   * Shut down in order: stop accepting requests and let in-flight ones finish
   * (up to `config.shutdownTimeoutMs`), stop the workers, then close the
   * store. Idempotent.
   */
  stop(): Promise<void>;
}

/**
 * Open the store, build the app and serve it over Node's `http` — the whole
 * server `pnpm start` runs, minus its demo data. Pair with {@link stopOnSignals}.
 */
export async function startTollgateServer(
  options: StartTollgateServerOptions,
): Promise<StartedTollgateServer> {
  const {
    config,
    extend,
    workers = [],
    runWorkers = true,
    store: givenStore,
    logger: givenLogger,
    ...app
  } = options;
  const logger = givenLogger ?? createLogger({ level: config.logLevel });
  const store = givenStore ?? openStore(config.database);
  await store.migrate();
  const jwt = app.jwt ?? config.jwt;
  const tollgate = createTollgate({
    ...app,
    store,
    logger,
    ...(app.apiKeyCacheMs === undefined && config.apiKeyCacheMs !== undefined
      ? { apiKeyCacheMs: config.apiKeyCacheMs }
      : {}),
    ...(jwt === undefined ? {} : { jwt }),
    ...(app.metricsToken === undefined && config.metricsToken !== undefined
      ? { metricsToken: config.metricsToken }
      : {}),
  });
  const hono = tollgate.app;
  extend?.(hono);
  let running: RunningServer;
  try {
    running = await serve(hono, {
      port: config.port,
      hostname: config.host,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const backgroundWorkers: BackgroundWorker[] = [...workers];
  if (runWorkers) {
    tollgate.retryWorker.start();
    tollgate.deliveryWorker.start();
    // The billing sweeper voids intents a crashed process left pending (giving their quota
    // back), deletes old quotes and appends ledger checkpoints.
    const stopSweeper = tollgate.guard.startSweeper();
    backgroundWorkers.push(tollgate.retryWorker, tollgate.deliveryWorker, {
      stop: async () => stopSweeper(),
    });
  }
  if (tollgate.alerts !== undefined) {
    tollgate.alerts.start();
    backgroundWorkers.push(tollgate.alerts);
  }
  logger.info({ url: running.url, database: config.database.kind }, 'server.listening');
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('server.stopping');
      await running.close();
      await Promise.all(backgroundWorkers.map((worker) => worker.stop()));
      await store.close();
      logger.info('server.stopped');
    })();
    return stopping;
  };
  return { url: running.url, app: hono, tollgate, store, apiKeys: tollgate.apiKeys, logger, stop };
}

/**
 * Stop `server` gracefully on the first SIGTERM or SIGINT, then exit (0, or 1
 * when stopping failed). Further signals are logged and ignored: a terminal's
 * Ctrl-C reaches both a runner like `tsx` and the server, and shutdown is
 * bounded by `shutdownTimeoutMs` anyway. Returns a function that removes the handlers.
 */
export function stopOnSignals(
  server: Pick<StartedTollgateServer, 'stop' | 'logger'>,
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): () => void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    server.logger.info({ signal, repeated: received }, 'server.signal');
    if (received) return;
    received = true;
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ err: error }, 'server.stop_failed');
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
