/**
 * One server process of the two-process PostgreSQL test: the app on a free
 * port over the schema `TOLLGATE_TEST_SCHEMA` of `TEST_DATABASE_URL`, with the
 * sandbox integrations. Prints `listening <url>`; stops on SIGTERM.
 */
import { postgresStore } from '@tollgate/billing';
import { loadServerConfig, startTollgateServer, stopOnSignals } from '../src/index.js';
import { sandboxIntegrations } from '../src/sandbox/index.js';

const store = postgresStore({
  connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  schema: process.env.TOLLGATE_TEST_SCHEMA ?? 'public',
  max: 8,
});
const server = await startTollgateServer({
  config: loadServerConfig({ PORT: '0', LOG_LEVEL: 'silent' }),
  store,
  integrations: sandboxIntegrations().integrations,
});
stopOnSignals(server);
process.stdout.write(`listening ${server.url}\n`);
