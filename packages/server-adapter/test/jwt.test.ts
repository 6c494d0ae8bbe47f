import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApiKeyStore, defaultScopes } from '../src/auth/api-keys.js';
import {
  type JwtVerifier,
  type JwtVerifierOptions,
  jwtVerifier,
  looksLikeJwt,
  requireBearer,
} from '../src/auth/jwt.js';
import { problemResponse } from '../src/errors/problem.js';
import { requireScope } from '../src/middleware/auth.js';
import type { AppEnv } from '../src/types.js';

const ISSUER = 'https://idp.example.test/';
const AUDIENCE = 'https://api.tollgate.test';
const NOW = new Date('2030-06-01T12:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

interface SigningKey {
  alg: string;
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function signingKey(alg: 'RS256' | 'ES256', kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { alg, kid, privateKey, publicJwk };
}

const jwksOf = (...keys: SigningKey[]): JSONWebKeySet => ({ keys: keys.map((k) => k.publicJwk) });

/** Sign a token; claims default to a valid SME token for tenant `acme`, set a claim to `undefined` to drop it. */
async function sign(
  key: SigningKey,
  claims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): Promise<string> {
  const payload: Record<string, unknown> = {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'user-42',
    iat: nowSeconds,
    exp: nowSeconds + 3600,
    tenant_id: 'acme',
    tollgate_role: 'sme',
    scope: 'uploads sessions openid profile',
    ...claims,
  };
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined) delete payload[name];
  }
  return new SignJWT(payload as JWTPayload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
    .sign(key.privateKey);
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let rsa: SigningKey;
let ec: SigningKey;
let rotated: SigningKey;
/** Another key that claims the kid of `rsa`: its signatures must not verify. */
let impostor: SigningKey;

/** A JWKS endpoint on a real local HTTP server; `keys` is what it serves now. */
const jwksServer = {
  server: undefined as Server | undefined,
  url: '',
  keys: { keys: [] } as JSONWebKeySet,
  requests: 0,
};

beforeAll(async () => {
  [rsa, ec, rotated, impostor] = await Promise.all([
    signingKey('RS256', 'rsa-1'),
    signingKey('ES256', 'ec-1'),
    signingKey('RS256', 'rsa-2'),
    signingKey('RS256', 'rsa-1'),
  ]);
  jwksServer.keys = jwksOf(rsa, ec);
  const server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    jwksServer.requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwksServer.keys));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksServer.server = server;
  jwksServer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});

afterAll(async () => {
  await new Promise((resolve) => jwksServer.server?.close(resolve));
});

/** A verifier over local keys `rsa` and `ec`, at {@link NOW}, recording why tokens are refused. */
function localVerifier(options: Partial<JwtVerifierOptions> = {}) {
  const reasons: string[] = [];
  const verifier = jwtVerifier({
    jwks: jwksOf(rsa, ec),
    issuer: ISSUER,
    audience: AUDIENCE,
    clock: () => NOW,
    onReject: (reason) => reasons.push(reason),
    ...options,
  });
  return { verifier, reasons };
}

describe('jwtVerifier', () => {
  it('turns a valid RS256 token into a principal', async () => {
    const { verifier } = localVerifier();
    expect(await verifier.verify(await sign(rsa))).toEqual({
      tenantId: 'acme',
      role: 'sme',
      prefix: 'jwt:user-42',
      scopes: ['uploads', 'sessions'],
    });
  });

  it('accepts ES256, an array scope claim and several issuers and audiences', async () => {
    const { verifier } = localVerifier({
      issuer: ['https://other.example/', ISSUER],
      audience: ['unused', AUDIENCE],
    });
    const token = await sign(ec, {
      tollgate_role: 'bank',
      scope: ['billing', 'integrations', 'nonsense'],
      aud: [AUDIENCE, 'someone-else'],
    });
    expect(await verifier.verify(token)).toEqual({
      tenantId: 'acme',
      role: 'bank',
      prefix: 'jwt:user-42',
      scopes: ['integrations', 'billing'],
    });
  });

  it("gives the role's default scopes when the scope claim is absent, none when it names none", async () => {
    // An admin JWT only where the deployment lists the role: by default it stays with API keys.
    const adminToken = await sign(rsa, { tollgate_role: 'admin', scope: undefined });
    expect(await localVerifier().verifier.verify(adminToken)).toBeUndefined();
    const { verifier } = localVerifier({ roles: ['sme', 'bank', 'partner', 'admin'] });
    const admin = await verifier.verify(adminToken);
    expect(admin?.scopes).toEqual(defaultScopes('admin'));
    const partner = await verifier.verify(
      await sign(rsa, { tollgate_role: 'partner', scope: undefined }),
    );
    expect(partner?.scopes).toEqual(defaultScopes('partner'));
    expect(partner?.scopes).not.toContain('api_keys');
    const none = await verifier.verify(await sign(rsa, { scope: 'openid email' }));
    expect(none?.scopes).toEqual([]);
  });

  it('reads namespaced claim names', async () => {
    const { verifier } = localVerifier({
      claims: {
        tenant: 'https://tollgate.dev/tenant',
        role: 'https://tollgate.dev/role',
        scopes: 'scp',
      },
    });
    const token = await sign(rsa, {
      tenant_id: undefined,
      tollgate_role: undefined,
      'https://tollgate.dev/tenant': 'bank.of-x_1',
      'https://tollgate.dev/role': 'bank',
      scp: 'sessions',
    });
    expect(await verifier.verify(token)).toMatchObject({
      tenantId: 'bank.of-x_1',
      role: 'bank',
      scopes: ['sessions'],
    });
  });

  it('refuses the wrong issuer or audience', async () => {
    const { verifier, reasons } = localVerifier();
    expect(
      await verifier.verify(await sign(rsa, { iss: 'https://evil.example/' })),
    ).toBeUndefined();
    expect(await verifier.verify(await sign(rsa, { aud: 'https://other.api' }))).toBeUndefined();
    expect(await verifier.verify(await sign(rsa, { iss: undefined }))).toBeUndefined();
    expect(await verifier.verify(await sign(rsa, { aud: undefined }))).toBeUndefined();
    expect(reasons).toEqual(Array(4).fill('ERR_JWT_CLAIM_VALIDATION_FAILED'));
  });

  it('refuses expired and not-yet-valid tokens, within the clock tolerance', async () => {
    const token = await sign(rsa, { exp: nowSeconds + 60 });
    const at = (offsetSeconds: number, tolerance?: number) =>
      localVerifier({
        clock: () => new Date(NOW.getTime() + offsetSeconds * 1000),
        ...(tolerance === undefined ? {} : { clockToleranceSeconds: tolerance }),
      });
    expect(await at(0).verifier.verify(token)).toBeDefined();
    expect(await at(80).verifier.verify(token)).toBeDefined(); // 20 s late, default tolerance 30 s
    const late = at(100);
    expect(await late.verifier.verify(token)).toBeUndefined();
    expect(late.reasons).toEqual(['ERR_JWT_EXPIRED']);
    expect(await at(80, 0).verifier.verify(token)).toBeUndefined();

    const { verifier: pastVerifier } = localVerifier();
    const past = await sign(rsa, { iat: nowSeconds - 7200, exp: nowSeconds - 3600 });
    expect(await pastVerifier.verify(past)).toBeUndefined();

    const future = await sign(rsa, { nbf: nowSeconds + 600 });
    expect(await pastVerifier.verify(future)).toBeUndefined();
  });

  it('refuses a token without exp or sub', async () => {
    const { verifier, reasons } = localVerifier();
    expect(await verifier.verify(await sign(rsa, { exp: undefined }))).toBeUndefined();
    expect(await verifier.verify(await sign(rsa, { sub: undefined }))).toBeUndefined();
    expect(reasons).toEqual(Array(2).fill('ERR_JWT_CLAIM_VALIDATION_FAILED'));
  });

  it('refuses an unsecured alg: none token', async () => {
    const { verifier, reasons } = localVerifier();
    const payload = {
      iss: ISSUER,
      aud: AUDIENCE,
      sub: 'user-42',
      exp: nowSeconds + 3600,
      tenant_id: 'acme',
      tollgate_role: 'admin',
    };
    for (const alg of ['none', 'None', 'NONE']) {
      const unsecured = `${b64url({ alg, typ: 'JWT' })}.${b64url(payload)}.`;
      expect(looksLikeJwt(unsecured)).toBe(true);
      expect(await verifier.verify(unsecured)).toBeUndefined();
      // …also with a kid that exists and a bogus signature.
      const withKid = `${b64url({ alg, kid: 'rsa-1' })}.${b64url(payload)}.${b64url('sig')}`;
      expect(await verifier.verify(withKid)).toBeUndefined();
    }
    expect(reasons).toHaveLength(6);
    expect(reasons.every((reason) => reason.startsWith('ERR_'))).toBe(true);
  });

  it('refuses a signature by another key, a tampered payload and an unknown kid', async () => {
    const { verifier, reasons } = localVerifier();
    expect(await verifier.verify(await sign(impostor))).toBeUndefined();
    const [header, , signature] = (await sign(rsa)).split('.');
    const tampered = `${header}.${b64url({ iss: ISSUER, aud: AUDIENCE, sub: 'x', exp: nowSeconds + 60, tenant_id: 'acme', tollgate_role: 'admin' })}.${signature}`;
    expect(await verifier.verify(tampered)).toBeUndefined();
    expect(await verifier.verify(await sign(rotated))).toBeUndefined();
    expect(reasons).toEqual([
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
      'ERR_JWKS_NO_MATCHING_KEY',
    ]);
  });

  it('refuses an HS256 token, even one keyed with a public key text', async () => {
    const { verifier } = localVerifier();
    const secret = new TextEncoder().encode(JSON.stringify(rsa.publicJwk));
    const hs = await new SignJWT({ tenant_id: 'acme', tollgate_role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('x')
      .setExpirationTime(nowSeconds + 60)
      .sign(secret);
    expect(await verifier.verify(hs)).toBeUndefined();
  });

  it('refuses algorithms outside the configured list', async () => {
    const { verifier, reasons } = localVerifier({ algorithms: ['ES256'] });
    expect(await verifier.verify(await sign(rsa))).toBeUndefined();
    expect(await verifier.verify(await sign(ec))).toBeDefined();
    expect(reasons).toEqual(['ERR_JOSE_ALG_NOT_ALLOWED']);
  });

  it('refuses a missing or malformed tenant, an unknown role, a bad scope claim or subject', async () => {
    const { verifier, reasons } = localVerifier();
    const refused = [
      { tenant_id: undefined },
      { tenant_id: '' },
      { tenant_id: '-acme' },
      { tenant_id: '../etc' },
      { tenant_id: 'a'.repeat(65) },
      { tenant_id: 42 },
      { tollgate_role: undefined },
      { tollgate_role: 'root' },
      { tollgate_role: ['admin'] },
      { scope: 7 },
      { scope: ['uploads', 3] },
      { sub: 'has space' },
      { sub: 'line\nbreak' },
      { sub: 'x'.repeat(201) },
    ];
    for (const claims of refused) {
      expect(
        await verifier.verify(await sign(rsa, claims)),
        JSON.stringify(claims),
      ).toBeUndefined();
    }
    expect(reasons).toEqual([
      ...Array(6).fill('tenant_claim_invalid'),
      ...Array(3).fill('role_claim_invalid'),
      ...Array(2).fill('scopes_claim_invalid'),
      ...Array(3).fill('subject_invalid'),
    ]);
    expect(await verifier.verify(await sign(rsa, { tenant_id: 'a'.repeat(64) }))).toBeDefined();
  });

  it('never throws: garbage, huge and non-string input is undefined', async () => {
    // A throwing onReject observer must not turn a refusal into an error either.
    const { verifier } = localVerifier({
      onReject: () => {
        throw new Error('observer failed');
      },
    });
    for (const token of ['', 'abc', 'a.b', 'a.b.c', '!!.??.**', `${'a'.repeat(20_000)}.b.c`]) {
      expect(await verifier.verify(token)).toBeUndefined();
    }
    expect(await verifier.verify(undefined as unknown as string)).toBeUndefined();
  });

  it('refuses roles outside the configured list', async () => {
    const { verifier, reasons } = localVerifier({ roles: ['sme', 'bank'] });
    expect(await verifier.verify(await sign(rsa, { tollgate_role: 'admin' }))).toBeUndefined();
    expect(await verifier.verify(await sign(rsa, { tollgate_role: 'bank' }))).toBeDefined();
    expect(reasons).toEqual(['role_claim_invalid']);
    expect(() => localVerifier({ roles: [] })).toThrow(/roles/);
    expect(() => localVerifier({ roles: ['root' as 'admin'] })).toThrow(/roles/);
  });

  it('checks the typ header when asked', async () => {
    const { verifier } = localVerifier({ typ: 'at+jwt' });
    expect(await verifier.verify(await sign(rsa))).toBeUndefined();
    expect(await verifier.verify(await sign(rsa, {}, { typ: 'at+jwt' }))).toBeDefined();
  });

  it('rejects bad options at once', () => {
    const base = { issuer: ISSUER, audience: AUDIENCE };
    expect(() => jwtVerifier(base)).toThrow(/exactly one of jwksUrl and jwks/);
    expect(() => jwtVerifier({ ...base, jwks: jwksOf(rsa), jwksUrl: jwksServer.url })).toThrow(
      /exactly one/,
    );
    expect(() => jwtVerifier({ ...base, jwksUrl: 'http://idp.example.com/jwks' })).toThrow(/https/);
    expect(() => jwtVerifier({ ...base, jwksUrl: 'not a url' })).toThrow(/not a URL/);
    expect(() =>
      jwtVerifier({ ...base, jwks: jwksOf(rsa), algorithms: ['RS256', 'none'] }),
    ).toThrow(/none/);
    expect(() => jwtVerifier({ ...base, jwks: jwksOf(rsa), algorithms: ['HS256'] })).toThrow(
      /HS256/,
    );
    expect(() => jwtVerifier({ ...base, jwks: jwksOf(rsa), algorithms: [] })).toThrow();
    expect(() => jwtVerifier({ ...base, jwks: jwksOf(rsa), issuer: [] })).toThrow(/issuer/);
    expect(() => jwtVerifier({ ...base, jwks: jwksOf(rsa), audience: '' })).toThrow(/audience/);
    expect(() => jwtVerifier({ ...base, jwks: jwksOf(rsa), clockToleranceSeconds: -1 })).toThrow();
    expect(() => jwtVerifier({ ...base, jwksUrl: 'https://idp.example.com/jwks' })).not.toThrow();
  });
});

describe('jwtVerifier over a remote JWKS', () => {
  const remote = (options: Partial<JwtVerifierOptions> = {}) =>
    jwtVerifier({
      jwksUrl: jwksServer.url,
      issuer: ISSUER,
      audience: AUDIENCE,
      clock: () => NOW,
      ...options,
    });

  it('fetches the keys once and caches them', async () => {
    jwksServer.keys = jwksOf(rsa, ec);
    const before = jwksServer.requests;
    const verifier = remote();
    expect(await verifier.verify(await sign(rsa))).toMatchObject({ tenantId: 'acme' });
    expect(await verifier.verify(await sign(ec))).toMatchObject({ tenantId: 'acme' });
    expect(await verifier.verify(await sign(rsa, { sub: 'someone-else' }))).toMatchObject({
      prefix: 'jwt:someone-else',
    });
    expect(jwksServer.requests - before).toBe(1);
  });

  it('follows a key rotation: an unknown kid refetches the JWKS', async () => {
    jwksServer.keys = jwksOf(rsa);
    const verifier = remote({ jwksCooldownMs: 0 });
    expect(await verifier.verify(await sign(rsa))).toBeDefined();
    const before = jwksServer.requests;

    jwksServer.keys = jwksOf(rotated);
    expect(await verifier.verify(await sign(rotated))).toMatchObject({ prefix: 'jwt:user-42' });
    expect(jwksServer.requests - before).toBe(1);
    // The retired key is gone from the set: its tokens are refused now.
    expect(await verifier.verify(await sign(rsa))).toBeUndefined();
  });

  it('does not refetch within the cooldown (a flood of unknown kids costs one fetch)', async () => {
    jwksServer.keys = jwksOf(rsa);
    const reasons: string[] = [];
    const verifier = remote({ onReject: (reason) => reasons.push(reason) });
    expect(await verifier.verify(await sign(rsa))).toBeDefined();
    const before = jwksServer.requests;
    jwksServer.keys = jwksOf(rsa, rotated);
    for (let i = 0; i < 5; i += 1) {
      expect(await verifier.verify(await sign(rotated))).toBeUndefined();
    }
    expect(jwksServer.requests - before).toBe(0);
    expect(reasons).toEqual(Array(5).fill('ERR_JWKS_NO_MATCHING_KEY'));
  });

  it('uses a custom fetch', async () => {
    jwksServer.keys = jwksOf(ec);
    const fetched: string[] = [];
    const verifier = remote({
      fetch: (url, init) => {
        fetched.push(url);
        return fetch(url, init);
      },
    });
    expect(await verifier.verify(await sign(ec))).toBeDefined();
    expect(fetched).toEqual([jwksServer.url]);
  });

  it('is undefined, not an error, when the JWKS endpoint fails', async () => {
    const reasons: string[] = [];
    const verifier = remote({
      jwksUrl: `${jwksServer.url}.missing`,
      onReject: (reason) => reasons.push(reason),
    });
    expect(await verifier.verify(await sign(rsa))).toBeUndefined();
    expect(reasons).toEqual(['ERR_JOSE_GENERIC']);
  });
});

describe('requireBearer', () => {
  async function appWith(jwt: JwtVerifier | undefined) {
    const apiKeys = createMemoryApiKeyStore();
    const app = new Hono<AppEnv>();
    const auth = requireBearer({ apiKeys, jwt });
    app.get('/me', auth, (c) => c.json(c.get('principal')));
    app.get('/sessions', auth, requireScope('sessions'), (c) => c.json({ ok: true }));
    app.onError((error, c) => problemResponse(c, error));
    const issued = await apiKeys.issue({ tenantId: 'globex', role: 'bank' });
    const call = (path: string, token?: string) =>
      app.request(
        path,
        token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
      );
    return { call, issued, apiKeys };
  }

  async function expectUnauthorized(response: Response, token?: string) {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const text = await response.text();
    if (token !== undefined && token.length > 0) {
      expect(text).not.toContain(token);
      for (const segment of token.split('.').filter((part) => part.length > 8)) {
        expect(text).not.toContain(segment);
      }
    }
    const problem = JSON.parse(text) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 401, code: 'auth_failed', instance: '/me' });
    return problem;
  }

  it('accepts a JWT and a tg_ key side by side', async () => {
    const { call, issued } = await appWith(localVerifier().verifier);
    const jwtResponse = await call('/me', await sign(rsa));
    expect(jwtResponse.status).toBe(200);
    expect(await jwtResponse.json()).toEqual({
      tenantId: 'acme',
      role: 'sme',
      prefix: 'jwt:user-42',
      scopes: ['uploads', 'sessions'],
    });
    const keyResponse = await call('/me', issued.key);
    expect(keyResponse.status).toBe(200);
    expect(await keyResponse.json()).toMatchObject({ tenantId: 'globex', prefix: issued.prefix });
  });

  it('applies the JWT scopes to requireScope', async () => {
    const { call } = await appWith(localVerifier().verifier);
    expect((await call('/sessions', await sign(rsa, { scope: 'sessions' }))).status).toBe(200);
    expect((await call('/sessions', await sign(rsa, { scope: 'uploads' }))).status).toBe(403);
  });

  it('answers 401 problems that never echo the token', async () => {
    const { call, issued, apiKeys } = await appWith(localVerifier().verifier);
    await expectUnauthorized(await call('/me'));
    await expectUnauthorized(
      await call('/me', 'garbage-token-value-123456'),
      'garbage-token-value-123456',
    );
    const expired = await sign(rsa, { exp: nowSeconds - 3600, iat: nowSeconds - 7200 });
    const problem = await expectUnauthorized(await call('/me', expired), expired);
    expect(problem.detail).toBe('Invalid or expired bearer token.');
    const forged = await sign(impostor, { tollgate_role: 'admin' });
    await expectUnauthorized(await call('/me', forged), forged);
    const unknownKey = `tg_abcdefgh_${'x'.repeat(32)}`;
    await expectUnauthorized(await call('/me', unknownKey), unknownKey);
    await apiKeys.revoke(issued.prefix);
    await expectUnauthorized(await call('/me', issued.key), issued.key);
  });

  it('refuses every JWT when no verifier is configured, and still takes tg_ keys', async () => {
    const { call, issued } = await appWith(undefined);
    const token = await sign(rsa);
    const problem = await expectUnauthorized(await call('/me', token), token);
    expect(problem.detail).toMatch(/not accepted/);
    expect((await call('/me', issued.key)).status).toBe(200);
  });
});
