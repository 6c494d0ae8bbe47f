import { describe, expect, it } from 'vitest';
import type { WebhookVerificationError } from '../src/errors/index.js';
import { createWebhookHeaders, Webhook } from '../src/webhooks/index.js';
import {
  codeOf,
  ROTATED_SECRET,
  signedDelivery,
  TEST_SECRET,
} from './fixtures/webhooks/deliveries.js';

const payload =
  '{"type":"payment.settled","data":{"paymentId":"pay_7Hc2","amount":"1250.00","currency":"EUR"}}';
const parsed = JSON.parse(payload);

describe('Webhook.verify reads the headers in any form', () => {
  const { headers } = signedDelivery(TEST_SECRET, payload);
  const webhook = new Webhook(TEST_SECRET);

  it('from a Headers object', () => {
    expect(webhook.verify(payload, new Headers(headers))).toEqual(parsed);
  });

  it('from a record in any letter case', () => {
    const mixed = {
      'Webhook-Id': headers['webhook-id'],
      'WEBHOOK-TIMESTAMP': headers['webhook-timestamp'],
      'webhook-Signature': headers['webhook-signature'],
    };
    expect(webhook.verify(payload, mixed)).toEqual(parsed);
  });

  it('under the svix-* names Clerk and other Svix senders use', () => {
    const svix = {
      'svix-id': headers['webhook-id'] as string,
      'svix-timestamp': headers['webhook-timestamp'] as string,
      'svix-signature': headers['webhook-signature'] as string,
    };
    expect(webhook.verify(payload, svix)).toEqual(parsed);
    expect(
      webhook.verify(
        payload,
        new Headers({
          'Svix-Id': svix['svix-id'],
          'Svix-Timestamp': svix['svix-timestamp'],
          'Svix-Signature': svix['svix-signature'],
        }),
      ),
    ).toEqual(parsed);
  });

  it('with the signature split over several header lines (a Node string[] or a Headers join)', () => {
    const other = 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=';
    const asArray = {
      ...headers,
      'webhook-signature': [other, headers['webhook-signature'] as string],
    };
    expect(webhook.verify(payload, asArray)).toEqual(parsed);
    const joined = new Headers({
      'webhook-id': headers['webhook-id'] as string,
      'webhook-timestamp': headers['webhook-timestamp'] as string,
    });
    joined.append('webhook-signature', other);
    joined.append('webhook-signature', headers['webhook-signature'] as string);
    expect(joined.get('webhook-signature')).toContain(', ');
    expect(webhook.verify(payload, joined)).toEqual(parsed);
  });

  it('treats headers it cannot read (a throwing getter, a hostile Proxy) as missing, never crashing', () => {
    const throwing = Object.defineProperty({ ...headers }, 'webhook-id', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(codeOf(() => webhook.verify(payload, throwing))).toBe('missing_header');
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(codeOf(() => webhook.verify(payload, hostile))).toBe('missing_header');
  });

  it('names the missing headers', () => {
    const error = (() => {
      try {
        webhook.verify(payload, { 'webhook-id': 'msg_1' });
      } catch (caught) {
        return caught as WebhookVerificationError;
      }
    })();
    expect(error?.code).toBe('missing_header');
    expect(error?.message).toContain('webhook-timestamp, webhook-signature');
    expect(codeOf(() => webhook.verify(payload, {}))).toBe('missing_header');
    expect(codeOf(() => webhook.verify(payload, new Headers()))).toBe('missing_header');
  });
});

describe('several signatures in webhook-signature', () => {
  const { headers } = signedDelivery(TEST_SECRET, payload);
  const webhook = new Webhook(TEST_SECRET);
  const valid = headers['webhook-signature'] as string;

  it('skips unknown versions and invalid entries, and accepts a valid one anywhere in the list', () => {
    for (const list of [
      `v2,${valid.slice(3)} ${valid}`,
      `v1b,xyz v1a,${'A'.repeat(86)}== ${valid}`,
      `garbage ,,, v1,!!! ${valid}`,
      `${valid} v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=`,
    ]) {
      expect(webhook.verify(payload, { ...headers, 'webhook-signature': list })).toEqual(parsed);
    }
  });

  it('fails when no entry is a valid v1 signature, even with the right bytes under another version', () => {
    expect(
      codeOf(() =>
        webhook.verify(payload, { ...headers, 'webhook-signature': `v2,${valid.slice(3)}` }),
      ),
    ).toBe('invalid_signature');
    expect(
      codeOf(() => webhook.verify(payload, { ...headers, 'webhook-signature': valid.slice(3) })),
    ).toBe('invalid_signature');
  });

  it('refuses a list longer than 32 entries (CPU exhaustion), however it ends', () => {
    const filler = Array.from(
      { length: 40 },
      () => 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
    ).join(' ');
    expect(
      codeOf(() =>
        webhook.verify(payload, { ...headers, 'webhook-signature': `${filler} ${valid}` }),
      ),
    ).toBe('invalid_signature');
    const short = Array.from(
      { length: 5 },
      () => 'v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=',
    ).join(' ');
    expect(
      webhook.verify(payload, { ...headers, 'webhook-signature': `${short} ${valid}` }),
    ).toEqual(parsed);
  });
});

describe('secret rotation on the receiving side', () => {
  const oldDelivery = signedDelivery(TEST_SECRET, payload);
  const newDelivery = signedDelivery(ROTATED_SECRET, payload);

  it('accepts a signature made with any of the secrets, in either order', () => {
    for (const secrets of [
      [TEST_SECRET, ROTATED_SECRET],
      [ROTATED_SECRET, TEST_SECRET],
    ]) {
      const webhook = new Webhook(secrets);
      expect(webhook.verify(payload, oldDelivery.headers)).toEqual(parsed);
      expect(webhook.verify(payload, newDelivery.headers)).toEqual(parsed);
    }
  });

  it('one failing secret never masks a later one that matches, whatever the mix of kinds', () => {
    const { publicKey } = Webhook.generateKeyPair();
    const unrelated = Webhook.generateSecret();
    const webhook = new Webhook([
      unrelated,
      publicKey,
      unrelated.replace('whsec_', ''),
      ROTATED_SECRET,
    ]);
    expect(webhook.verify(payload, newDelivery.headers)).toEqual(parsed);
    expect(codeOf(() => webhook.verify(payload, oldDelivery.headers))).toBe('invalid_signature');
  });

  it('accepts v1 and v1a signatures side by side', () => {
    const pair = Webhook.generateKeyPair();
    const signer = new Webhook([pair.secretKey, TEST_SECRET]);
    const headers = createWebhookHeaders(signer, payload);
    expect(headers['webhook-signature']).toMatch(/^v1a,\S{88} v1,\S{44}$/);
    expect(new Webhook(pair.publicKey).verify(payload, headers)).toEqual(parsed);
    expect(new Webhook(TEST_SECRET).verify(payload, headers)).toEqual(parsed);
    expect(codeOf(() => new Webhook(ROTATED_SECRET).verify(payload, headers))).toBe(
      'invalid_signature',
    );
  });
});

describe('outgoing deliveries', () => {
  it('createWebhookHeaders builds webhook-id, webhook-timestamp and webhook-signature', () => {
    const before = Math.floor(Date.now() / 1000);
    const headers = createWebhookHeaders(TEST_SECRET, payload);
    expect(Object.keys(headers).sort()).toEqual([
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
    ]);
    expect(headers['webhook-id']).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
    expect(Number(headers['webhook-timestamp'])).toBeGreaterThanOrEqual(before);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(TEST_SECRET).verify(payload, headers)).toEqual(parsed);
    expect(createWebhookHeaders(TEST_SECRET, payload)['webhook-id']).not.toBe(
      headers['webhook-id'],
    );
  });

  it('keeps a given id and timestamp, and signs with every secret while the sender rotates', () => {
    const timestamp = new Date('2025-03-14T09:26:53Z');
    const headers = createWebhookHeaders([ROTATED_SECRET, TEST_SECRET], payload, {
      msgId: 'msg_fixed',
      timestamp,
    });
    expect(headers['webhook-id']).toBe('msg_fixed');
    expect(headers['webhook-timestamp']).toBe('1741944413');
    const signatures = headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures[0]).toBe(new Webhook(ROTATED_SECRET).sign('msg_fixed', timestamp, payload));
    for (const secret of [TEST_SECRET, ROTATED_SECRET]) {
      const receiver = new Webhook(secret, { clock: () => timestamp.getTime() });
      expect(receiver.verify(payload, headers)).toEqual(parsed);
    }
  });

  it('Webhook.generateSecret makes whsec_ secrets of 24 random bytes (or the size asked) that verify', () => {
    const secret = Webhook.generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(24);
    expect(Buffer.from(Webhook.generateSecret(64).slice(6), 'base64')).toHaveLength(64);
    expect(Webhook.generateSecret()).not.toBe(secret);
    const delivery = signedDelivery(secret, payload);
    expect(new Webhook(secret).verify(payload, delivery.headers)).toEqual(parsed);
    expect(codeOf(() => Webhook.generateSecret(8))).toBe('invalid_secret');
    expect(codeOf(() => Webhook.generateSecret(65))).toBe('invalid_secret');
  });

  it('sign refuses what it cannot sign with a clear code', () => {
    const webhook = new Webhook(TEST_SECRET);
    expect(codeOf(() => webhook.sign('', new Date(), payload))).toBe('missing_header');
    expect(codeOf(() => webhook.sign('msg_1', new Date(Number.NaN), payload))).toBe(
      'invalid_timestamp',
    );
    expect(codeOf(() => webhook.sign('msg_1', new Date(), { a: 1 } as never))).toBe(
      'invalid_payload',
    );
  });
});
