import fc from 'fast-check';
import { Webhook as StandardWebhooks } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { isTollgateError, WebhookVerificationError } from '../src/errors/index.js';
import {
  signHubSignature256,
  signMailgun,
  signStripePayload,
  verifyHubSignature256,
  verifyMailgunSignature,
  verifyStripeSignature,
  verifyWithScheme,
  Webhook,
} from '../src/webhooks/index.js';

const NOW = Date.parse('2025-03-14T09:26:53Z');
const clock = () => NOW;

/** Anything fast-check can make: objects without prototypes, boxed strings, typed arrays, Maps, … */
const ANYTHING = {
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
} as const;

/** One edit of a string: replace, insert or delete one character. */
const stringEdit = fc.record({
  kind: fc.constantFrom('replace', 'insert', 'delete'),
  at: fc.nat(),
  char: fc.oneof(
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
    fc.constantFrom(' ', ',', '=', '+', '/', '-', '0'),
  ),
});

function edit(
  text: string,
  { kind, at, char }: { kind: string; at: number; char: string },
): string {
  const chars = [...text];
  const index = at % (chars.length + 1);
  if (kind === 'insert') chars.splice(index, 0, char);
  else if (kind === 'delete') chars.splice(index, 1);
  else chars.splice(index, 1, char);
  return chars.join('');
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** A genuine Standard Webhooks delivery over arbitrary inputs. */
const delivery = fc.record({
  key: fc.uint8Array({ minLength: 16, maxLength: 64 }),
  msgId: fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }),
  payload: fc.oneof(fc.json(), fc.string({ unit: 'binary', maxLength: 300 })),
  offsetSeconds: fc.integer({ min: -300, max: 300 }),
});

type Delivery = typeof delivery extends fc.Arbitrary<infer T> ? T : never;

function sign({ key, msgId, payload, offsetSeconds }: Delivery) {
  const timestamp = new Date(NOW + offsetSeconds * 1000);
  const webhook = new Webhook(key, { format: 'raw', clock });
  const headers = {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': webhook.sign(msgId, timestamp, payload),
  };
  return { webhook, headers, timestamp };
}

describe('Standard Webhooks properties', () => {
  it('signs exactly like the reference library and verifies its own signatures', () => {
    fc.assert(
      fc.property(delivery, (input) => {
        const { webhook, headers, timestamp } = sign(input);
        const reference = new StandardWebhooks(input.key, { format: 'raw' });
        expect(headers['webhook-signature']).toBe(
          reference.sign(input.msgId, timestamp, input.payload),
        );
        expect(() => webhook.verify(input.payload, headers, { jsonParse: false })).not.toThrow();
        expect(() =>
          webhook.verify(utf8(input.payload), headers, { jsonParse: false }),
        ).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('never accepts a changed payload, id, timestamp or secret', () => {
    fc.assert(
      fc.property(
        delivery,
        fc.constantFrom('payload', 'payload-bytes', 'id', 'timestamp', 'secret'),
        stringEdit,
        fc.nat(),
        (input, target, change, bit) => {
          const { webhook, headers } = sign(input);
          let payload: string | Uint8Array = input.payload;
          let verifier = webhook;
          const mutated = { ...headers };
          if (target === 'payload') {
            payload = edit(input.payload, change);
            // Strings that differ but encode to the same UTF-8 bytes are the same body on the wire.
            fc.pre(!utf8(payload).equals(utf8(input.payload)));
          } else if (target === 'payload-bytes') {
            const bytes = utf8(input.payload);
            fc.pre(bytes.length > 0);
            bytes[bit % bytes.length] = (bytes[bit % bytes.length] as number) ^ (1 << (bit % 8));
            payload = bytes;
          } else if (target === 'id') {
            mutated['webhook-id'] = edit(headers['webhook-id'], change);
            fc.pre(!utf8(mutated['webhook-id']).equals(utf8(headers['webhook-id'])));
          } else if (target === 'timestamp') {
            mutated['webhook-timestamp'] = edit(headers['webhook-timestamp'], change);
            fc.pre(mutated['webhook-timestamp'] !== headers['webhook-timestamp']);
          } else {
            // Flip one bit: HMAC pads keys with zero bytes, so appending a 0x00 would be the same key.
            const key = Uint8Array.from(input.key);
            key[bit % key.length] = (key[bit % key.length] as number) ^ (1 << (bit % 8));
            verifier = new Webhook(key, { format: 'raw', clock });
          }
          expect(() => verifier.verify(payload, mutated, { jsonParse: false })).toThrow(
            WebhookVerificationError,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('accepts a changed signature header only if it still lists the genuine signature', () => {
    fc.assert(
      fc.property(
        delivery,
        fc.array(stringEdit, { minLength: 1, maxLength: 3 }),
        (input, changes) => {
          const { webhook, headers } = sign(input);
          const signature = changes.reduce(edit, headers['webhook-signature']);
          fc.pre(signature !== headers['webhook-signature']);
          // The list rule: entries are separated by spaces; a comma before a space is the ", " of joined lines.
          const entries = signature
            .split(' ')
            .map((entry, i, all) =>
              i < all.length - 1 && entry.endsWith(',') ? entry.slice(0, -1) : entry,
            );
          const stillListed = entries.includes(headers['webhook-signature']);
          const verify = () =>
            webhook.verify(
              input.payload,
              { ...headers, 'webhook-signature': signature },
              { jsonParse: false },
            );
          if (stillListed) expect(verify).not.toThrow();
          else expect(verify).toThrow(WebhookVerificationError);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('throws nothing but WebhookVerificationError, whatever the payload, headers and secret are', () => {
    const secret = Webhook.generateSecret();
    const webhook = new Webhook(secret, { clock });
    const headerValue = fc.oneof(
      fc.anything(ANYTHING),
      fc.string(),
      fc.constant(String(Math.floor(NOW / 1000))),
      fc.constant('v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc='),
    );
    const headers = fc.oneof(
      fc.anything(ANYTHING),
      fc.record(
        {
          'webhook-id': headerValue,
          'webhook-timestamp': headerValue,
          'webhook-signature': headerValue,
          'Svix-Id': headerValue,
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(
        fc.anything(ANYTHING),
        headers,
        fc.anything(ANYTHING),
        (payload, anyHeaders, anySecret) => {
          expectOnlyVerificationErrors(() => webhook.verify(payload as never, anyHeaders as never));
          expectOnlyVerificationErrors(() =>
            new Webhook(anySecret as never).verify(payload as never, anyHeaders as never),
          );
          expectOnlyVerificationErrors(() =>
            webhook.sign(anySecret as never, new Date(), payload as never),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('bad options are a TollgateError (ValidationError), never a TypeError', () => {
    fc.assert(
      fc.property(
        fc.anything(ANYTHING),
        fc.anything(ANYTHING),
        (constructorOptions, verifyOptions) => {
          const run = () => {
            const webhook = new Webhook(Webhook.generateSecret(), constructorOptions as never);
            webhook.verify(
              '{}',
              { 'webhook-id': 'm', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' },
              verifyOptions as never,
            );
          };
          try {
            run();
          } catch (error) {
            expect(isTollgateError(error)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('partner scheme properties', () => {
  it('Stripe: a changed payload or secret is never accepted, nor a header without the genuine t= and v1=', () => {
    const seconds = String(NOW / 1000);
    fc.assert(
      fc.property(
        fc.json(),
        fc
          .string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' })
          .filter((s) => !/\s/.test(s)),
        fc.constantFrom('payload', 'header', 'secret'),
        fc.array(stringEdit, { minLength: 1, maxLength: 3 }),
        (payload, secret, target, changes) => {
          const header = signStripePayload(payload, secret, NOW / 1000);
          expect(verifyStripeSignature(payload, header, secret, { clock })).toEqual(
            JSON.parse(payload),
          );
          const genuineSignature = header.split(',')[1] as string;
          let [p, h, s] = [payload, header, secret];
          if (target === 'payload') p = changes.reduce(edit, payload);
          else if (target === 'header') h = changes.reduce(edit, header);
          else s = changes.reduce(edit, secret);
          fc.pre(!utf8(p).equals(utf8(payload)) || h !== header || s !== secret);
          // The header is a comma list; only its t= and v1= elements matter.
          const items = h.split(',');
          const timestamps = items
            .filter((item) => item.startsWith('t='))
            .map((item) => item.slice(2));
          const stillGenuine =
            target === 'header' &&
            timestamps.length > 0 &&
            timestamps.every((t) => t === seconds) &&
            items.includes(genuineSignature);
          const verify = () => verifyStripeSignature(p, h, s, { clock });
          if (stillGenuine) expect(verify).not.toThrow();
          else expect(verify).toThrow(WebhookVerificationError);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('X-Hub-Signature-256 and Mailgun: a changed body, header, token or secret is never accepted', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc
          .string({ minLength: 1, maxLength: 40, unit: 'grapheme-ascii' })
          .filter((s) => !/\s/.test(s)),
        stringEdit,
        (payload, secret, change) => {
          const header = signHubSignature256(payload, secret);
          expect(verifyHubSignature256(payload, header, secret)).toEqual(JSON.parse(payload));
          const changedPayload = edit(payload, change);
          if (!utf8(changedPayload).equals(utf8(payload))) {
            expect(() => verifyHubSignature256(changedPayload, header, secret)).toThrow(
              WebhookVerificationError,
            );
          }
          const changedHeader = edit(header, change);
          if (changedHeader !== header) {
            expect(() => verifyHubSignature256(payload, changedHeader, secret)).toThrow(
              WebhookVerificationError,
            );
          }
          const signed = signMailgun(secret, NOW / 1000);
          verifyMailgunSignature(signed, secret);
          for (const field of ['timestamp', 'token', 'signature'] as const) {
            const changed = { ...signed, [field]: edit(signed[field], change) };
            if (changed[field] !== signed[field]) {
              expect(() => verifyMailgunSignature(changed, secret)).toThrow(
                WebhookVerificationError,
              );
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('throw nothing but WebhookVerificationError, whatever the inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.anything(ANYTHING),
        fc.anything(ANYTHING),
        fc.anything(ANYTHING),
        fc.constantFrom('standard-webhooks', 'svix', 'stripe', 'hub-signature-256', 'mailgun'),
        async (payload, header, secret, scheme) => {
          expectOnlyVerificationErrors(() =>
            verifyStripeSignature(payload as never, header as never, secret as never),
          );
          expectOnlyVerificationErrors(() =>
            verifyHubSignature256(payload as never, header as never, secret as never),
          );
          expectOnlyVerificationErrors(() => verifyMailgunSignature(payload, secret as never));
          expectOnlyVerificationErrors(() => verifyMailgunSignature(header, 'key-fixed'));
          try {
            await verifyWithScheme(
              scheme,
              { body: payload as never, headers: header as never },
              { secret: secret as never },
            );
          } catch (error) {
            expect(error).toBeInstanceOf(WebhookVerificationError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function expectOnlyVerificationErrors(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof WebhookVerificationError)) throw error;
  }
}
