import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedger, type Ledger, type Store, sqliteStore } from '@tollgate/billing';
import { bankSwift } from '@tollgate/connectors/bank-swift';
import {
  BANK_SWIFT_SANDBOX_CREDENTIALS,
  createBankSwiftGateway,
} from '@tollgate/connectors/bank-swift/sandbox';
import { connectSandbox } from '@tollgate/core/testing';
import { expect } from 'vitest';
import {
  createLogger,
  createTollgate,
  partnerIdempotencyKey,
  type RunningServer,
  serve,
  sqlApiKeyStore,
  type Tollgate,
  type TollgateAppOptions,
} from '../src/index.js';
import { sandboxIntegrations } from '../src/sandbox/index.js';

/** The full MT700 fixture of the connectors package. */
export const MT700 = readFileSync(
  new URL('../../connectors/test/swift-mt/fixtures/mt700-full.fin', import.meta.url),
  'utf8',
);

/**
 * A server on a free port over a fresh SQLite file, with SME keys for three
 * tenants (`acme`, `globex`, `trader` of tenant initech), bank keys (`bank` of
 * tenant acme, `demoBank`, `otherBank`) and two bank integrations: `demo-swift`
 * (the bank-swift sandbox gateway) and `broken-swift` (a client the gateway
 * refuses: every submission fails). Logistics (`demo-dhl`), customs
 * (`demo-customs`) and FX (`demo-ecb`) integrations answer from their
 * connectors' sandboxes; their `broken-…` twins play the sandbox scenario
 * `server-error` (HTTP 500 on every call, retries off so tests stay fast).
 */
export interface TestServer {
  url: string;
  ledger: Ledger;
  keys: {
    acme: string;
    globex: string;
    trader: string;
    bank: string;
    demoBank: string;
    otherBank: string;
    /** Tenant `ops`, role admin: manages every tenant's keys. */
    admin: string;
    /** Tenant acme, role sme, scope `uploads` only. */
    uploadsOnly: string;
  };
  /** The sandbox behind `demo-swift`: `requests` lists what reached the gateway. */
  bankSandbox: ReturnType<typeof connectSandbox>['sandbox'];
  /** The sandboxes behind the other demo integrations, by integration id. */
  sandboxes: Record<string, ReturnType<typeof connectSandbox>['sandbox']>;
  /** The SWIFT gateway behind `demo-swift`: `advance()` plays ACK/NAK, signed callbacks go to `POST /webhooks/demo-swift`. */
  bankGateway: ReturnType<typeof createBankSwiftGateway>;
  /** The signed status callbacks of the `demo-customs` gateway, issued as declarations are lodged. */
  customsOutbox: ReturnType<typeof sandboxIntegrations>['customsOutbox'];
  /** The app's runtime: its retry worker, submissions, metrics. */
  tollgate: Tollgate;
  /** Move the server's clock forward (it starts at 2025-04-01T10:00:00Z and stands still otherwise). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/** The secret the test gateway signs its callbacks with. */
export const TEST_BANK_WEBHOOK_SECRET = 'whsec_dGVzdC1iYW5rLXdlYmhvb2stc2VjcmV0LTAxMjM0NTY3';

/** Start a test server (real HTTP on port 0); `options` are passed to `createTollgateApp`. */
export async function startTestServer(
  options: Partial<
    Pick<TollgateAppOptions, 'rateLimit' | 'metrics' | 'logger' | 'webhooks' | 'alerts'>
  > = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-server-'));
  const store = sqliteStore({ path: join(dir, 'tollgate.db') });
  // Keys in the server's own table of the SQLite file, as a deployment keeps them.
  const apiKeys = sqlApiKeyStore(requireSql(store));
  const keys = {
    acme: (await apiKeys.issue({ tenantId: 'acme', role: 'sme' })).key,
    globex: (await apiKeys.issue({ tenantId: 'globex', role: 'sme' })).key,
    trader: (await apiKeys.issue({ tenantId: 'initech', role: 'sme' })).key,
    bank: (await apiKeys.issue({ tenantId: 'acme', role: 'bank' })).key,
    demoBank: (await apiKeys.issue({ tenantId: 'demo-bank', role: 'bank' })).key,
    otherBank: (await apiKeys.issue({ tenantId: 'other-bank', role: 'bank' })).key,
    admin: (await apiKeys.issue({ tenantId: 'ops', role: 'admin' })).key,
    uploadsOnly: (await apiKeys.issue({ tenantId: 'acme', role: 'sme', scopes: ['uploads'] })).key,
  };
  let app: Tollgate['app'] | undefined;
  const gateway = createBankSwiftGateway({
    // A NAK for demo-bank's idempotency key NAKME (as the server sends it), to play a refusal by the network.
    nak: (message) =>
      message.reference === partnerIdempotencyKey('demo-bank', 'bank', 'NAKME')
        ? { code: 'T27', reason: 'Invalid BIC' }
        : undefined,
    webhooks: {
      url: 'http://tollgate.test/webhooks/demo-swift',
      secret: TEST_BANK_WEBHOOK_SECRET,
      deliver: (request) => app?.fetch(request),
    },
  });
  const demo = connectSandbox(bankSwift, {
    sandbox: gateway.sandbox,
    config: {},
    credentials: { ...BANK_SWIFT_SANDBOX_CREDENTIALS, webhookSecret: TEST_BANK_WEBHOOK_SECRET },
    // Fast retries inside one call, so a failing gateway fails the call quickly.
    transport: { retry: { baseDelayMs: 1, maxDelayMs: 2, jitter: false } },
  });
  const broken = connectSandbox(bankSwift, {
    sandbox: gateway.sandbox,
    config: {},
    credentials: { clientId: 'intruder', clientSecret: 'not-the-sandbox-secret-0000' },
  });
  const partners = connectPartners();
  // Fixed "today" so the fixture's LC dates are judged the same every run; tests move it by hand.
  let now = Date.parse('2025-04-01T10:00:00Z');
  const clock = () => new Date(now);
  const integrations = {
    bank: { 'demo-swift': demo.client, 'broken-swift': broken.client },
    ...partners.integrations,
  };
  const tollgate = createTollgate({
    store,
    apiKeys,
    clock,
    integrations,
    ...(process.env.TOLLGATE_TEST_LOG ? { logger: createLogger({ level: 'error' }) } : {}),
    ...options,
  });
  app = tollgate.app;
  const server: RunningServer = await serve(tollgate.app, { port: 0 });
  return {
    url: server.url,
    ledger: createLedger({ store }),
    keys,
    bankSandbox: demo.sandbox,
    sandboxes: partners.sandboxes,
    bankGateway: gateway,
    customsOutbox: partners.customsOutbox,
    tollgate,
    advanceClock(ms) {
      now += ms;
    },
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function requireSql(store: Store) {
  if (store.sql === undefined) throw new Error('the test server runs on SQLite');
  return store.sql;
}

/** No retries: a `server-error` partner fails at once. */
const NO_RETRIES = { retry: { maxAttempts: 1 } };

/** The logistics, customs and FX integrations of the test server, each with a broken twin. */
function connectPartners() {
  const demo = sandboxIntegrations();
  const broken = sandboxIntegrations({ scenario: 'server-error', transport: NO_RETRIES });
  return {
    integrations: {
      logistics: {
        'demo-dhl': demo.integrations.logistics['dhl-express'],
        'broken-dhl': broken.integrations.logistics['dhl-express'],
      },
      customs: {
        'demo-customs': demo.integrations.customs.customs,
        'broken-customs': broken.integrations.customs.customs,
      },
      fx: {
        'demo-ecb': demo.integrations.fx['fx-ecb'],
        'broken-ecb': broken.integrations.fx['fx-ecb'],
      },
    } satisfies TollgateAppOptions['integrations'],
    customsOutbox: demo.customsOutbox,
    sandboxes: {
      'demo-dhl': demo.sandboxes['dhl-express'],
      'broken-dhl': broken.sandboxes['dhl-express'],
      'demo-customs': demo.sandboxes.customs,
      'broken-customs': broken.sandboxes.customs,
      'demo-ecb': demo.sandboxes['fx-ecb'],
      'broken-ecb': broken.sandboxes['fx-ecb'],
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

/** The `Authorization` header of an API key. */
export function bearer(key: string): { authorization: string } {
  return { authorization: `Bearer ${key}` };
}

/** `fetch` a JSON request with an API key; `body` undefined sends none. */
export function sendJson(
  url: string,
  method: string,
  key: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method,
    headers: {
      ...bearer(key),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Assert `response` is an RFC 9457 problem of `status` and `code`; returns the problem. */
export async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({ type: `https://tollgate.dev/problems/${code}`, status, code });
  expect(typeof problem.title).toBe('string');
  return problem;
}
