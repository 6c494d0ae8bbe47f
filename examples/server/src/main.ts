/**
 * `pnpm start`: the Tollgate reference server on SQLite (or `DATABASE_URL`),
 * every trade connector in sandbox mode, the demo tenants `demo-sme` and
 * `demo-bank` with their keys printed, and an upload page at `/`.
 */
import { loadServerConfig, startTollgateServer, stopOnSignals } from '@tollgate/server-adapter';
import { sandboxIntegrations } from '@tollgate/server-adapter/sandbox';
import { addDemoPage } from './demo-page.js';
import { ensureDemoKeys } from './demo-tenants.js';

const config = loadServerConfig();
const { integrations } = sandboxIntegrations();
const server = await startTollgateServer({ config, integrations, extend: addDemoPage });
stopOnSignals(server);
const keys = await ensureDemoKeys(server.apiKeys);

const where =
  config.database.kind === 'sqlite' ? config.database.path : 'PostgreSQL (DATABASE_URL)';
const ids = Object.values(integrations).flatMap((byId) => Object.keys(byId));
process.stdout.write(
  [
    '',
    `Tollgate reference server on ${server.url}  (database: ${where})`,
    `Open ${server.url}/ to upload an MT700. Sandbox integrations: ${ids.join(', ')}`,
    '',
    ...keys.map(
      (demo) =>
        `  ${demo.tenantId.padEnd(10)} (${demo.role})  ${demo.key}${demo.fromEnvironment ? '  [from environment]' : ''}`,
    ),
    '',
    `Try: curl -s -H "Authorization: Bearer ${keys[0]?.key ?? 'tg_…'}" -F documents=@examples/server/public/mt700-sample.fin ${server.url}/uploads`,
    'Stop with Ctrl-C (graceful: in-flight requests finish).',
    '',
  ].join('\n'),
);
