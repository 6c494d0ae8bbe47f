/**
 * `pnpm start`: the Tollgate reference server on SQLite (or `DATABASE_URL`),
 * every trade connector in sandbox mode, the demo tenants `demo-sme` and
 * `demo-bank` with their keys printed, and an upload page at `/`.
 */

import { generateWebhookSecret } from '@tollgate/core/webhooks';
import {
  loadServerConfig,
  partnersFromEnv,
  startTollgateServer,
  stopOnSignals,
} from '@tollgate/server-adapter';
import { sandboxIntegrations } from '@tollgate/server-adapter/sandbox';
import { addDemoPage } from './demo-page.js';
import { ensureDemoKeys } from './demo-tenants.js';

const config = loadServerConfig();
// The sandbox SWIFT gateway answers each message by itself 2 s later (ACK or NAK, then the
// delivery report) and signs its callbacks, which go to this server's POST /webhooks/bank-swift.
let deliverCallback: ((request: Request) => unknown) | undefined;
const { integrations, customsOutbox } = sandboxIntegrations({
  bankGateway: { autoAdvanceMs: 2000 },
  bankWebhooks: {
    secret: generateWebhookSecret(),
    deliver: (request) => deliverCallback?.(request),
  },
});
// A partner whose TOLLGATE_<ID>_CREDENTIALS is set is its real API instead of its sandbox.
const live = partnersFromEnv();
for (const kind of ['bank', 'customs', 'logistics', 'fx'] as const) {
  Object.assign(integrations[kind], live.integrations[kind]);
}
const server = await startTollgateServer({ config, integrations, extend: addDemoPage });
deliverCallback = (request) => server.app.fetch(request);
// The customs sandbox issues signed status notifications as declarations are lodged:
// hand them to POST /webhooks/customs, as the real gateway would call it.
const customsCallbacks = setInterval(() => {
  for (const callback of customsOutbox.take()) {
    void server.app.fetch(
      new Request(new URL('/webhooks/customs', server.url), {
        method: 'POST',
        headers: callback.headers,
        body: callback.body,
      }),
    );
  }
}, 1000);
customsCallbacks.unref();
stopOnSignals(server);
const keys = await ensureDemoKeys(server.apiKeys);

const where =
  config.database.kind === 'sqlite' ? config.database.path : 'PostgreSQL (DATABASE_URL)';
const ids = Object.values(integrations).flatMap((byId) => Object.keys(byId));
process.stdout.write(
  [
    '',
    `Tollgate reference server on ${server.url}  (database: ${where})`,
    `Open ${server.url}/ to upload an MT700. Integrations: ${ids
      .map((id) => (live.connected.includes(id) ? `${id} (live)` : id))
      .join(', ')} — sandbox unless marked live`,
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
