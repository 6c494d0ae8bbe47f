import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineConnector } from '../src/connector/index.js';
import { ValidationError, WebhookVerificationError } from '../src/errors/index.js';
import { createEventBus } from '../src/events/index.js';
import {
  BUILT_IN_WEBHOOK_SCHEMES,
  createMemorySeenTokenStore,
  createWebhookHeaders,
  createWebhookVerifierRegistry,
  defineWebhook,
  signHubSignature256,
  signMailgun,
  signStripePayload,
  verifyWithScheme,
  type WebhookScheme,
} from '../src/webhooks/index.js';
import { asyncCodeOf, ROTATED_SECRET, TEST_SECRET } from './fixtures/webhooks/deliveries.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/webhooks/${name}`, import.meta.url), 'utf8');
const stripeEvent = fixture('stripe-payment-intent-succeeded.json');
const whatsapp = fixture('whatsapp-text-message.json');

describe('verifyWithScheme: every partner the same way', () => {
  it('standard-webhooks, and its svix alias with svix-* headers', async () => {
    const body = '{"type":"payment.settled"}';
    const headers = createWebhookHeaders(TEST_SECRET, body);
    expect(
      await verifyWithScheme('standard-webhooks', { body, headers }, { secret: TEST_SECRET }),
    ).toEqual({
      type: 'payment.settled',
    });
    const svixHeaders = {
      'svix-id': headers['webhook-id'],
      'svix-timestamp': headers['webhook-timestamp'],
      'svix-signature': headers['webhook-signature'],
    };
    expect(
      await verifyWithScheme(
        'svix',
        { body: new TextEncoder().encode(body), headers: svixHeaders },
        {
          secret: [ROTATED_SECRET, TEST_SECRET],
        },
      ),
    ).toEqual({ type: 'payment.settled' });
  });

  it('stripe, with the Stripe-Signature header in any case', async () => {
    const secret = 'whsec_registry_stripe';
    const headers = new Headers({ 'Stripe-Signature': signStripePayload(stripeEvent, secret) });
    const event = (await verifyWithScheme(
      'stripe',
      { body: stripeEvent, headers },
      { secret },
    )) as { id: string };
    expect(event.id).toBe('evt_3PqTzX2eZvKYlo2C1a9dKq7R');
  });

  it('hub-signature-256, and its whatsapp alias', async () => {
    const secret = 'meta-app-secret';
    const headers = { 'X-Hub-Signature-256': signHubSignature256(whatsapp, secret) };
    for (const scheme of ['hub-signature-256', 'whatsapp']) {
      expect(await verifyWithScheme(scheme, { body: whatsapp, headers }, { secret })).toEqual(
        JSON.parse(whatsapp),
      );
    }
  });

  it('mailgun, from the raw JSON body, with replay protection', async () => {
    const signingKey = 'key-registry-mailgun';
    const body = JSON.parse(fixture('mailgun-delivered.json'));
    body.signature = signMailgun(signingKey);
    const raw = JSON.stringify(body);
    const seenTokens = createMemorySeenTokenStore();
    const verified = await verifyWithScheme(
      'mailgun',
      { body: raw, headers: {} },
      { secret: signingKey, seenTokens },
    );
    expect(verified).toEqual(body);
    expect(
      await asyncCodeOf(() =>
        verifyWithScheme('mailgun', { body: raw, headers: {} }, { secret: signingKey, seenTokens }),
      ),
    ).toBe('replayed');
    expect(
      await asyncCodeOf(() =>
        verifyWithScheme(
          'mailgun',
          { body: 'token=1&signature=2', headers: {} },
          { secret: signingKey },
        ),
      ),
    ).toBe('invalid_payload');
  });

  it('refuses forgeries with the scheme’s code, and an unknown scheme with a ValidationError', async () => {
    const headers = createWebhookHeaders(TEST_SECRET, '{"a":1}');
    expect(
      await asyncCodeOf(() =>
        verifyWithScheme(
          'standard-webhooks',
          { body: '{"a":2}', headers },
          { secret: TEST_SECRET },
        ),
      ),
    ).toBe('invalid_signature');
    expect(
      await asyncCodeOf(() =>
        verifyWithScheme('stripe', { body: stripeEvent, headers: {} }, { secret: 'whsec_x' }),
      ),
    ).toBe('missing_header');
    expect(
      await asyncCodeOf(() =>
        verifyWithScheme(
          'stripe',
          { body: stripeEvent, headers: {} },
          { secret: new Uint8Array(8) },
        ),
      ),
    ).toBe('invalid_secret');
    await expect(
      verifyWithScheme('paypal', { body: '{}', headers: {} }, { secret: 'x' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
  it('caches prepared keys per secret list without mixing lists up', async () => {
    const body = '{"type":"payment.settled"}';
    const headers = createWebhookHeaders(TEST_SECRET, body);
    const pair = [ROTATED_SECRET, TEST_SECRET];
    expect(
      await verifyWithScheme('standard-webhooks', { body, headers }, { secret: pair }),
    ).toBeDefined();
    expect(
      await asyncCodeOf(() =>
        verifyWithScheme('standard-webhooks', { body, headers }, { secret: pair.join('\n') }),
      ),
    ).toBe('invalid_secret');
    expect(
      await asyncCodeOf(() =>
        verifyWithScheme('standard-webhooks', { body, headers }, { secret: ROTATED_SECRET }),
      ),
    ).toBe('invalid_signature');
  });
});

describe('createWebhookVerifierRegistry', () => {
  it('lists the built-in schemes and their aliases', () => {
    const registry = createWebhookVerifierRegistry();
    expect(registry.names().sort()).toEqual([
      'hub-signature-256',
      'mailgun',
      'standard-webhooks',
      'stripe',
      'svix',
      'whatsapp',
    ]);
    expect(registry.get('svix')).toBe(registry.get('standard-webhooks'));
    expect(BUILT_IN_WEBHOOK_SCHEMES.map((scheme) => scheme.name)).toEqual([
      'standard-webhooks',
      'stripe',
      'hub-signature-256',
      'mailgun',
    ]);
  });

  it('registers a partner’s own scheme, refuses a taken name, and can start from a chosen set', async () => {
    const sharedToken: WebhookScheme = {
      name: 'acme-shared-token',
      verify(request, { secret }) {
        const given =
          request.headers instanceof Headers
            ? request.headers.get('x-acme-token')
            : request.headers['x-acme-token'];
        if (given !== secret) throw new WebhookVerificationError('invalid_signature', 'bad token');
        return { payload: JSON.parse(String(request.body)), messageId: undefined };
      },
    };
    const registry = createWebhookVerifierRegistry({ schemes: [sharedToken] });
    expect(registry.names()).toEqual(['acme-shared-token']);
    expect(
      await registry.verify(
        'acme-shared-token',
        { body: '{"ok":true}', headers: { 'x-acme-token': 't0k' } },
        { secret: 't0k' },
      ),
    ).toEqual({ ok: true });
    expect(() => registry.register(sharedToken)).toThrow(ValidationError);
    expect(() =>
      createWebhookVerifierRegistry().register({ ...sharedToken, name: 'stripe' }),
    ).toThrow(ValidationError);
    expect(() => createWebhookVerifierRegistry().register(sharedToken, ['acme'])).not.toThrow();
  });

  it('emits webhook.verified with the message id and webhook.rejected with the code', async () => {
    const events = createEventBus();
    const seen: unknown[] = [];
    events.on('webhook.verified', (event) => seen.push(['verified', event]));
    events.on('webhook.rejected', (event) => seen.push(['rejected', event]));
    const registry = createWebhookVerifierRegistry({ events });
    const headers = createWebhookHeaders(TEST_SECRET, '{}', { msgId: 'msg_evt_1' });
    await registry.verify(
      'svix',
      { body: '{}', headers },
      { secret: TEST_SECRET, connectorId: 'acme-bank' },
    );
    await registry.verify(
      'stripe',
      {
        body: stripeEvent,
        headers: { 'stripe-signature': signStripePayload(stripeEvent, 'whsec_e') },
      },
      { secret: 'whsec_e' },
    );
    await expect(
      registry.verify(
        'standard-webhooks',
        { body: '{"x":1}', headers },
        { secret: TEST_SECRET, connectorId: 'acme-bank' },
      ),
    ).rejects.toThrow(WebhookVerificationError);
    expect(seen).toEqual([
      ['verified', { connectorId: 'acme-bank', scheme: 'svix', messageId: 'msg_evt_1' }],
      [
        'verified',
        { connectorId: undefined, scheme: 'stripe', messageId: 'evt_3PqTzX2eZvKYlo2C1a9dKq7R' },
      ],
      [
        'rejected',
        { connectorId: 'acme-bank', scheme: 'standard-webhooks', code: 'invalid_signature' },
      ],
    ]);
  });
});

describe('defineWebhook: a connector declares its scheme by name', () => {
  const payments = defineConnector({
    id: 'acme-payments',
    kind: 'payments',
    displayName: 'Acme Payments',
    config: z.object({}),
    credentials: z.object({ apiKey: z.string(), webhookSecret: z.string().startsWith('whsec_') }),
    environments: {
      sandbox: 'https://sandbox.acme-pay.test',
      production: 'https://api.acme-pay.example',
    },
    operations: {},
    webhooks: defineWebhook({
      scheme: 'stripe',
      event: z.object({
        id: z.string(),
        type: z.string(),
        data: z.object({ object: z.object({ amount: z.number() }) }),
      }),
      credential: 'webhookSecret',
    }),
    check: async () => {},
  });
  const secret = 'whsec_acme_payments_endpoint_secret';
  const client = payments.connect({
    environment: 'sandbox',
    config: {},
    credentials: { apiKey: 'sk_test_1', webhookSecret: secret },
  });

  it('verifies with the registry’s scheme and parses with the event schema', async () => {
    const event = await client.verifyWebhook({
      body: stripeEvent,
      headers: { 'stripe-signature': signStripePayload(stripeEvent, secret) },
    });
    expect(event.data.object.amount).toBe(125000);
  });

  it('rejects a forgery and emits webhook.rejected', async () => {
    const rejected: string[] = [];
    client.events.on('webhook.rejected', (event) => rejected.push(`${event.scheme}:${event.code}`));
    const forged = stripeEvent.replace('125000', '1');
    expect(
      await asyncCodeOf(() =>
        client.verifyWebhook({
          body: forged,
          headers: { 'stripe-signature': signStripePayload(stripeEvent, secret) },
        }),
      ),
    ).toBe('invalid_signature');
    expect(rejected).toEqual(['stripe:invalid_signature']);
  });

  it('fails at definition time for a scheme nobody registered', () => {
    expect(() =>
      defineWebhook({ scheme: 'strpie', event: z.unknown(), credential: 'webhookSecret' }),
    ).toThrow(ValidationError);
  });

  it('takes the secret from a function of the connection too, and names a missing credential', async () => {
    const body = '{"type":"payment.settled"}';
    type Credentials = { webhookSecrets: string[] };
    const webhooks = defineWebhook<z.ZodUnknown, unknown, Credentials>({
      scheme: 'standard-webhooks',
      event: z.unknown(),
      secret: ({ credentials }) => credentials.webhookSecrets,
    });
    const connection = {
      config: {},
      credentials: { webhookSecrets: [ROTATED_SECRET, TEST_SECRET] },
      environment: 'sandbox',
    };
    expect(
      await webhooks.verify({ body, headers: createWebhookHeaders(TEST_SECRET, body) }, connection),
    ).toEqual({ type: 'payment.settled' });
    const byName = defineWebhook({
      scheme: 'standard-webhooks',
      event: z.unknown(),
      credential: 'signingSecret',
    });
    expect(
      await asyncCodeOf(() =>
        byName.verify({ body, headers: createWebhookHeaders(TEST_SECRET, body) }, connection),
      ),
    ).toBe('invalid_secret');
  });
});
