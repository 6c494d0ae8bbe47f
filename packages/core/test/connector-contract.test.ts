import { inspect } from 'node:util';
import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type AuthStrategy,
  answerWhatsAppSubscription,
  defineConnector,
  UpstreamError,
  ValidationError,
  WebhookVerificationError,
} from '../src/index.js';
import { connectSandbox, createSandboxFetch, faults } from '../src/testing/index.js';

const SECRET = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';

/** A header strategy written against the public AuthStrategy type, as a partner would. */
function partnerKey(key: string): AuthStrategy {
  return {
    type: 'partner-key',
    authorize(request) {
      request.headers.set('x-partner-key', key);
      return request;
    },
    secretValues: () => [key],
    toJSON: () => ({ type: 'partner-key' }),
  };
}

const customs = defineConnector({
  id: 'acme-customs',
  kind: 'customs',
  displayName: 'Acme Customs',
  config: z.object({
    country: z.enum(['BD', 'IN', 'US']),
    office: z.string().min(3),
  }),
  credentials: z.object({ apiKey: z.string().min(8), webhookSecret: z.string().min(8) }),
  environments: {
    sandbox: 'https://sandbox.customs.test/api',
    production: 'https://customs.example/api',
  },
  auth: ({ credentials }) => partnerKey(credentials.apiKey),
  operations: {
    declare: {
      description: 'Submit an export declaration',
      input: z.object({
        reference: z.string(),
        hsCodes: z.array(z.string().regex(/^\d{6,10}$/)).min(1),
      }),
      output: z.object({
        declarationId: z.string(),
        status: z.enum(['accepted', 'rejected', 'held']),
      }),
      idempotent: false,
      billable: 'customs.submission',
      run: async (input, { http, config }) => {
        const body = await http.json<{ id: string; state: string }>({
          method: 'POST',
          path: '/declarations',
          json: { ref: input.reference, hs: input.hsCodes, office: config.office },
        });
        return { declarationId: body.id, status: body.state as 'accepted' };
      },
    },
    status: {
      input: z.object({ declarationId: z.string() }),
      output: z.object({ status: z.string() }),
      idempotent: true,
      run: ({ declarationId }, { http }) => http.json({ path: `/declarations/${declarationId}` }),
    },
  },
  webhooks: {
    scheme: 'acme-shared-secret',
    event: z.object({ type: z.literal('declaration.cleared'), declarationId: z.string() }),
    verify: (request, { credentials }) => {
      const headers = request.headers instanceof Headers ? request.headers : new Headers();
      if (headers.get('x-acme-secret') !== credentials.webhookSecret) {
        throw new WebhookVerificationError('invalid_signature', 'bad shared secret');
      }
      return JSON.parse(String(request.body));
    },
  },
  check: async ({ http }) => {
    await http.request({ path: '/ping' });
  },
  sandbox: ({ baseUrl }) => [
    http.post(`${baseUrl}/declarations`, async ({ request }) => {
      if (request.headers.get('x-partner-key') !== SECRET) {
        return HttpResponse.json({ error: 'bad key' }, { status: 401 });
      }
      const body = (await request.json()) as { ref: string };
      return HttpResponse.json(
        { id: `DEC-${body.ref}`, state: body.ref.startsWith('R') ? 'rejected' : 'accepted' },
        { status: 201 },
      );
    }),
    http.get(`${baseUrl}/declarations/:id`, ({ params }) =>
      HttpResponse.json({ status: params.id === 'DEC-BAD' ? 42 : 'cleared', echo: SECRET }),
    ),
    http.get(`${baseUrl}/ping`, () => HttpResponse.json({ pong: true })),
  ],
});

const goodOptions = {
  config: { country: 'BD' as const, office: 'Chattogram' },
  credentials: { apiKey: SECRET, webhookSecret: 'whsec-shared-1' },
};

describe('connector contract', () => {
  it('runs typed operations against the sandbox and lists billable operations', async () => {
    const { client, sandbox } = connectSandbox(customs, goodOptions);
    const declared = await client.operations.declare({ reference: 'A1', hsCodes: ['610910'] });
    expect(declared).toEqual({ declarationId: 'DEC-A1', status: 'accepted' });
    expectTypeOf(declared.status).toEqualTypeOf<'accepted' | 'rejected' | 'held'>();
    const viaRun = await client.run('status', { declarationId: 'DEC-A1' });
    expect(viaRun.status).toBe('cleared');
    expect(sandbox.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/declarations',
      'GET /api/declarations/DEC-A1',
    ]);
    expect(customs.billableOperations).toEqual({ declare: 'customs.submission' });
  });

  it('connects to a sandbox shipped apart from the connector (msw kept out of its import)', async () => {
    const { sandbox: bundled, ...withoutSandbox } = customs;
    const apart = { ...withoutSandbox, sandbox: undefined };
    expect(() => connectSandbox(apart, goodOptions)).toThrow(/ships no sandbox handlers/);
    const seen: string[] = [];
    const { client } = connectSandbox(apart, {
      ...goodOptions,
      sandbox: (connection) => {
        seen.push(`${connection.baseUrl} ${connection.config?.office}`);
        return bundled?.(connection) ?? [];
      },
    });
    await expect(
      client.operations.declare({ reference: 'A2', hsCodes: ['610910'] }),
    ).resolves.toEqual({
      declarationId: 'DEC-A2',
      status: 'accepted',
    });
    expect(seen).toEqual(['https://sandbox.customs.test/api Chattogram']);
  });

  it('bad config and credentials: one ValidationError listing every issue, nothing sent', () => {
    let sent = 0;
    const fetch = createSandboxFetch([
      http.all('*', () => {
        sent += 1;
        return HttpResponse.json({});
      }),
    ]);
    const attempt = () =>
      customs.connect({
        environment: 'sandbox',
        fetch,
        config: { country: 'FR', office: 'x' } as never,
        credentials: { apiKey: 'short', webhookSecret: 12 } as never,
      });
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      const issues = (error as ValidationError).issues.map((i) => i.path.join('.'));
      expect(issues).toEqual(['config.country', 'config.office']);
      expect((error as ValidationError).toProblem().status).toBe(400);
    }
    // credentials are checked too, once config is right
    const error = (() => {
      try {
        customs.connect({
          environment: 'sandbox',
          fetch,
          config: goodOptions.config,
          credentials: { apiKey: 'short', webhookSecret: 12 } as never,
        });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error?.issues.map((i) => i.path.join('.'))).toEqual([
      'credentials.apiKey',
      'credentials.webhookSecret',
    ]);
    expect(error?.message).not.toContain('short');
    expect(sent).toBe(0);
  });

  it('bad operation input: ValidationError, nothing sent', async () => {
    const { client, sandbox } = connectSandbox(customs, goodOptions);
    await expect(
      client.operations.declare({ reference: 'A1', hsCodes: ['61x'] }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a partner answer that fails the output schema is an UpstreamError with the raw body, redacted', async () => {
    const { client } = connectSandbox(customs, goodOptions);
    const error = await client.operations
      .status({ declarationId: 'DEC-BAD' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    const upstream = error as UpstreamError;
    expect(upstream.operation).toBe('status');
    expect(upstream.connectorId).toBe('acme-customs');
    expect(upstream.body).toContain('"status":42');
    expect(upstream.body).toContain('[REDACTED]');
    expect(upstream.body).not.toContain(SECRET);
  });

  it('credentials never appear in toJSON, inspect, or errors', async () => {
    const { client } = connectSandbox(customs, {
      ...goodOptions,
      faults: [faults.status(500, { times: 3, body: { debug: `key was ${SECRET}` } })],
    });
    expect(JSON.stringify(client)).not.toContain(SECRET);
    expect(inspect(client, { depth: 10 })).not.toContain(SECRET);
    expect(JSON.stringify(client)).toContain('[REDACTED]');
    const error = (await client.operations
      .status({ declarationId: 'X' })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    for (const text of [
      error.message,
      error.body ?? '',
      JSON.stringify(error),
      JSON.stringify(error.toProblem()),
    ]) {
      expect(text).not.toContain(SECRET);
    }
  });

  it('check() returns ok with latency, and never throws when the partner is down', async () => {
    const { client, sandbox } = connectSandbox(customs, goodOptions);
    const healthy = await client.check();
    expect(healthy.ok).toBe(true);
    expect(healthy.latencyMs).toBeGreaterThanOrEqual(0);
    sandbox.use(faults.status(503, { times: 10 }));
    const down = await client.check();
    expect(down.ok).toBe(false);
    expect(down.reason).toMatch(/upstream_error/);
    sandbox.resetHandlers();
    sandbox.use(faults.slow(2000, { times: 10 }));
    const slow = await client.check({ timeoutMs: 50 });
    expect(slow).toMatchObject({ ok: false, reason: 'no answer within 50 ms' });
  });

  it('verifies and parses webhooks with the declared scheme, emitting events', async () => {
    const { client } = connectSandbox(customs, goodOptions);
    const seen: string[] = [];
    client.events.on('webhook.verified', (e) => seen.push(`verified:${e.scheme}`));
    client.events.on('webhook.rejected', (e) => seen.push(`rejected:${e.code}`));
    const body = JSON.stringify({ type: 'declaration.cleared', declarationId: 'DEC-1' });
    const event = await client.verifyWebhook({
      body,
      headers: new Headers({ 'x-acme-secret': 'whsec-shared-1' }),
    });
    expect(event.declarationId).toBe('DEC-1');
    await expect(
      client.verifyWebhook({ body, headers: new Headers({ 'x-acme-secret': 'nope' }) }),
    ).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(
      client.verifyWebhook({
        body: '{"type":"other"}',
        headers: new Headers({ 'x-acme-secret': 'whsec-shared-1' }),
      }),
    ).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(seen).toEqual([
      'verified:acme-shared-secret',
      'rejected:invalid_signature',
      'rejected:invalid_payload',
    ]);
  });

  it('answers a provider’s subscription handshake when the connector declares one', () => {
    // Only what the handshake needs: a verify token, and callbacks no test sends.
    const messenger = defineConnector({
      id: 'meta-like-messaging',
      kind: 'messaging',
      displayName: 'A Meta-style messaging partner',
      config: z.object({}),
      credentials: z.object({ verifyToken: z.string().min(8) }),
      environments: { sandbox: 'https://graph.test', production: 'https://graph.example' },
      operations: {},
      webhooks: {
        scheme: 'hub-signature-256',
        event: z.unknown(),
        verify: () => {
          throw new WebhookVerificationError('invalid_signature', 'no callback in this test');
        },
        handshake: (request, { credentials }) =>
          answerWhatsAppSubscription(request.url, credentials.verifyToken),
      },
      check: async () => {},
    });
    const client = messenger.connect({
      environment: 'sandbox',
      config: {},
      credentials: { verifyToken: 'verify-token-1' },
    });
    const seen: boolean[] = [];
    client.events.on('webhook.handshake', (e) => seen.push(e.accepted));
    const handshake = (query: string) =>
      client.answerWebhookHandshake({
        url: new URL(`https://me.test/hooks?${query}`),
        headers: {},
      });
    expect(
      handshake('hub.mode=subscribe&hub.verify_token=verify-token-1&hub.challenge=1158201444'),
    ).toEqual({ status: 200, body: '1158201444', contentType: 'text/plain; charset=utf-8' });
    expect(
      handshake('hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444'),
    ).toMatchObject({ status: 403 });
    expect(seen).toEqual([true, false]);
    // A connector whose partner confirms nothing by GET has no answer to give.
    const { client: customsClient } = connectSandbox(customs, goodOptions);
    expect(
      customsClient.answerWebhookHandshake({ url: new URL('https://me.test/hooks'), headers: {} }),
    ).toBeUndefined();
  });

  it('rejects a malformed definition early', () => {
    const minimal = {
      kind: 'fx',
      displayName: 'x',
      config: z.object({}),
      credentials: z.object({}),
      operations: {},
      check: async () => {},
    };
    expect(() =>
      defineConnector({
        ...minimal,
        id: 'Not Kebab',
        environments: { sandbox: 'https://s', production: 'https://p' },
      }),
    ).toThrow(/kebab-case/);
    expect(() =>
      defineConnector({
        ...minimal,
        id: 'no-prod',
        environments: { sandbox: 'https://s' } as never,
      }),
    ).toThrow(/production base URL/);
    expect(() => customs.connect({ ...goodOptions, environment: 'staging' })).toThrow(
      /no environment "staging"/,
    );
  });
});
