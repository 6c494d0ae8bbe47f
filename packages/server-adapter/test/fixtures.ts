import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedger, type Ledger, sqliteStore } from '@tollgate/billing';
import { bankSwift } from '@tollgate/connectors/bank-swift';
import {
  BANK_SWIFT_SANDBOX_CREDENTIALS,
  createBankSwiftGateway,
} from '@tollgate/connectors/bank-swift/sandbox';
import { connectSandbox } from '@tollgate/core/testing';
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

/**
 * A server on a free port over a fresh SQLite file, with an SME key for two
 * tenants, bank keys (`bank` of tenant acme, `demoBank`, `otherBank`) and two
 * bank integrations: `demo-swift` (the bank-swift sandbox gateway) and
 * `broken-swift` (a client the gateway refuses: every submission fails).
 */
export interface TestServer {
  url: string;
  ledger: Ledger;
  keys: { acme: string; globex: string; bank: string; demoBank: string; otherBank: string };
  /** The sandbox behind `demo-swift`: `requests` lists what reached the gateway. */
  bankSandbox: ReturnType<typeof connectSandbox>['sandbox'];
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
    demoBank: apiKeys.issue({ tenantId: 'demo-bank', role: 'bank' }).key,
    otherBank: apiKeys.issue({ tenantId: 'other-bank', role: 'bank' }).key,
  };
  const gateway = createBankSwiftGateway();
  const demo = connectSandbox(bankSwift, {
    sandbox: gateway.sandbox,
    config: {},
    credentials: BANK_SWIFT_SANDBOX_CREDENTIALS,
  });
  const broken = connectSandbox(bankSwift, {
    sandbox: gateway.sandbox,
    config: {},
    credentials: { clientId: 'intruder', clientSecret: 'not-the-sandbox-secret-0000' },
  });
  // Fixed "today" so the fixture's LC dates are judged the same every run.
  const clock = () => new Date('2025-04-01T10:00:00Z');
  const integrations = { bank: { 'demo-swift': demo.client, 'broken-swift': broken.client } };
  const server: RunningServer = await serve(
    createTollgateApp({ store, apiKeys, clock, integrations }),
    { port: 0 },
  );
  return {
    url: server.url,
    ledger: createLedger({ store }),
    keys,
    bankSandbox: demo.sandbox,
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
