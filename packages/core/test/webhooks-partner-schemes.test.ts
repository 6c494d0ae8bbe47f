import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WebhookVerificationError } from '../src/errors/index.js';
import {
  answerWhatsAppSubscription,
  createMemorySeenTokenStore,
  respondToWhatsAppSubscription,
  type SeenTokenStore,
  signHubSignature256,
  signMailgun,
  signStripePayload,
  verifyHubSignature256,
  verifyMailgunSignature,
  verifyStripeSignature,
} from '../src/webhooks/index.js';
import { asyncCodeOf, codeOf } from './fixtures/webhooks/deliveries.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/webhooks/${name}`, import.meta.url), 'utf8');
const hex = (key: string, ...parts: string[]) => {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest('hex');
};

describe('Stripe-Signature', () => {
  const event = fixture('stripe-payment-intent-succeeded.json');
  const secret = 'whsec_5a8f3c1e9b7d2a4f6c8e0b1d3f5a7c9e';
  const now = 1_741_944_413;
  const clock = () => now * 1000;
  const header = (t: number, ...signatures: string[]) =>
    [`t=${t}`, ...signatures.map((s) => `v1=${s}`)].join(',');
  const good = hex(secret, `${now}.`, event);

  it('signs t=<unix>,v1=<hex HMAC of "t.payload">', () => {
    expect(signStripePayload(event, secret, now)).toBe(`t=${now},v1=${good}`);
    expect(signStripePayload(event, secret, new Date(now * 1000 + 999))).toBe(
      `t=${now},v1=${good}`,
    );
  });

  it('returns the parsed event for a genuine delivery', () => {
    const parsed = verifyStripeSignature(event, header(now, good), secret, { clock }) as {
      type: string;
    };
    expect(parsed.type).toBe('payment_intent.succeeded');
  });

  it('accepts any of several v1 signatures (Stripe sends two while a secret rolls) and ignores v0', () => {
    const rolled = hex('whsec_the_previous_secret', `${now}.`, event);
    expect(
      verifyStripeSignature(event, `${header(now, rolled, good)},v0=${'0'.repeat(64)}`, secret, {
        clock,
      }),
    ).toBeDefined();
    expect(
      verifyStripeSignature(
        event,
        header(now, rolled),
        ['whsec_other', 'whsec_the_previous_secret'],
        { clock },
      ),
    ).toBeDefined();
    expect(
      codeOf(() => verifyStripeSignature(event, `t=${now},v0=${good}`, secret, { clock })),
    ).toBe('invalid_signature');
  });

  it.each([
    ['a missing header', undefined, 'missing_header'],
    ['an empty header', '', 'missing_header'],
    ['no timestamp', `v1=${good}`, 'invalid_timestamp'],
    ['a timestamp that is not a number', `t=now,v1=${good}`, 'invalid_timestamp'],
    ['two different timestamps', `t=${now},t=${now - 1},v1=${good}`, 'invalid_timestamp'],
    ['no v1 signature', `t=${now}`, 'invalid_signature'],
    ['upper-case hex', header(now, good.toUpperCase()), 'invalid_signature'],
    ['spaces after the commas', `t=${now}, v1=${good}`, 'invalid_signature'],
    ['another timestamp than the signed one', header(now + 1, good), 'invalid_signature'],
    ['a truncated signature', header(now, good.slice(0, 63)), 'invalid_signature'],
  ])('refuses %s', (_, value, code) => {
    expect(codeOf(() => verifyStripeSignature(event, value, secret, { clock }))).toBe(code);
  });

  it('refuses a wrong secret, an edited or re-serialized body, and a secret with a newline', () => {
    expect(
      codeOf(() => verifyStripeSignature(event, header(now, good), 'whsec_wrong', { clock })),
    ).toBe('invalid_signature');
    expect(
      codeOf(() =>
        verifyStripeSignature(event.replace('125000', '925000'), header(now, good), secret, {
          clock,
        }),
      ),
    ).toBe('invalid_signature');
    const error = (() => {
      try {
        verifyStripeSignature(JSON.stringify(JSON.parse(event)), header(now, good), secret, {
          clock,
        });
      } catch (caught) {
        return caught as WebhookVerificationError;
      }
    })();
    expect(error?.code).toBe('invalid_signature');
    expect(error?.message).toContain('raw body');
    expect(
      codeOf(() => verifyStripeSignature(event, header(now, good), `${secret}\n`, { clock })),
    ).toBe('invalid_secret');
    expect(codeOf(() => verifyStripeSignature(event, header(now, good), [], { clock }))).toBe(
      'invalid_secret',
    );
  });
});

describe('X-Hub-Signature-256 (WhatsApp Cloud API, GitHub)', () => {
  const body = fixture('whatsapp-text-message.json');
  const appSecret = '3f1e0c9b8a7d6e5f4a3b2c1d0e9f8a7b';
  const good = `sha256=${hex(appSecret, body)}`;

  it('signs sha256=<hex HMAC of the raw body> and verifies it, returning the parsed body', () => {
    expect(signHubSignature256(body, appSecret)).toBe(good);
    const parsed = verifyHubSignature256(body, good, appSecret) as {
      entry: Array<{
        changes: Array<{ value: { contacts: Array<{ profile: { name: string } }> } }>;
      }>;
    };
    expect(parsed.entry[0]?.changes[0]?.value.contacts[0]?.profile.name).toBe('Jörg Müller');
    expect(verifyHubSignature256(Buffer.from(body), good, ['old-secret', appSecret])).toEqual(
      JSON.parse(body),
    );
  });

  it('verifies a GitHub ping signed the same way', () => {
    const ping =
      '{"zen":"Design for failure.","hook_id":501234567,"hook":{"type":"Repository","id":501234567,"events":["push"]}}';
    const secret = 'gh-webhook-secret-for-tests';
    expect(verifyHubSignature256(ping, `sha256=${hex(secret, ping)}`, secret)).toMatchObject({
      zen: 'Design for failure.',
    });
  });

  it.each([
    ['a missing header', undefined, 'missing_header'],
    ['a header sent twice', [good, good], 'missing_header'],
    [
      'the SHA-1 header form',
      `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`,
      'invalid_signature',
    ],
    ['no prefix', hex(appSecret, body), 'invalid_signature'],
    ['upper-case hex', `sha256=${hex(appSecret, body).toUpperCase()}`, 'invalid_signature'],
    ['another body’s signature', `sha256=${hex(appSecret, `${body}\n`)}`, 'invalid_signature'],
  ])('refuses %s', (_, header, code) => {
    expect(codeOf(() => verifyHubSignature256(body, header as never, appSecret))).toBe(code);
  });
});

describe('WhatsApp subscription handshake', () => {
  const token = 'tollgate-verify-9f2c';
  const url = (query: string) => new URL(`https://api.tollgate.example/webhooks/whatsapp?${query}`);

  it('answers 200 with the challenge as plain text when mode and token are right', async () => {
    const answer = answerWhatsAppSubscription(
      url(`hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`),
      token,
    );
    expect(answer).toEqual({
      status: 200,
      body: '1158201444',
      contentType: 'text/plain; charset=utf-8',
    });
    const response = respondToWhatsAppSubscription(
      new Request(url(`hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`)),
      token,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('1158201444');
  });

  it('reads a query string, URLSearchParams or a parsed record (Express req.query)', () => {
    const query = `hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`;
    expect(answerWhatsAppSubscription(`/webhooks/whatsapp?${query}`, token).status).toBe(200);
    expect(answerWhatsAppSubscription(new URLSearchParams(query), token).status).toBe(200);
    expect(
      answerWhatsAppSubscription(
        { 'hub.mode': 'subscribe', 'hub.verify_token': token, 'hub.challenge': '42' },
        token,
      ).body,
    ).toBe('42');
  });

  it.each([
    ['a wrong token', `hub.mode=subscribe&hub.verify_token=nope&hub.challenge=42`],
    [
      'a token that is a prefix of the right one',
      `hub.mode=subscribe&hub.verify_token=${token.slice(0, -1)}&hub.challenge=42`,
    ],
    ['another mode', `hub.mode=unsubscribe&hub.verify_token=${token}&hub.challenge=42`],
    ['no challenge', `hub.mode=subscribe&hub.verify_token=${token}`],
    ['nothing', ''],
  ])('answers 403 to %s', async (_, query) => {
    expect(answerWhatsAppSubscription(url(query), token).status).toBe(403);
    expect(respondToWhatsAppSubscription(new Request(url(query)), token).status).toBe(403);
  });

  it('answers 403 when no verify token is configured', () => {
    expect(
      answerWhatsAppSubscription(url('hub.mode=subscribe&hub.verify_token=&hub.challenge=42'), '')
        .status,
    ).toBe(403);
  });
});

describe('Mailgun signature', () => {
  const signingKey = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';
  const now = 1_741_944_413;
  const clock = () => now * 1000;

  it('signs hex HMAC(timestamp + token) and verifies the signature object of a real body', () => {
    const signature = signMailgun(
      signingKey,
      now,
      'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0',
    );
    expect(signature).toEqual({
      timestamp: String(now),
      token: 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0',
      signature: hex(signingKey, String(now), 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0'),
    });
    const body = JSON.parse(fixture('mailgun-delivered.json'));
    body.signature = signature;
    const parsedAgain = JSON.parse(JSON.stringify(body));
    expect(() =>
      verifyMailgunSignature(parsedAgain.signature, signingKey, { clock }),
    ).not.toThrow();
    expect(() =>
      verifyMailgunSignature({ ...signature, timestamp: now }, signingKey),
    ).not.toThrow();
  });

  it('makes a fresh 50-hex-character token and the current time by default', () => {
    const a = signMailgun(signingKey);
    expect(a.token).toMatch(/^[0-9a-f]{50}$/);
    expect(Math.abs(Number(a.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(signMailgun(signingKey).token).not.toBe(a.token);
  });

  const signed = signMailgun(signingKey, now, 'a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0');
  it.each([
    [
      'a changed token',
      { ...signed, token: 'b8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0' },
      'invalid_signature',
    ],
    ['a changed timestamp', { ...signed, timestamp: String(now + 1) }, 'invalid_signature'],
    [
      'an upper-case signature',
      { ...signed, signature: signed.signature.toUpperCase() },
      'invalid_signature',
    ],
    [
      'a timestamp that is not unix seconds',
      { ...signed, timestamp: 'yesterday' },
      'invalid_timestamp',
    ],
    ['a missing token', { ...signed, token: undefined }, 'invalid_payload'],
  ])('refuses %s', (_, changed, code) => {
    expect(codeOf(() => verifyMailgunSignature(changed, signingKey, { clock }))).toBe(code);
  });

  it('refuses a body without a signature object and a wrong key', () => {
    expect(codeOf(() => verifyMailgunSignature(undefined, signingKey))).toBe('invalid_payload');
    expect(codeOf(() => verifyMailgunSignature('sig', signingKey))).toBe('invalid_payload');
    expect(codeOf(() => verifyMailgunSignature(signMailgun(signingKey), 'key-other'))).toBe(
      'invalid_signature',
    );
  });

  it('refuses a replayed token through the seen-token store, and never records a forged one', () => {
    const seenTokens = createMemorySeenTokenStore({ clock });
    const genuine = signMailgun(signingKey, now);
    const forged = { ...signMailgun('key-attacker', now), token: 'f'.repeat(50) };
    expect(codeOf(() => verifyMailgunSignature(forged, signingKey, { clock, seenTokens }))).toBe(
      'invalid_signature',
    );
    expect(() =>
      verifyMailgunSignature({ ...signMailgun(signingKey, now, 'f'.repeat(50)) }, signingKey, {
        clock,
        seenTokens,
      }),
    ).not.toThrow();
    expect(() => verifyMailgunSignature(genuine, signingKey, { clock, seenTokens })).not.toThrow();
    expect(codeOf(() => verifyMailgunSignature(genuine, signingKey, { clock, seenTokens }))).toBe(
      'replayed',
    );
  });

  it('works with an asynchronous store (Redis, SQL), and lets a store outage through as what it is', async () => {
    const seen = new Set<string>();
    const asyncStore: SeenTokenStore = {
      markSeen: async (token) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (seen.has(token)) return false;
        seen.add(token);
        return true;
      },
    };
    const genuine = signMailgun(signingKey, now);
    const first = verifyMailgunSignature(genuine, signingKey, { clock, seenTokens: asyncStore });
    expect(first).toBeInstanceOf(Promise);
    await expect(first).resolves.toBeUndefined();
    expect(
      await asyncCodeOf(() =>
        verifyMailgunSignature(genuine, signingKey, { clock, seenTokens: asyncStore }),
      ),
    ).toBe('replayed');

    const outage = new Error('connection refused');
    const broken: SeenTokenStore = { markSeen: () => Promise.reject(outage) };
    await expect(
      verifyMailgunSignature(signMailgun(signingKey, now), signingKey, { seenTokens: broken }),
    ).rejects.toBe(outage);
  });

  it('remembers tokens for as long as their timestamp could pass the window, and forgets the oldest past maxEntries', () => {
    let time = now * 1000;
    const seenTokens = createMemorySeenTokenStore({ clock: () => time, maxEntries: 3 });
    const options = { clock: () => time, seenTokens, toleranceInSeconds: 60 };
    const genuine = signMailgun(signingKey, now);
    verifyMailgunSignature(genuine, signingKey, options);
    time += 30_000;
    expect(codeOf(() => verifyMailgunSignature(genuine, signingKey, options))).toBe('replayed');
    time += 60_000;
    expect(codeOf(() => verifyMailgunSignature(genuine, signingKey, options))).toBe(
      'timestamp_too_old',
    );

    const store = createMemorySeenTokenStore({ clock: () => 0, maxEntries: 3 });
    for (const token of ['a', 'b', 'c', 'd']) expect(store.markSeen(token, 1000)).toBe(true);
    expect(store.markSeen('d', 1000)).toBe(false);
    expect(store.markSeen('a', 1000)).toBe(true);
  });
});
