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

const noFetch: FetchLike = async () => {
  throw new Error('no network in this test');
};
const context = createAuthContext(noFetch);

describe('apiKey', () => {
  it('sets any header, with an optional prefix, on the same Request', () => {
    const request = new Request('https://api.carrier.example/shipments');
    const result = apiKey({ in: 'header', name: 'X-API-Key', key: 'k-123' }).authorize(request);
    expect(result).toBe(request);
    expect(result.headers.get('x-api-key')).toBe('k-123');

    const prefixed = apiKey({
      in: 'header',
      name: 'Authorization',
      key: 'k-123',
      prefix: 'ApiKey',
    }).authorize(new Request('https://api.carrier.example/shipments'));
    expect(prefixed.headers.get('authorization')).toBe('ApiKey k-123');
  });

  it('puts the key in the query string of a new Request, keeping method, headers, body and other params', async () => {
    const request = new Request('https://api.fx.example/rates?base=EUR&api_key=old', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pair: 'EURUSD' }),
    });
    const result = apiKey({ in: 'query', name: 'api_key', key: 'k/+ 1' }).authorize(request);
    expect(result).not.toBe(request);
    const url = new URL(result.url);
    expect(url.searchParams.get('base')).toBe('EUR');
    expect(url.searchParams.getAll('api_key')).toEqual(['k/+ 1']);
    expect(result.method).toBe('POST');
    expect(result.headers.get('content-type')).toBe('application/json');
    expect(await result.json()).toEqual({ pair: 'EURUSD' });
  });

  it('rejects a bad header name, a prefix with query, and an unknown placement', () => {
    expect(() => apiKey({ in: 'header', name: 'X API Key', key: 'k' })).toThrow(ValidationError);
    expect(() => apiKey({ in: 'query', name: 'api_key', key: 'k', prefix: 'x' } as never)).toThrow(
      ValidationError,
    );
    expect(() => apiKey({ in: 'cookie', name: 'k', key: 'k' } as never)).toThrow(ValidationError);
  });
});

describe('basicAuth', () => {
  it('encodes user:password as UTF-8 base64 (RFC 7617)', () => {
    const request = basicAuth({ username: 'Aladdin', password: 'open sesame' }).authorize(
      new Request('https://erp.example/'),
    );
    expect(request.headers.get('authorization')).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
  });

  it('is UTF-8 safe for a non-ASCII password', () => {
    const password = 'pässwörd-€-日本-🔐';
    const request = basicAuth({ username: 'test', password }).authorize(
      new Request('https://erp.example/'),
    );
    const header = request.headers.get('authorization') ?? '';
    expect(header).toBe(`Basic ${Buffer.from(`test:${password}`, 'utf8').toString('base64')}`);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe(`test:${password}`);
    // RFC 7617 §2.1 example: "test" / "123£" → dGVzdDoxMjPCow==
    expect(
      basicAuth({ username: 'test', password: '123£' })
        .authorize(new Request('https://erp.example/'))
        .headers.get('authorization'),
    ).toBe('Basic dGVzdDoxMjPCow==');
  });
});

describe('bearerToken', () => {
  it('a static token is applied synchronously', () => {
    const request = new Request('https://api.mailer.example/send');
    const result = bearerToken({ token: 'static-1' }).authorize(request, context);
    expect(result).toBe(request);
    expect(request.headers.get('authorization')).toBe('Bearer static-1');
  });

  it('a function is asked before every request, sync or async', async () => {
    let n = 0;
    const sync = bearerToken({ token: () => `sync-${++n}` });
    expect(
      (sync.authorize(new Request('https://x.example/'), context) as Request).headers.get(
        'authorization',
      ),
    ).toBe('Bearer sync-1');
    expect(
      (sync.authorize(new Request('https://x.example/'), context) as Request).headers.get(
        'authorization',
      ),
    ).toBe('Bearer sync-2');
    expect(sync.secretValues()).toEqual(['sync-2']);

    const asyncAuth = bearerToken({ token: async () => 'from-vault' });
    const result = asyncAuth.authorize(new Request('https://x.example/'), context);
    expect(result).toBeInstanceOf(Promise);
    expect((await result).headers.get('authorization')).toBe('Bearer from-vault');
    expect(await asyncAuth.refresh()).toBe(true);
    expect(await bearerToken({ token: 'static' }).refresh()).toBe(false);
  });

  it('a provider that fails or returns nothing → AuthError', async () => {
    const failing = bearerToken({
      token: async () => {
        throw new Error('vault sealed');
      },
    });
    await expect(
      failing.authorize(new Request('https://x.example/'), context),
    ).rejects.toBeInstanceOf(AuthError);
    const empty = bearerToken({ token: () => '' });
    expect(() => empty.authorize(new Request('https://x.example/'), context)).toThrow(AuthError);
  });
});

describe('combineAuth', () => {
  it('runs every authorize in order, synchronously while each is, and refreshes those that can', async () => {
    let issued = 0;
    const tokenFetch: FetchLike = async () => {
      issued += 1;
      return Response.json({
        access_token: `at-${issued}`,
        token_type: 'Bearer',
        expires_in: 3600,
      });
    };
    const ctx = createAuthContext(tokenFetch);
    const combined = combineAuth(
      apiKey({ in: 'header', name: 'X-Subscription-Key', key: 'sub-1' }),
      oauth2ClientCredentials({
        tokenUrl: 'https://auth.bank.example/token',
        clientId: 'c',
        clientSecret: 's',
      }),
    );
    const first = await combined.authorize(new Request('https://api.bank.example/lc'), ctx);
    expect(first.headers.get('x-subscription-key')).toBe('sub-1');
    expect(first.headers.get('authorization')).toBe('Bearer at-1');

    const request = new Request('https://api.bank.example/lc');
    expect(combined.authorize(request, ctx)).toBe(request);

    expect(await combined.refresh(ctx)).toBe(true);
    expect(issued).toBe(2);
    expect(combined.secretValues()).toEqual(expect.arrayContaining(['sub-1', 's', 'at-2']));
  });

  it('composes wrapFetch, first strategy innermost', async () => {
    const calls: string[] = [];
    const tag = (name: string) => ({
      type: name,
      authorize: (r: Request) => r,
      wrapFetch:
        (inner: FetchLike): FetchLike =>
        (input, init) => {
          calls.push(name);
          return inner(input, init);
        },
      toJSON: () => ({ type: name }),
    });
    const wrapped = combineAuth(tag('inner'), tag('outer')).wrapFetch(
      async () => new Response('ok'),
    );
    await wrapped('https://x.example/');
    expect(calls).toEqual(['outer', 'inner']);
  });
});
