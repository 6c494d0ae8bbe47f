import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createLedger, postgresStore, type Store } from '@tollgate/billing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestSchema,
  postgresReachable,
  type TestSchema,
} from '../../billing/test/fixtures/postgres.js';
import { sqlApiKeyStore } from '../src/index.js';
import { bearer, documentsForm, MT700, sendJson } from './fixtures.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** Start `two-process-server.ts` on the schema; resolves with its URL once it listens. */
function startServerProcess(schema: TestSchema): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/two-process-server.ts'], {
    cwd: packageRoot,
    env: {
      ...process.env,
      TEST_DATABASE_URL: schema.connectionString,
      TOLLGATE_TEST_SCHEMA: schema.schema,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no server:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /listening (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${output}`)));
  });
}

describe.skipIf(!postgresReachable)('two server processes on one PostgreSQL', () => {
  let schema: TestSchema;
  let store: Store;
  let servers: { child: ChildProcess; url: string }[] = [];
  let smeKey: string;

  beforeAll(async () => {
    schema = await createTestSchema();
    store = postgresStore({ connectionString: schema.connectionString, schema: schema.schema });
    await store.migrate();
    const sql = store.sql;
    if (sql === undefined) throw new Error('a PostgreSQL store has a SQL surface');
    smeKey = (await sqlApiKeyStore(sql).issue({ tenantId: 'load-sme', role: 'sme' })).key;
    servers = await Promise.all([startServerProcess(schema), startServerProcess(schema)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(
      servers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await store?.close();
    await schema?.drop();
  });

  it('bills each idempotency key once under concurrent duplicated requests, loses no event, and the ledger verifies', async () => {
    const [a, b] = servers;
    if (a === undefined || b === undefined) throw new Error('two servers');
    // Uploads spread over both processes: every one billed, none lost.
    const uploads = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        fetch(`${(i % 2 === 0 ? a : b).url}/uploads`, {
          method: 'POST',
          headers: bearer(smeKey),
          body: documentsForm({ name: `lc-${i}.fin`, content: MT700 }),
        }),
      ),
    );
    expect(uploads.map((response) => response.status)).toEqual(Array(12).fill(201));
    const first = uploads[0];
    if (first === undefined) throw new Error('twelve uploads');
    const sessionId = ((await first.json()) as { session_id: string }).session_id;

    // 20 quotes, each idempotency key sent to both processes at once.
    const quote = (url: string, key: string) =>
      sendJson(`${url}/integrations/logistics/dhl-express/quote`, 'POST', smeKey, {
        session_id: sessionId,
        service_type: 'express',
        origin_country: 'DE',
        destination_country: 'BD',
        shipment_value: { amount: '250000', currency: 'EUR' },
        idempotency_key: key,
      });
    const keys = Array.from({ length: 20 }, (_, i) => `load-quote-${i}`);
    const answers = await Promise.all(
      keys.flatMap((key) => [quote(a.url, key), quote(b.url, key)]),
    );
    expect(answers.map((response) => response.status)).toEqual(Array(40).fill(201));
    const bodies = (await Promise.all(answers.map((response) => response.json()))) as {
      id: string;
    }[];
    for (let i = 0; i < keys.length; i++) {
      // Both processes answer a key with the same quote: the one billed.
      expect(bodies[2 * i]?.id).toBe(bodies[2 * i + 1]?.id);
    }

    const ledger = createLedger({ store });
    const events = (await ledger.list({ tenantId: 'load-sme', limit: 1000 })).events;
    expect(events.filter((event) => event.operation === 'sme.validation')).toHaveLength(12);
    const quotes = events.filter((event) => event.operation === 'logistics.quote');
    expect(quotes).toHaveLength(20);
    expect(new Set(quotes.map((event) => event.idempotencyKey)).size).toBe(20);
    expect((await ledger.verify()).ok).toBe(true);
  }, 60_000);
});
