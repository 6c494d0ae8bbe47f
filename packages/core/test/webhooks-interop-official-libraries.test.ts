import { Webhook as StandardWebhooks } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as Svix } from 'svix';
import { describe, expect, it } from 'vitest';
import {
  createWebhookHeaders,
  signStripePayload,
  verifyStripeSignature,
  Webhook,
} from '../src/webhooks/index.js';
import { codeOf } from './fixtures/webhooks/deliveries.js';

const payloads = [
  '{"type":"payment.settled","data":{"amount":"1250.00","currency":"EUR"}}',
  '{\n  "type": "declaration.cleared",\n  "data": { "consignee": "M\\u00fcller GmbH", "note": "Zollamt Köln ✅" }\n}',
  '[]',
];

describe('standardwebhooks (the reference library) and ours sign and verify each other', () => {
  const secret = Webhook.generateSecret(32);
  const theirs = new StandardWebhooks(secret);
  const ours = new Webhook(secret);

  it.each(payloads)('theirs → ours, ours → theirs: %j', (payload) => {
    const timestamp = new Date();
    const seconds = String(Math.floor(timestamp.getTime() / 1000));
    const signedByThem = {
      'webhook-id': 'msg_theirs',
      'webhook-timestamp': seconds,
      'webhook-signature': theirs.sign('msg_theirs', timestamp, payload),
    };
    expect(ours.verify(payload, signedByThem)).toEqual(JSON.parse(payload));
    expect(ours.verify(Buffer.from(payload), signedByThem)).toEqual(JSON.parse(payload));

    const signedByUs = createWebhookHeaders(ours, payload, { msgId: 'msg_ours', timestamp });
    expect(theirs.verify(payload, signedByUs)).toEqual(JSON.parse(payload));
    expect(ours.sign('msg_x', timestamp, payload)).toBe(theirs.sign('msg_x', timestamp, payload));
  });

  it('both refuse the same forgery', () => {
    const [payload] = payloads as [string];
    const headers = createWebhookHeaders(ours, payload);
    const forged = payload.replace('1250.00', '9250.00');
    expect(() => theirs.verify(forged, headers)).toThrow();
    expect(codeOf(() => ours.verify(forged, headers))).toBe('invalid_signature');
  });
});

describe('svix and ours sign and verify each other', () => {
  const secret = Webhook.generateSecret();
  const svix = new Svix(secret);
  const ours = new Webhook(secret);

  it.each(payloads)('svix → ours (svix-* headers), ours → svix: %j', (payload) => {
    const timestamp = new Date();
    const svixHeaders = {
      'svix-id': 'msg_svix',
      'svix-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'svix-signature': svix.sign('msg_svix', timestamp, payload),
    };
    expect(ours.verify(payload, svixHeaders)).toEqual(JSON.parse(payload));
    expect(ours.verify(payload, new Headers(svixHeaders))).toEqual(JSON.parse(payload));

    const ourHeaders = createWebhookHeaders(ours, payload, { msgId: 'msg_ours', timestamp });
    expect(() => svix.verify(payload, ourHeaders)).not.toThrow();
    const asSvix = {
      'svix-id': ourHeaders['webhook-id'],
      'svix-timestamp': ourHeaders['webhook-timestamp'],
      'svix-signature': ourHeaders['webhook-signature'],
    };
    expect(() => svix.verify(payload, asSvix)).not.toThrow();
    expect(() => svix.verify(`${payload} `, asSvix)).toThrow();
  });
});

describe('Stripe and ours sign and verify each other', () => {
  const stripe = new Stripe('sk_test_never_used_for_requests', { telemetry: false });
  const secret = 'whsec_1f0a6b5bd5f6d7c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';
  const event = JSON.stringify(
    {
      id: 'evt_1PqTzY2eZvKYlo2C8f3XUjJQ',
      object: 'event',
      api_version: '2024-06-20',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: 'pi_3PqTzX2eZvKYlo2C0Zb6x8Yx',
          object: 'payment_intent',
          amount: 125000,
          currency: 'eur',
          status: 'succeeded',
        },
      },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'payment_intent.succeeded',
    },
    null,
    2,
  );

  it('stripe.webhooks.generateTestHeaderString → verifyStripeSignature', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload: event, secret });
    expect(verifyStripeSignature(event, header, secret)).toEqual(JSON.parse(event));
    expect(verifyStripeSignature(Buffer.from(event), header, secret)).toEqual(JSON.parse(event));
    const old = stripe.webhooks.generateTestHeaderString({
      payload: event,
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(codeOf(() => verifyStripeSignature(event, old, secret))).toBe('timestamp_too_old');
  });

  it('signStripePayload → stripe.webhooks.constructEvent', () => {
    const header = signStripePayload(event, secret);
    expect(stripe.webhooks.constructEvent(event, header, secret)).toEqual(JSON.parse(event));
    expect(stripe.webhooks.constructEvent(Buffer.from(event), header, secret).id).toBe(
      'evt_1PqTzY2eZvKYlo2C8f3XUjJQ',
    );
    expect(header).toBe(
      stripe.webhooks.generateTestHeaderString({
        payload: event,
        secret,
        timestamp: Number(header.slice(2, header.indexOf(','))),
      }),
    );
  });

  it('both refuse a re-serialized body', () => {
    const header = signStripePayload(event, secret);
    const reserialized = JSON.stringify(JSON.parse(event));
    expect(() => stripe.webhooks.constructEvent(reserialized, header, secret)).toThrow();
    expect(codeOf(() => verifyStripeSignature(reserialized, header, secret))).toBe(
      'invalid_signature',
    );
  });
});
