import { describe, expect, it } from 'vitest';
import {
  signMailgun,
  signStripePayload,
  verifyMailgunSignature,
  verifyStripeSignature,
  Webhook,
} from '../src/webhooks/index.js';
import { codeOf, signedDelivery, TEST_SECRET } from './fixtures/webhooks/deliveries.js';

const payload = '{"type":"shipment.delivered","data":{"awb":"1234567890"}}';
const NOW = Date.parse('2025-03-14T09:26:53Z');
const at = (offsetSeconds: number) =>
  signedDelivery(TEST_SECRET, payload, { timestampMs: NOW + offsetSeconds * 1000 });

describe('Standard Webhooks timestamp tolerance', () => {
  const webhook = new Webhook(TEST_SECRET, { clock: () => NOW });

  it('is 5 minutes either way by default', () => {
    expect(webhook.verify(payload, at(-300).headers)).toBeDefined();
    expect(webhook.verify(payload, at(300).headers)).toBeDefined();
    expect(codeOf(() => webhook.verify(payload, at(-301).headers))).toBe('timestamp_too_old');
    expect(codeOf(() => webhook.verify(payload, at(301).headers))).toBe('timestamp_too_new');
  });

  it('is configurable per Webhook and per call', () => {
    const strict = new Webhook(TEST_SECRET, { clock: () => NOW, toleranceInSeconds: 30 });
    expect(strict.verify(payload, at(-30).headers)).toBeDefined();
    expect(codeOf(() => strict.verify(payload, at(-31).headers))).toBe('timestamp_too_old');
    expect(strict.verify(payload, at(-3600).headers, { toleranceInSeconds: 7200 })).toBeDefined();
    expect(codeOf(() => webhook.verify(payload, at(-31).headers, { toleranceInSeconds: 30 }))).toBe(
      'timestamp_too_old',
    );
    const lenient = new Webhook(TEST_SECRET, {
      clock: () => NOW,
      toleranceInSeconds: Number.POSITIVE_INFINITY,
    });
    expect(lenient.verify(payload, at(-86_400 * 365).headers)).toBeDefined();
  });

  it('checks against receivedAt for events verified later from a queue', () => {
    const delivered = at(0);
    const anHourLater = new Webhook(TEST_SECRET, { clock: () => NOW + 3_600_000 });
    expect(codeOf(() => anHourLater.verify(payload, delivered.headers))).toBe('timestamp_too_old');
    expect(
      anHourLater.verify(payload, delivered.headers, { receivedAt: new Date(NOW + 2_000) }),
    ).toBeDefined();
    expect(
      anHourLater.verify(payload, delivered.headers, { receivedAt: NOW + 2_000 }),
    ).toBeDefined();
    expect(
      codeOf(() => anHourLater.verify(payload, delivered.headers, { receivedAt: NOW + 400_000 })),
    ).toBe('timestamp_too_old');
  });

  it('uses the real clock when none is injected', () => {
    const fresh = signedDelivery(TEST_SECRET, payload);
    expect(new Webhook(TEST_SECRET).verify(payload, fresh.headers)).toBeDefined();
    expect(codeOf(() => new Webhook(TEST_SECRET).verify(payload, at(0).headers))).toBe(
      'timestamp_too_old',
    );
  });

  it.each([
    'hello',
    '-1741944413',
    '+1741944413',
    '1741944413.0',
    '1.741944413e9',
    ' 1741944413',
    '1741944413 ',
    '0x67d3f63d',
    '１７４１９４４４１３',
    '1741944413000000',
  ])('a timestamp that is not plain unix seconds (%j) is invalid_timestamp', (timestamp) => {
    const { headers } = at(0);
    expect(
      codeOf(() => webhook.verify(payload, { ...headers, 'webhook-timestamp': timestamp })),
    ).toBe('invalid_timestamp');
  });

  it('a timestamp with a leading zero parses but no longer matches the signed text', () => {
    const { headers } = at(0);
    const padded = { ...headers, 'webhook-timestamp': `0${headers['webhook-timestamp']}` };
    expect(codeOf(() => webhook.verify(payload, padded))).toBe('invalid_signature');
  });
});

describe('Stripe timestamp tolerance', () => {
  const secret = 'whsec_test_tolerance';
  const header = (offsetSeconds: number) =>
    signStripePayload(payload, secret, (NOW + offsetSeconds * 1000) / 1000);
  const clock = () => NOW;

  it('is 300 s by default, into the past and (stricter than Stripe) into the future', () => {
    expect(verifyStripeSignature(payload, header(-300), secret, { clock })).toBeDefined();
    expect(codeOf(() => verifyStripeSignature(payload, header(-301), secret, { clock }))).toBe(
      'timestamp_too_old',
    );
    expect(codeOf(() => verifyStripeSignature(payload, header(301), secret, { clock }))).toBe(
      'timestamp_too_new',
    );
  });

  it('is configurable, and receivedAt moves the reference', () => {
    expect(
      verifyStripeSignature(payload, header(-600), secret, { clock, toleranceInSeconds: 900 }),
    ).toBeDefined();
    expect(
      verifyStripeSignature(payload, header(-600), secret, { clock, receivedAt: NOW - 590_000 }),
    ).toBeDefined();
  });
});

describe('Mailgun freshness window', () => {
  const key = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';

  it('is off by default (Mailgun has none) and on when asked', () => {
    const old = signMailgun(key, (NOW - 86_400_000) / 1000);
    expect(() => verifyMailgunSignature(old, key, { clock: () => NOW })).not.toThrow();
    expect(
      codeOf(() => verifyMailgunSignature(old, key, { clock: () => NOW, toleranceInSeconds: 600 })),
    ).toBe('timestamp_too_old');
    const future = signMailgun(key, (NOW + 900_000) / 1000);
    expect(
      codeOf(() =>
        verifyMailgunSignature(future, key, { clock: () => NOW, toleranceInSeconds: 600 }),
      ),
    ).toBe('timestamp_too_new');
  });
});
