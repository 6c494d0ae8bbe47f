import { memoryStore } from '@tollgate/billing';
import {
  answerWhatsAppSubscription,
  defineConnector,
  signHubSignature256,
  verifyHubSignature256,
} from '@tollgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTollgate, PROBLEM_CONTENT_TYPE, type RunningServer, serve } from '../src/index.js';
import { sandboxIntegrations } from '../src/sandbox/index.js';

const APP_SECRET = 'meta-app-secret-0001';
const VERIFY_TOKEN = 'verify-token-typed-in-the-dashboard';

/**
 * A messaging partner shaped like Meta's WhatsApp Cloud API webhooks: a GET
 * with `hub.mode` / `hub.verify_token` / `hub.challenge` confirms the callback
 * URL, then callbacks are POSTed signed with `X-Hub-Signature-256`.
 */
const messaging = defineConnector({
  id: 'whatsapp-like',
  kind: 'messaging',
  displayName: 'WhatsApp-style messaging',
  config: z.object({}),
  credentials: z.object({ appSecret: z.string().min(8), verifyToken: z.string().min(8) }),
  environments: { sandbox: 'https://graph.test', production: 'https://graph.example' },
  operations: {},
  webhooks: {
    scheme: 'hub-signature-256',
    event: z.object({
      object: z.literal('whatsapp_business_account'),
      entry: z.array(z.unknown()),
    }),
    verify: (request, { credentials }) =>
      verifyHubSignature256(
        request.body,
        new Headers(request.headers as HeadersInit).get('x-hub-signature-256'),
        credentials.appSecret,
      ),
    handshake: (request, { credentials }) =>
      answerWhatsAppSubscription(request.url, credentials.verifyToken),
  },
  check: async () => {},
});

let server: RunningServer;
beforeAll(async () => {
  const whatsapp = messaging.connect({
    environment: 'sandbox',
    config: {},
    credentials: { appSecret: APP_SECRET, verifyToken: VERIFY_TOKEN },
  });
  const { integrations } = sandboxIntegrations();
  const { app } = createTollgate({
    store: memoryStore(),
    integrations: {
      ...integrations,
      partners: {
        whatsapp,
        // A callback-only partner written by hand: no event bus, no health probe, no handshake.
        minimal: {
          verifyWebhook: async (request) =>
            JSON.parse(String(new TextDecoder().decode(request.body as Uint8Array))),
        },
      },
    },
  });
  server = await serve(app, { port: 0 });
});
afterAll(async () => {
  await server?.close();
});

const subscribe = (id: string, token: string, challenge = '1158201444') =>
  fetch(
    `${server.url}/webhooks/${id}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=${challenge}`,
  );

describe('partner subscription handshakes (GET /webhooks/:integrationId)', () => {
  it('echoes the challenge as plain text when the verify token matches, without an API key', async () => {
    const response = await subscribe('whatsapp', VERIFY_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('1158201444');
  });

  it('refuses a wrong verify token or a request that is not a subscription (403)', async () => {
    const wrong = await subscribe('whatsapp', 'a-guessed-token-of-some-length');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
    const notSubscribe = await fetch(
      `${server.url}/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
    );
    expect(notSubscribe.status).toBe(403);
  });

  it('answers 405 with Allow: POST for a partner without a handshake, 404 for an unknown id', async () => {
    const bank = await subscribe('bank-swift', VERIFY_TOKEN);
    expect(bank.status).toBe(405);
    expect(bank.headers.get('allow')).toBe('POST');
    expect(bank.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(await bank.json()).toMatchObject({ status: 405, code: 'method_not_allowed' });
    const unknown = await subscribe('nobody', VERIFY_TOKEN);
    expect(unknown.status).toBe(404);
  });

  it('serves a hand-written callback-only partner (no event bus, no handshake)', async () => {
    const callback = await fetch(`${server.url}/webhooks/minimal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
      body: JSON.stringify({ type: 'message.received' }),
    });
    expect(await callback.json()).toEqual({ received: true, duplicate: false, applied: false });
    expect((await subscribe('minimal', VERIFY_TOKEN)).status).toBe(405);
  });

  it('then takes the partner’s signed callbacks, and refuses forged ones', async () => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1' }] });
    const genuine = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signHubSignature256(body, APP_SECRET),
      },
      body,
    });
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toEqual({ received: true, duplicate: false, applied: false });
    const forged = await fetch(`${server.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signHubSignature256(body, 'not-the-app-secret'),
      },
      body,
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
    expect(forged.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
  });
});
