import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  apiKey,
  basicAuth,
  bearerToken,
  combineAuth,
  oauth2ClientCredentials,
} from '../src/auth/index.js';
import { AuthError, ValidationError } from '../src/errors/index.js';
import type { FetchLike } from '../src/transport/fetch-like.js';
import { createAuthContext } from './fixtures/auth-context.js';

const SECRET = 'Sup3r-S3cret-Value';
const TOKEN = 'eyJ-the-access-token';

function expectNoSecret(text: string) {
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(Buffer.from(`client:${SECRET}`).toString('base64'));
}

function errorText(error: unknown): string {
  const e = error as Error & { toJSON?: () => unknown };
  return [
    e.message,
    JSON.stringify(e),
    e.toJSON ? JSON.stringify(e.toJSON()) : '',
    inspect(e, { depth: 5 }),
  ].join('\n');
}

describe('secrets never leave', () => {
  it('oauth2: toJSON and util.inspect show settings, never the secret or the token', async () => {
    const fetch: FetchLike = async () =>
      Response.json({ access_token: TOKEN, token_type: 'Bearer', expires_in: 60 });
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'client',
      clientSecret: SECRET,
      scopes: ['lc.read'],
    });
    await auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(fetch));

    expect(JSON.parse(JSON.stringify(auth))).toEqual({
      type: 'oauth2-client-credentials',
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'client',
      scopes: ['lc.read'],
      clientAuthentication: 'client_secret_basic',
    });
    expect(inspect(auth)).toContain("clientId: 'client'");
    expectNoSecret(JSON.stringify(auth));
    expectNoSecret(inspect(auth, { depth: 10, showHidden: true }));
    expect(auth.secretValues()).toEqual(expect.arrayContaining([SECRET, TOKEN]));
  });

  it('oauth2: token endpoint errors that echo the secret or the token are scrubbed', async () => {
    const fetch: FetchLike = async () =>
      Response.json(
        { error: 'invalid_client', error_description: `bad secret ${SECRET}` },
        { status: 401 },
      );
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'client',
      clientSecret: SECRET,
    });
    const error = await Promise.resolve(
      auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(fetch)),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('invalid_client');
    expectNoSecret(errorText(error));

    const networkEcho: FetchLike = async () => {
      throw new TypeError(
        `proxy refused Authorization: Basic ${Buffer.from(`client:${SECRET}`).toString('base64')}`,
      );
    };
    const networkError = await Promise.resolve(
      auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(networkEcho)),
    ).catch((e: unknown) => e);
    expect(networkError).toBeInstanceOf(AuthError);
    expectNoSecret((networkError as Error).message);
  });

  it('a malformed token response never quotes the body (which may hold a token)', async () => {
    const fetch: FetchLike = async () =>
      Response.json({ access_token: `${TOKEN}\n`, token_type: 'Bearer' });
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'client',
      clientSecret: SECRET,
    });
    const error = await Promise.resolve(
      auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(fetch)),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toContain('access_token');
    expectNoSecret(errorText(error));
  });

  it('validation errors list every issue and never echo a secret', () => {
    const error = (() => {
      try {
        oauth2ClientCredentials({
          tokenUrl: 'ftp://auth.bank.example/token',
          clientId: '',
          clientSecret: 42 as unknown as string,
          scopes: ['has space'],
          clientAuthentication: 'private_key_jwt' as 'client_secret_post',
          extraParams: { client_secret: SECRET },
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'tokenUrl',
        'clientId',
        'clientSecret',
        'scopes.0',
        'clientAuthentication',
        'extraParams',
      ]),
    );
    expectNoSecret(errorText(error));

    expect(() =>
      apiKey({ in: 'header', name: 'X-API-Key', key: `${SECRET}\r\nX-Evil: 1` }),
    ).toThrow(ValidationError);
    try {
      apiKey({ in: 'header', name: 'X-API-Key', key: `${SECRET}\r\n` });
    } catch (e) {
      expectNoSecret(errorText(e));
    }
    try {
      basicAuth({ username: 'a:b', password: `${SECRET}\u0000` });
    } catch (e) {
      expect((e as ValidationError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'username',
        'password',
      ]);
      expectNoSecret(errorText(e));
    }
    expect(() => bearerToken({ token: '' })).toThrow(ValidationError);
    expect(() => combineAuth()).toThrow(ValidationError);
  });

  it('apiKey, basicAuth, bearerToken and combineAuth redact in JSON and inspect', () => {
    const strategies = [
      apiKey({ in: 'header', name: 'X-API-Key', key: SECRET }),
      apiKey({ in: 'query', name: 'api_key', key: SECRET }),
      basicAuth({ username: 'client', password: SECRET }),
      bearerToken({ token: TOKEN }),
      combineAuth(
        bearerToken({ token: TOKEN }),
        apiKey({ in: 'header', name: 'X-API-Key', key: SECRET }),
      ),
    ];
    for (const strategy of strategies) {
      expectNoSecret(JSON.stringify(strategy));
      expectNoSecret(inspect(strategy, { depth: 10, showHidden: true }));
    }
    expect(JSON.parse(JSON.stringify(strategies[0]))).toEqual({
      type: 'api-key',
      in: 'header',
      name: 'X-API-Key',
    });
    expect(JSON.parse(JSON.stringify(strategies[4]))).toEqual({
      type: 'combined',
      strategies: [
        { type: 'bearer', source: 'static' },
        { type: 'api-key', in: 'header', name: 'X-API-Key' },
      ],
    });
  });
});
