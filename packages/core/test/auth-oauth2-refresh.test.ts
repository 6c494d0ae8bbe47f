import { describe, expect, it } from 'vitest';
import { oauth2ClientCredentials } from '../src/auth/index.js';
import type { TollgateEventMap } from '../src/events/index.js';
import type { FetchLike } from '../src/transport/fetch-like.js';
import { createAuthContext } from './fixtures/auth-context.js';

describe('oauth2ClientCredentials refresh after a 401', () => {
  it('drops the cached token, fetches a new one once, and emits token.refresh reason "unauthorized"', async () => {
    let issued = 0;
    const fetch: FetchLike = async () => {
      issued += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return Response.json({
        access_token: `token-${issued}`,
        token_type: 'Bearer',
        expires_in: 3600,
      });
    };
    const context = createAuthContext(fetch);
    const events: TollgateEventMap['token.refresh'][] = [];
    context.events.on('token.refresh', (event) => {
      events.push(event);
    });
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'c',
      clientSecret: 's',
    });

    await auth.authorize(new Request('https://api.bank.example/lc'), context);
    expect(auth.authorizationHeader(context)).toBe('Bearer token-1');

    // The partner answered 401 to several in-flight calls at once: one refresh request only.
    const refreshed = await Promise.all([
      auth.refresh(context),
      auth.refresh(context),
      auth.refresh(context),
    ]);
    expect(refreshed).toEqual([true, true, true]);
    expect(issued).toBe(2);
    expect(auth.authorizationHeader(context)).toBe('Bearer token-2');
    expect(events.map((event) => event.reason)).toEqual(['initial', 'unauthorized']);
    expect(events[1]).toEqual({
      connectorId: 'test-bank',
      reason: 'unauthorized',
      expiresInSeconds: 3600,
    });
  });

  it('caches a token without expires_in until a 401 asks for a new one', async () => {
    let issued = 0;
    let now = 0;
    const fetch: FetchLike = async () => {
      issued += 1;
      return Response.json({ access_token: `token-${issued}`, token_type: 'Bearer' });
    };
    const context = createAuthContext(fetch);
    const auth = oauth2ClientCredentials({
      tokenUrl: 'https://auth.bank.example/token',
      clientId: 'c',
      clientSecret: 's',
      now: () => now,
    });
    await auth.authorize(new Request('https://api.bank.example/lc'), context);
    now = 365 * 24 * 3600_000;
    expect(auth.authorizationHeader(context)).toBe('Bearer token-1');
    await auth.refresh(context);
    expect(auth.authorizationHeader(context)).toBe('Bearer token-2');
  });
});
