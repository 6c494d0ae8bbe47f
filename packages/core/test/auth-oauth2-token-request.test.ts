import { describe, expect, it } from 'vitest';
import { oauth2ClientCredentials } from '../src/auth/index.js';
import { AuthError, ValidationError } from '../src/errors/index.js';
import type { FetchLike } from '../src/transport/fetch-like.js';
import { createAuthContext } from './fixtures/auth-context.js';

/** A fake token endpoint that records what it received. */
function recordingFetch(
  answer: () => Response = () =>
    Response.json({ access_token: 'at-1', token_type: 'Bearer', expires_in: 300 }),
) {
  const seen: Request[] = [];
  const fetch: FetchLike = async (input, init) => {
    seen.push(new Request(input, init));
    return answer();
  };
  return { fetch, seen };
}

describe('oauth2ClientCredentials token request (RFC 6749 §4.4)', () => {
  it('client_secret_basic: credentials form-urlencoded then base64 in Authorization, not in the body', async () => {
    const { fetch, seen } = recordingFetch();
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'client id:1',
      clientSecret: 's3cr+t/&é',
      scopes: ['lc.read', 'lc.write'],
      audience: 'https://api.bank.example',
      extraParams: { resource: 'urn:bank:lc' },
    });
    await auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(fetch));

    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://auth.bank.example/token');
    expect(request?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.headers.get('accept')).toBe('application/json');
    const expected = Buffer.from('client+id%3A1:s3cr%2Bt%2F%26%C3%A9').toString('base64');
    expect(request?.headers.get('authorization')).toBe(`Basic ${expected}`);
    const form = new URLSearchParams(await request?.text());
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      scope: 'lc.read lc.write',
      audience: 'https://api.bank.example',
      resource: 'urn:bank:lc',
    });
  });

  it('client_secret_post: id and secret in the form body, no Authorization header', async () => {
    const { fetch, seen } = recordingFetch();
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'client-1',
      clientSecret: 'shh-secret',
      scopes: ['payments'],
      clientAuthentication: 'client_secret_post',
    });
    await auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(fetch));

    const [request] = seen;
    expect(request?.headers.get('authorization')).toBeNull();
    const form = new URLSearchParams(await request?.text());
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      scope: 'payments',
      client_id: 'client-1',
      client_secret: 'shh-secret',
    });
  });

  it('omits scope when no scopes are given, and resolves a relative tokenUrl against baseUrl', async () => {
    const { fetch, seen } = recordingFetch();
    const auth = oauth2ClientCredentials({
      tokenUrl: 'oauth/token',
      clientId: 'c',
      clientSecret: 's',
    });
    await auth.authorize(
      new Request('https://api.bank.example/lc'),
      createAuthContext(fetch, { baseUrl: 'https://sandbox.bank.example/v2/' }),
    );
    expect(seen[0]?.url).toBe('https://sandbox.bank.example/v2/oauth/token');
    expect(new URLSearchParams(await seen[0]?.text()).has('scope')).toBe(false);
  });

  it('a relative tokenUrl without a baseUrl is a ValidationError', async () => {
    const { fetch } = recordingFetch();
    const auth = oauth2ClientCredentials({
      tokenUrl: '/oauth/token',
      clientId: 'c',
      clientSecret: 's',
    });
    await expect(
      auth.authorize(
        new Request('https://api.bank.example/lc'),
        createAuthContext(fetch, { baseUrl: undefined }),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it.each([
    ['bearer', 'Bearer'],
    ['BEARER', 'Bearer'],
    [undefined, 'Bearer'],
    ['DPoP', 'DPoP'],
  ])('token_type %s gives the scheme %s', async (tokenType, scheme) => {
    const { fetch } = recordingFetch(() =>
      Response.json({ access_token: 'at-1', token_type: tokenType }),
    );
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'c',
      clientSecret: 's',
    });
    const request = await auth.authorize(
      new Request('https://api.bank.example/lc'),
      createAuthContext(fetch),
    );
    expect(request.headers.get('authorization')).toBe(`${scheme} at-1`);
  });

  it('accepts expires_in as a numeric string', async () => {
    let now = 0;
    const { fetch, seen } = recordingFetch(() =>
      Response.json({ access_token: 'at', token_type: 'Bearer', expires_in: '120' }),
    );
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'c',
      clientSecret: 's',
      now: () => now,
    });
    const context = createAuthContext(fetch);
    await auth.authorize(new Request('https://api.bank.example/lc'), context);
    now = 89_000;
    expect(typeof auth.authorizationHeader(context)).toBe('string');
    now = 91_000;
    await auth.authorize(new Request('https://api.bank.example/lc'), context);
    expect(seen).toHaveLength(2);
  });

  it('400 invalid_client → AuthError with the OAuth error code, not retryable', async () => {
    const { fetch, seen } = recordingFetch(() =>
      Response.json(
        { error: 'invalid_client', error_description: 'Client authentication failed' },
        { status: 400 },
      ),
    );
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'c',
      clientSecret: 's-very-secret',
    });
    const error = await Promise.resolve(
      auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(fetch)),
    ).catch((e: unknown) => e);
    expect(seen).toHaveLength(1); // a client error is never retried
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('auth_failed');
    expect((error as AuthError).message).toContain('invalid_client');
    expect((error as AuthError).message).toContain('HTTP 400');
    expect((error as AuthError).retryable).toBe(false);
    expect((error as AuthError).connectorId).toBe('test-bank');
    expect((error as AuthError).toJSON()).toMatchObject({
      oauth_error: 'invalid_client',
      upstream_status: 400,
    });
  });

  it('401 without a body and a network failure → AuthError', async () => {
    const unauthorized = recordingFetch(() => new Response(null, { status: 401 }));
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'c',
      clientSecret: 's',
      tokenRetry: { baseDelayMs: 1 },
    });
    await expect(
      auth.authorize(
        new Request('https://api.bank.example/lc'),
        createAuthContext(unauthorized.fetch),
      ),
    ).rejects.toThrow(/HTTP 401/);

    const down: FetchLike = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    };
    const error = await Promise.resolve(
      auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(down)),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).message).toContain('ECONNREFUSED');
    expect((error as AuthError).retryable).toBe(true);
  });

  it.each([
    ['not JSON', () => new Response('<html>oops</html>', { status: 200 })],
    ['no access_token', () => Response.json({ token_type: 'Bearer' })],
    ['access_token not a string', () => Response.json({ access_token: 42 })],
    ['a JSON array', () => Response.json(['at'])],
  ])('a malformed token response (%s) → AuthError', async (_label, answer) => {
    const { fetch } = recordingFetch(answer);
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'c',
      clientSecret: 's',
    });
    await expect(
      auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(fetch)),
    ).rejects.toBeInstanceOf(AuthError);
  });
});
