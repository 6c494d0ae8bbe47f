import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { oauth2ClientCredentials } from '../src/auth/index.js';
import { AuthError } from '../src/errors/index.js';
import type { TollgateEventMap } from '../src/events/index.js';
import { createAuthContext, fetchFromHandlers } from './fixtures/auth-context.js';

const TOKEN_URL = 'https://auth.bank.example/oauth/token';

function tokenServer(options: { expiresIn?: number; fail?: () => boolean } = {}) {
  let requests = 0;
  const handlers = [
    http.post(TOKEN_URL, async () => {
      requests += 1;
      const n = requests;
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (options.fail?.()) {
        return HttpResponse.json({ error: 'temporarily_unavailable' }, { status: 503 });
      }
      return HttpResponse.json({
        access_token: `token-${n}`,
        token_type: 'bearer',
        expires_in: options.expiresIn ?? 3600,
      });
    }),
  ];
  return { fetch: fetchFromHandlers(handlers), requests: () => requests };
}

describe('oauth2ClientCredentials single-flight', () => {
  it('sends exactly one token request for 50 concurrent cold callers, and all get the same token', async () => {
    const server = tokenServer();
    const context = createAuthContext(server.fetch);
    const auth = oauth2ClientCredentials({
      tokenUrl: TOKEN_URL,
      clientId: 'client',
      clientSecret: 'shh-secret',
    });

    const requests = await Promise.all(
      Array.from({ length: 50 }, () =>
        auth.authorize(new Request('https://api.bank.example/lc'), context),
      ),
    );

    expect(server.requests()).toBe(1);
    expect(new Set(requests.map((r) => r.headers.get('authorization')))).toEqual(
      new Set(['Bearer token-1']),
    );
  });

  it('returns the Request itself, not a promise, while the cached token is fresh', async () => {
    const server = tokenServer();
    const context = createAuthContext(server.fetch);
    const auth = oauth2ClientCredentials({
      tokenUrl: TOKEN_URL,
      clientId: 'client',
      clientSecret: 'shh-secret',
    });
    await auth.authorize(new Request('https://api.bank.example/a'), context);

    const request = new Request('https://api.bank.example/b');
    const result = auth.authorize(request, context);
    expect(result).toBe(request);
    expect(auth.authorizationHeader(context)).toBe('Bearer token-1');
  });

  it('fetches exactly one new token after expiry, with reason "expiring"', async () => {
    let now = 1_000_000;
    const server = tokenServer({ expiresIn: 600 });
    const context = createAuthContext(server.fetch);
    const events: TollgateEventMap['token.refresh'][] = [];
    context.events.on('token.refresh', (event) => {
      events.push(event);
    });
    const auth = oauth2ClientCredentials({
      tokenUrl: TOKEN_URL,
      clientId: 'client',
      clientSecret: 'shh-secret',
      refreshSkewSeconds: 30,
      now: () => now,
    });

    await auth.authorize(new Request('https://api.bank.example/lc'), context);
    now += 569_000; // 31 s before expiry: still fresh
    expect(auth.authorizationHeader(context)).toBe('Bearer token-1');
    now += 2_000; // 29 s before expiry: inside the skew
    const requests = await Promise.all(
      Array.from({ length: 50 }, () =>
        auth.authorize(new Request('https://api.bank.example/lc'), context),
      ),
    );

    expect(server.requests()).toBe(2);
    expect(new Set(requests.map((r) => r.headers.get('authorization')))).toEqual(
      new Set(['Bearer token-2']),
    );
    expect(events).toEqual([
      { connectorId: 'test-bank', reason: 'initial', expiresInSeconds: 600 },
      { connectorId: 'test-bank', reason: 'expiring', expiresInSeconds: 600 },
    ]);
  });

  it('rejects all 50 waiters with one AuthError when the token request keeps failing after its retries, and tries again on the next call', async () => {
    let failing = true;
    const server = tokenServer({ fail: () => failing });
    const context = createAuthContext(server.fetch);
    const auth = oauth2ClientCredentials({
      tokenUrl: TOKEN_URL,
      clientId: 'client',
      clientSecret: 'shh-secret',
      tokenRetry: { retries: 2, baseDelayMs: 5 },
    });

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        auth.authorize(new Request('https://api.bank.example/lc'), context),
      ),
    );

    expect(server.requests()).toBe(3); // the first attempt and 2 retries, shared by all 50
    expect(results.every((r) => r.status === 'rejected' && r.reason instanceof AuthError)).toBe(
      true,
    );
    const reasons = new Set(results.map((r) => (r as PromiseRejectedResult).reason));
    expect(reasons.size).toBe(1);
    const [error] = reasons as Set<AuthError>;
    expect(error?.message).toContain('temporarily_unavailable');
    expect(error?.retryable).toBe(true);

    failing = false;
    const request = await auth.authorize(new Request('https://api.bank.example/lc'), context);
    expect(server.requests()).toBe(4);
    expect(request.headers.get('authorization')).toBe('Bearer token-4');
  });

  it('retries a token endpoint that answers 503 then recovers: one token for all 50 callers', async () => {
    let calls = 0;
    const server = tokenServer({ fail: () => ++calls === 1 });
    const context = createAuthContext(server.fetch);
    const auth = oauth2ClientCredentials({
      tokenUrl: TOKEN_URL,
      clientId: 'client',
      clientSecret: 'shh-secret',
      tokenRetry: { baseDelayMs: 5 },
    });
    const requests = await Promise.all(
      Array.from({ length: 50 }, () =>
        auth.authorize(new Request('https://api.bank.example/lc'), context),
      ),
    );
    expect(server.requests()).toBe(2);
    expect(new Set(requests.map((r) => r.headers.get('authorization')))).toEqual(
      new Set(['Bearer token-2']),
    );
  });

  it('tokenRetry: false gives up on the first transient failure', async () => {
    let calls = 0;
    const server = tokenServer({ fail: () => ++calls === 1 });
    const auth = oauth2ClientCredentials({
      tokenUrl: TOKEN_URL,
      clientId: 'client',
      clientSecret: 'shh-secret',
      tokenRetry: false,
    });
    await expect(
      auth.authorize(new Request('https://api.bank.example/lc'), createAuthContext(server.fetch)),
    ).rejects.toBeInstanceOf(AuthError);
    expect(server.requests()).toBe(1);
  });

  it('lets an aborted caller go without cancelling the shared token request', async () => {
    const server = tokenServer();
    const context = createAuthContext(server.fetch);
    const auth = oauth2ClientCredentials({
      tokenUrl: TOKEN_URL,
      clientId: 'client',
      clientSecret: 'shh-secret',
    });
    const controller = new AbortController();

    const aborted = auth.authorize(new Request('https://api.bank.example/a'), {
      ...context,
      signal: controller.signal,
    });
    const patient = auth.authorize(new Request('https://api.bank.example/b'), context);
    controller.abort(new Error('caller gave up'));

    await expect(aborted).rejects.toThrow('caller gave up');
    expect((await patient).headers.get('authorization')).toBe('Bearer token-1');
    expect(server.requests()).toBe(1);
  });
});
