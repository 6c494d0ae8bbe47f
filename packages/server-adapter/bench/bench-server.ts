/**
 * A server process of `pnpm bench`, by mode (argv[2]):
 * - `baseline`: a bare Hono route that inserts one row into SQLite (WAL,
 *   synchronous FULL, as the SQLite store) and answers JSON;
 * - `tollgate-sqlite`: the Tollgate app on a SQLite file (`BENCH_DB`);
 * - `tollgate-postgres`: the Tollgate app on PostgreSQL (`TEST_DATABASE_URL`, schema `BENCH_SCHEMA`).
 * Prints `listening <url>`, and stops on SIGTERM.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import { postgresStore, sqliteStore } from '@tollgate/billing';
// The built package, as a deployment runs it (`pnpm bench` builds first).
import {
  loadServerConfig,
  serve,
  startTollgateServer,
  stopOnSignals,
} from '@tollgate/server-adapter';
import { sandboxIntegrations } from '@tollgate/server-adapter/sandbox';
import { Hono } from 'hono';

const mode = process.argv[2];
const config = loadServerConfig({ PORT: '0', LOG_LEVEL: 'silent' });
// The bench measures the route, not the limiter's refusals: a limit no run reaches.
const rateLimit = { policy: { capacity: 10_000_000, refillPerSecond: 1_000_000 } };

if (mode === 'baseline') {
  const db = new DatabaseSync(process.env.BENCH_DB ?? ':memory:');
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS quotes (id TEXT PRIMARY KEY, body TEXT NOT NULL, at INTEGER NOT NULL)',
  );
  const insert = db.prepare('INSERT INTO quotes (id, body, at) VALUES (?, ?, ?)');
  const app = new Hono().post('/quote', async (c) => {
    const body = await c.req.json();
    const id = randomUUID();
    insert.run(id, JSON.stringify(body), Date.now());
    return c.json({ id, ok: true }, 201);
  });
  const server = await serve(app, { port: 0 });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  process.stdout.write(`listening ${server.url}\n`);
} else {
  const store =
    mode === 'tollgate-postgres'
      ? postgresStore({
          connectionString:
            process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
          schema: process.env.BENCH_SCHEMA ?? 'public',
          max: 10,
        })
      : sqliteStore({ path: process.env.BENCH_DB ?? ':memory:' });
  const server = await startTollgateServer({
    config,
    store,
    rateLimit,
    integrations: sandboxIntegrations().integrations,
    runWorkers: false,
  });
  stopOnSignals(server);
  process.stdout.write(`listening ${server.url}\n`);
}
