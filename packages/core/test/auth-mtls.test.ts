import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { inspect } from 'node:util';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  combineAuth,
  type MtlsStrategy,
  mtls,
  oauth2ClientCredentials,
} from '../src/auth/index.js';
import { AuthError, ValidationError } from '../src/errors/index.js';
import { type CertAndKey, createTestCa, type TestCa } from './fixtures/auth-certs.js';
import { createAuthContext } from './fixtures/auth-context.js';

let ca: TestCa;
let serverCert: CertAndKey;
let clientCert: CertAndKey;
let rogueCert: CertAndKey;
let serverFingerprint: string;
const servers: Record<'TLSv1.3' | 'TLSv1.2', { server: Server; origin: string }> = {} as never;
const strategies: MtlsStrategy[] = [];

/** Every strategy made here is closed after the suite, so no socket outlives it. */
function track(strategy: MtlsStrategy): MtlsStrategy {
  strategies.push(strategy);
  return strategy;
}

async function startServer(
  maxVersion: 'TLSv1.3' | 'TLSv1.2',
): Promise<{ server: Server; origin: string }> {
  const server = createServer(
    {
      cert: serverCert.cert,
      key: serverCert.key,
      ca: ca.cert,
      requestCert: true,
      rejectUnauthorized: true,
      maxVersion,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.url === '/oauth/token') {
          res.setHeader('content-type', 'application/json');
          res.end(
            JSON.stringify({
              access_token: `token-for-${peer.subject?.CN}`,
              token_type: 'bearer',
              expires_in: 60,
            }),
          );
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-server', 'test-bank');
        res.end(
          JSON.stringify({
            cn: peer.subject?.CN,
            tls: (req.socket as TLSSocket).getProtocol(),
            method: req.method,
            url: req.url,
            body: Buffer.concat(chunks).toString('utf8'),
            authorization: req.headers.authorization ?? null,
            contentType: req.headers['content-type'] ?? null,
          }),
        );
      });
    },
  );
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  ca = await createTestCa('Tollgate Test Bank CA');
  const otherCa = await createTestCa('Somebody Else CA');
  serverCert = await ca.issue({ commonName: 'localhost', usage: 'server' });
  clientCert = await ca.issue({ commonName: 'acme-trading-client', usage: 'client' });
  rogueCert = await otherCa.issue({ commonName: 'rogue-client', usage: 'client' });
  serverFingerprint = new X509Certificate(serverCert.cert).fingerprint256;
  servers['TLSv1.3'] = await startServer('TLSv1.3');
  servers['TLSv1.2'] = await startServer('TLSv1.2');
});

afterAll(async () => {
  await Promise.all(strategies.map((strategy) => strategy.close()));
  for (const { server } of Object.values(servers)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('why mtls rebuilds requests for undici 8', () => {
  it("undici 8's fetch does not accept a global Request, and the global fetch does not accept an undici 8 Agent", async () => {
    const { origin } = servers['TLSv1.3'];
    const agent = new Agent({
      connect: { ca: ca.cert, cert: clientCert.cert, key: clientCert.key },
    });
    try {
      const viaUndici = await failure(
        undiciFetch(new Request(`${origin}/x`) as never, { dispatcher: agent }),
      );
      expect(String(viaUndici)).toMatch(/Failed to parse URL/);
      const viaGlobal = await failure(fetch(`${origin}/x`, { dispatcher: agent } as RequestInit));
      expect(viaGlobal).toBeInstanceOf(TypeError);
      // Plain (url, init) through undici 8 works, but its Response is not the global class.
      const response = await undiciFetch(`${origin}/x`, { dispatcher: agent });
      expect(response.ok).toBe(true);
      expect(response instanceof Response).toBe(false);
      await response.arrayBuffer();
    } finally {
      await agent.close();
    }
  });
});

describe.each(['TLSv1.3', 'TLSv1.2'] as const)(
  'mtls against a real HTTPS server demanding a client certificate (%s)',
  (version) => {
    it('with the right certificate the call succeeds and the server sees the client CN', async () => {
      const { origin } = servers[version];
      const auth = track(mtls({ cert: clientCert.cert, key: clientCert.key, ca: ca.cert }));
      const send = auth.wrapFetch(globalThis.fetch);

      const request = auth.authorize(
        new Request(`${origin}/letters-of-credit?ref=LC1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': 'r-1' },
          body: JSON.stringify({ amount: '1000.00' }),
        }),
      );
      const response = await send(request);

      expect(response).toBeInstanceOf(Response);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-server')).toBe('test-bank');
      expect(response.url).toBe(`${origin}/letters-of-credit?ref=LC1`);
      expect(await response.json()).toEqual({
        cn: 'acme-trading-client',
        tls: version,
        method: 'POST',
        url: '/letters-of-credit?ref=LC1',
        body: '{"amount":"1000.00"}',
        authorization: null,
        contentType: 'application/json',
      });

      // (url, init) works too, and the connection is reused.
      const again = await send(`${origin}/status`, { headers: { accept: 'application/json' } });
      expect((await again.json()).cn).toBe('acme-trading-client');
    });

    it('without a client certificate → AuthError', async () => {
      const { origin } = servers[version];
      const auth = track(mtls({ ca: ca.cert }));
      const error = await failure(auth.wrapFetch(globalThis.fetch)(`${origin}/x`));
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).code).toBe('auth_failed');
      expect((error as AuthError).message).toMatch(
        /requires a TLS client certificate and none is configured/,
      );
      expect((error as AuthError).cause).toBeInstanceOf(TypeError);
    });

    it('with a client certificate from another CA → AuthError without key material', async () => {
      const { origin } = servers[version];
      const auth = track(mtls({ cert: rogueCert.cert, key: rogueCert.key, ca: ca.cert }));
      const error = await failure(auth.wrapFetch(globalThis.fetch)(`${origin}/x`));
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).message).toMatch(/refused the TLS client certificate/);
      const text = `${(error as Error).message}\n${JSON.stringify(error)}\n${inspect(error, { depth: 8 })}`;
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain(rogueCert.key.split('\n')[1]);
    });

    it('a wrong pinned fingerprint → AuthError; the right one (hex or base64) → success', async () => {
      const { origin } = servers[version];
      const wrong = track(
        mtls({
          cert: clientCert.cert,
          key: clientCert.key,
          ca: ca.cert,
          pinnedFingerprint256: `${'AA:'.repeat(31)}AA`,
        }),
      );
      const error = await failure(wrong.wrapFetch(globalThis.fetch)(`${origin}/x`));
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).message).toMatch(/does not match the pinned SHA-256 fingerprint/);

      const base64Pin = Buffer.from(serverFingerprint.replaceAll(':', ''), 'hex').toString(
        'base64',
      );
      for (const pin of [
        serverFingerprint,
        serverFingerprint.toLowerCase(),
        base64Pin,
        [`${'BB:'.repeat(31)}BB`, serverFingerprint],
      ]) {
        const right = track(
          mtls({
            cert: clientCert.cert,
            key: clientCert.key,
            ca: ca.cert,
            pinnedFingerprint256: pin,
          }),
        );
        const response = await right.wrapFetch(globalThis.fetch)(`${origin}/pinned`);
        expect((await response.json()).cn).toBe('acme-trading-client');
      }
    });
  },
);

describe('mtls beyond the handshake', () => {
  it('an untrusted server certificate (no ca given) → AuthError naming the fix', async () => {
    const auth = track(mtls({ cert: clientCert.cert, key: clientCert.key }));
    const error = await failure(auth.wrapFetch(globalThis.fetch)(`${servers['TLSv1.3'].origin}/x`));
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toMatch(/not trusted .*pass its CA as `ca`/);
  });

  it('other network errors pass through unchanged', async () => {
    const auth = track(mtls({ cert: clientCert.cert, key: clientCert.key, ca: ca.cert }));
    const closed = await startServer('TLSv1.3');
    const origin = closed.origin;
    await new Promise((resolve) => closed.server.close(resolve));
    const error = await failure(auth.wrapFetch(globalThis.fetch)(`${origin}/x`));
    expect(error).not.toBeInstanceOf(AuthError);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('an abort passes through as an AbortError', async () => {
    const auth = track(mtls({ cert: clientCert.cert, key: clientCert.key, ca: ca.cert }));
    const error = await failure(
      auth.wrapFetch(globalThis.fetch)(`${servers['TLSv1.3'].origin}/x`, {
        signal: AbortSignal.abort(),
      }),
    );
    expect((error as Error).name).toBe('AbortError');
  });

  it('combineAuth(mtls, oauth2): the token endpoint and the API both see the client certificate', async () => {
    const { origin } = servers['TLSv1.3'];
    const tls = track(mtls({ cert: clientCert.cert, key: clientCert.key, ca: ca.cert }));
    const auth = combineAuth(
      tls,
      oauth2ClientCredentials({
        tokenUrl: '/oauth/token',
        clientId: 'acme',
        clientSecret: 'bank-secret',
      }),
    );
    const send = auth.wrapFetch(globalThis.fetch);
    const context = createAuthContext(send, { baseUrl: origin });

    const request = await auth.authorize(new Request(`${origin}/lc`), context);
    const body = await (await send(request)).json();
    expect(body).toMatchObject({
      cn: 'acme-trading-client',
      authorization: 'Bearer token-for-acme-trading-client',
    });
    expect(JSON.parse(JSON.stringify(auth)).strategies[0]).toEqual({ type: 'mtls' });
  });

  it('a sandbox fetch is called as-is, with the dispatcher in init', async () => {
    const auth = track(mtls({ cert: clientCert.cert, key: clientCert.key, ca: ca.cert }));
    let seen: RequestInit | undefined;
    const sandbox = async (_input: Request | URL | string, init?: RequestInit) => {
      seen = init;
      return new Response('sandboxed');
    };
    const response = await auth.wrapFetch(sandbox)('https://bank.example/lc', { method: 'GET' });
    expect(await response.text()).toBe('sandboxed');
    expect((seen as { dispatcher?: unknown }).dispatcher).toBeInstanceOf(Agent);
  });
});

describe('mtls options', () => {
  it('toJSON and inspect show the type and the pin only', () => {
    const auth = track(
      mtls({
        cert: clientCert.cert,
        key: clientCert.key,
        ca: ca.cert,
        pinnedFingerprint256: serverFingerprint,
      }),
    );
    expect(JSON.parse(JSON.stringify(auth))).toEqual({
      type: 'mtls',
      pinnedFingerprint256: [serverFingerprint],
    });
    const shown = inspect(auth, { depth: 10, showHidden: true });
    expect(shown).not.toContain('PRIVATE KEY');
    expect(shown).toContain(serverFingerprint);
    expect(auth.secretValues()).toContain(clientCert.key);
  });

  it('rejects unreadable material, a key of another certificate, half a pair and a bad pin, all at once', () => {
    const error = (() => {
      try {
        mtls({
          cert: 'not a certificate',
          key: rogueCert.key,
          ca: ['nope'],
          pinnedFingerprint256: 'AB:CD',
        });
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'ca.0',
      'cert',
      'pinnedFingerprint256',
    ]);
    expect(error.message).not.toContain('PRIVATE KEY');

    expect(() => mtls({ cert: clientCert.cert, key: rogueCert.key })).toThrow(
      /does not belong to the certificate/,
    );
    expect(() => mtls({ cert: clientCert.cert })).toThrow(/cert and key go together/);
    expect(() => mtls({})).toThrow(ValidationError);
    const garbled = (() => {
      try {
        mtls({ cert: clientCert.cert, key: clientCert.key.replace('A', '*') });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(garbled?.issues[0]?.path).toEqual(['key']);
    expect(garbled?.message).not.toContain('PRIVATE KEY');
  });
});
