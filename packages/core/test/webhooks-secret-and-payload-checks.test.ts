import { createHmac } from 'node:crypto';
import { Webhook as StandardWebhooks } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { ValidationError, WebhookVerificationError } from '../src/errors/index.js';
import {
  signHubSignature256,
  signStripePayload,
  verifyHubSignature256,
  verifyStripeSignature,
  Webhook,
} from '../src/webhooks/index.js';
import { codeOf, signedDelivery, TEST_SECRET } from './fixtures/webhooks/deliveries.js';

const payload = '{"type":"declaration.cleared","data":{"mrn":"25DE123456789012A3"}}';

function errorOf(action: () => unknown): WebhookVerificationError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
  throw new Error('expected a WebhookVerificationError');
}

describe('secrets are checked up front', () => {
  const bytes = Buffer.from('tollgate-test-secret-0123456789!');

  it('accepts whsec_ base64 with or without padding, and bare base64, as the same key', () => {
    const unpadded = `whsec_${bytes.subarray(0, 20).toString('base64').replace(/=+$/, '')}`;
    const padded = `whsec_${bytes.subarray(0, 20).toString('base64')}`;
    expect(unpadded).not.toBe(padded);
    const delivery = signedDelivery(padded, payload);
    for (const secret of [padded, unpadded, padded.slice(6), unpadded.slice(6)]) {
      expect(new Webhook(secret).verify(payload, delivery.headers)).toEqual(JSON.parse(payload));
    }
  });

  it.each([
    ['an empty string', '', 'empty'],
    ['the prefix alone', 'whsec_', 'at least 16'],
    ['garbage that Node would decode to an empty key', 'whsec_!!!!????', 'not valid base64'],
    ['URL-safe base64', `whsec_${'-_'.repeat(12)}`, 'not valid base64'],
    [
      'a misplaced padding character',
      `whsec_${bytes.toString('base64').slice(0, 20)}=${bytes.toString('base64').slice(20)}`,
      'not valid base64',
    ],
    ['an impossible length', `whsec_${bytes.toString('base64').slice(0, 21)}`, 'not valid base64'],
    [
      'a key under 16 bytes',
      `whsec_${Buffer.alloc(15, 7).toString('base64')}`,
      'decodes to 15 bytes; at least 16',
    ],
    [
      'a value pasted with its v1, prefix',
      `v1,${createHmac('sha256', 'k').update('x').digest('base64')}`,
      'looks like a signature',
    ],
    ['a trailing newline', `${TEST_SECRET}\n`, 'whitespace'],
    ['an inner space', `whsec_ ${TEST_SECRET.slice(6)}`, 'whitespace'],
    ['a whsk_ key of the wrong size', 'whsk_AAAA', 'whsk_'],
    ['a whpk_ key of the wrong size', `whpk_${Buffer.alloc(31).toString('base64')}`, 'whpk_'],
  ])('refuses %s with invalid_secret and a message that says why', (_, secret, hint) => {
    const error = errorOf(() => new Webhook(secret));
    expect(error.code).toBe('invalid_secret');
    expect(error.message).toContain(hint);
  });

  it('refuses non-strings, an empty list, and bytes without { format: "raw" }', () => {
    for (const secret of [undefined, null, 42, {}, [], [TEST_SECRET, 7]]) {
      expect(codeOf(() => new Webhook(secret as never))).toBe('invalid_secret');
    }
    expect(errorOf(() => new Webhook(new Uint8Array(32))).message).toContain("format: 'raw'");
    expect(codeOf(() => new Webhook(TEST_SECRET, { format: 'base64' as never }))).toBe(
      'invalid_secret',
    );
  });

  it('takes raw key bytes with { format: "raw" }, compatible with standardwebhooks', () => {
    const key = new Uint8Array(Buffer.from('a raw key of any length'));
    const theirs = new StandardWebhooks(key, { format: 'raw' });
    const headers = {
      'webhook-id': 'msg_raw',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': '',
    };
    headers['webhook-signature'] = theirs.sign('msg_raw', new Date(), payload);
    expect(new Webhook(key, { format: 'raw' }).verify(payload, headers)).toEqual(
      JSON.parse(payload),
    );
    const asText = new Webhook('a raw key of any length', { format: 'raw' });
    expect(asText.verify(payload, headers)).toEqual(JSON.parse(payload));
    expect(codeOf(() => new Webhook(new Uint8Array(0), { format: 'raw' }))).toBe('invalid_secret');
  });

  it('checks option values too, with a ValidationError', () => {
    expect(() => new Webhook(TEST_SECRET, { toleranceInSeconds: -1 })).toThrow(ValidationError);
    expect(() => new Webhook(TEST_SECRET, { toleranceInSeconds: Number.NaN })).toThrow(
      ValidationError,
    );
    const { headers } = signedDelivery(TEST_SECRET, payload);
    expect(() =>
      new Webhook(TEST_SECRET).verify(payload, headers, { receivedAt: new Date('nope') }),
    ).toThrow(ValidationError);
  });
});

describe('the payload must be the raw body', () => {
  const { headers } = signedDelivery(TEST_SECRET, payload);
  const webhook = new Webhook(TEST_SECRET);

  it('refuses a parsed object with invalid_payload that says to pass the raw body', () => {
    for (const scheme of [
      () => webhook.verify(JSON.parse(payload), headers),
      () =>
        verifyStripeSignature(
          JSON.parse(payload),
          signStripePayload(payload, 'whsec_s'),
          'whsec_s',
        ),
      () => verifyHubSignature256(JSON.parse(payload), signHubSignature256(payload, 's'), 's'),
    ]) {
      const error = errorOf(scheme);
      expect(error.code).toBe('invalid_payload');
      expect(error.message).toContain('not the raw body');
      expect(error.status).toBe(400);
    }
    for (const value of [null, undefined, 42, true, [payload]]) {
      expect(codeOf(() => webhook.verify(value as never, headers))).toBe('invalid_payload');
    }
  });

  it('accepts the same bytes as a string, Buffer, Uint8Array, ArrayBuffer or DataView', () => {
    const buffer = Buffer.from(payload);
    const copy = new Uint8Array(buffer).buffer;
    for (const body of [payload, buffer, new Uint8Array(buffer), copy, new DataView(copy)]) {
      expect(webhook.verify(body as never, headers)).toEqual(JSON.parse(payload));
    }
  });

  it('verifies bytes as bytes: a non-UTF-8 body signed over its bytes verifies, its lossy text does not', () => {
    const latin1 = Buffer.from('{"consignee":"Müller & Söhne","city":"Köln"}', 'latin1');
    expect(latin1.toString('utf8')).toContain('\uFFFD');
    const delivery = signedDelivery(TEST_SECRET, latin1);
    expect(webhook.verify(latin1, delivery.headers)).toEqual({
      consignee: 'M\uFFFDller & S\uFFFDhne',
      city: 'K\uFFFDln',
    });
    expect(webhook.verify(latin1, delivery.headers, { jsonParse: false })).toBeUndefined();
    const offset = Buffer.concat([Buffer.from('junk'), latin1]).subarray(4);
    expect(webhook.verify(offset, delivery.headers, { jsonParse: false })).toBeUndefined();
    expect(codeOf(() => webhook.verify(latin1.toString('utf8'), delivery.headers))).toBe(
      'invalid_signature',
    );
  });

  it('a genuine body that is not JSON is invalid_payload, unless jsonParse is false; an empty body gives undefined', () => {
    const text = signedDelivery(TEST_SECRET, 'plain text, not JSON');
    expect(codeOf(() => webhook.verify('plain text, not JSON', text.headers))).toBe(
      'invalid_payload',
    );
    expect(
      webhook.verify('plain text, not JSON', text.headers, { jsonParse: false }),
    ).toBeUndefined();
    const empty = signedDelivery(TEST_SECRET, '');
    expect(webhook.verify('', empty.headers)).toBeUndefined();
  });
});

describe('messages never contain a secret or the expected signature', () => {
  it('across every failure of every scheme', () => {
    const secretBase64 = TEST_SECRET.slice(6);
    const { headers } = signedDelivery(TEST_SECRET, payload);
    const expectedSignature = (headers['webhook-signature'] as string).slice(3);
    const stripeSecret = 'whsec_stripeSecretValue123';
    const stripeHeader = signStripePayload(payload, stripeSecret);
    const hubSecret = 'hubSecretValue456';
    const webhook = new Webhook(TEST_SECRET);
    const failures = [
      () => webhook.verify(`${payload} `, headers),
      () => webhook.verify(payload, { ...headers, 'webhook-signature': 'v1,AAAA' }),
      () => webhook.verify(payload, { ...headers, 'webhook-timestamp': '1' }),
      () => webhook.verify(payload, { ...headers, 'webhook-timestamp': 'x' }),
      () => webhook.verify(payload, {}),
      () => new Webhook(`${TEST_SECRET} `),
      () => new Webhook(`v1,${secretBase64}`),
      () => new Webhook(TEST_SECRET.slice(0, 20)),
      () => verifyStripeSignature(`${payload} `, stripeHeader, stripeSecret),
      () => verifyStripeSignature(payload, stripeHeader, `${stripeSecret}\n`),
      () =>
        verifyHubSignature256(`${payload} `, signHubSignature256(payload, hubSecret), hubSecret),
      () =>
        verifyHubSignature256(payload, signHubSignature256(payload, hubSecret), ` ${hubSecret}`),
    ];
    const stripeExpected = stripeHeader.split('v1=')[1] as string;
    const hubExpected = signHubSignature256(payload, hubSecret).slice(7);
    for (const failure of failures) {
      const error = errorOf(failure);
      const rendered = `${error.message} ${JSON.stringify(error.toProblem())} ${JSON.stringify(error.toJSON())}`;
      for (const secret of [
        secretBase64,
        secretBase64.slice(0, 12),
        expectedSignature,
        stripeSecret,
        'stripeSecretValue',
        stripeExpected,
        hubSecret,
        hubExpected,
      ]) {
        expect(rendered).not.toContain(secret);
      }
    }
  });
});
