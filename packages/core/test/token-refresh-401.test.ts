import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  AuthError,
  createEventBus,
  createTransport,
  oauth2ClientCredentials,
} from '../src/index.js';
import { createSandboxFetch } from '../src/testing/index.js';

const BASE = 'https://api.bank.test';

/** A partner that issues numbered tokens and accepts only the ones listed in `valid`. */
function bankWithTokens(valid: (token: string) => boolean) {
  let issued = 0;
  const sandbox = createSandboxFetch([
    http.post(`${BASE}/oauth/token`, () => {
      issued += 1;
      return HttpResponse.json({
        access_token: `tok-${issued}`,
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }),
    http.post(`${BASE}/lc`, ({ request }) => {
      const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
      return valid(token)
        ? HttpResponse.json({ accepted: true, token })
        : HttpResponse.json({ error: 'invalid_token' }, { status: 401 });
    }),
  ]);
  const events = createEventBus();
  const refreshes: string[] = [];
  events.on('token.refresh', (e) => refreshes.push(e.reason));
  const transport = createTransport({
    baseUrl: BASE,
    fetch: sandbox,
    events,
    auth: oauth2ClientCredentials({
      tokenUrl: '/oauth/token',
      clientId: 'c',
      clientSecret: 's3cr3t-value',
    }),
  });
  return { transport, sandbox, refreshes, issued: () => issued };
}

describe('401 → refresh the OAuth2 token once, then retry', () => {
  it('a revoked token is replaced once and the call succeeds — even a POST without idempotency key', async () => {
    const { transport, refreshes, issued } = bankWithTokens((token) => token !== 'tok-1');
    const { data } = await transport.json<{ token: string }>({
      method: 'POST',
      path: '/lc',
      json: {},
    });
    expect(data.token).toBe('tok-2');
    expect(issued()).toBe(2);
    expect(refreshes).toEqual(['initial', 'unauthorized']);
  });

  it('a second 401 after the refresh is an AuthError: exactly one refresh, no loop', async () => {
    const { transport, sandbox, refreshes, issued } = bankWithTokens(() => false);
    const error = await transport.request({ method: 'POST', path: '/lc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(JSON.stringify(error)).not.toContain('s3cr3t-value');
    expect(issued()).toBe(2);
    expect(refreshes).toEqual(['initial', 'unauthorized']);
    expect(sandbox.requests.filter((r) => r.url.endsWith('/lc'))).toHaveLength(2);
  });
});
