import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedger, type Ledger, sqliteStore } from '@tollgate/billing';
import {
  createMemoryApiKeyStore,
  createTollgateApp,
  type RunningServer,
  serve,
} from '../src/index.js';

/** The full MT700 fixture of the connectors package. */
export const MT700 = readFileSync(
  new URL('../../connectors/test/swift-mt/fixtures/mt700-full.fin', import.meta.url),
  'utf8',
);

/** A server on a free port over a fresh SQLite file, with an SME key for two tenants and a bank key. */
export interface TestServer {
  url: string;
  ledger: Ledger;
  keys: { acme: string; globex: string; bank: string };
  close(): Promise<void>;
}

/** Start a test server (real HTTP on port 0). */
export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-server-'));
  const store = sqliteStore({ path: join(dir, 'tollgate.db') });
  const apiKeys = createMemoryApiKeyStore();
  const keys = {
    acme: apiKeys.issue({ tenantId: 'acme', role: 'sme' }).key,
    globex: apiKeys.issue({ tenantId: 'globex', role: 'sme' }).key,
    bank: apiKeys.issue({ tenantId: 'acme', role: 'bank' }).key,
  };
  // Fixed "today" so the fixture's LC dates are judged the same every run.
  const clock = () => new Date('2025-04-01T10:00:00Z');
  const server: RunningServer = await serve(createTollgateApp({ store, apiKeys, clock }), {
    port: 0,
  });
  return {
    url: server.url,
    ledger: createLedger({ store }),
    keys,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A multipart body with the given files in the `documents` field. */
export function documentsForm(
  ...files: { name: string; content: string | Uint8Array<ArrayBuffer>; type?: string }[]
): FormData {
  const form = new FormData();
  for (const file of files) {
    form.append(
      'documents',
      new Blob([file.content], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  }
  return form;
}

/** Every ledger event of a tenant. */
export async function tenantEvents(ledger: Ledger, tenantId: string) {
  return (await ledger.list({ tenantId })).events;
}
