import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Webhook as StandardWebhooksWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import { signStripePayload, verifyStripeSignature, Webhook } from '../src/webhooks/index.js';
import { type BenchFigure, runRounds } from './throughput.js';

const GROUP = 'webhook verify (1 KiB)';
// Calls per timed sample: a verify takes a few µs, so one call per sample would mostly time the timer.
const BATCH = 16;

/** One signed delivery: the same 1 KiB event with its own ids, so no input is a compile-time constant. */
interface Delivery {
  payload: string;
  headers: { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };
  stripeHeader: string;
}

/**
 * Verifications per second of a 1 KiB JSON delivery (a customs
 * `declaration.cleared` event, test/fixtures/webhooks/declaration-cleared-1kib.json),
 * valid signature, against a bare `node:crypto` HMAC-SHA256 + `timingSafeEqual`
 * (cached `KeyObject`, no header handling, no JSON parsing) measured in the
 * same round. Every task cycles through 8 deliveries that differ in their ids:
 * with one constant delivery V8 folds the baseline's string concatenation
 * away and flatters it by ~25%. Rounds alternate the task order; each figure
 * is the median over rounds of its ops/s and of its ratio to that round's
 * baseline. Targets: `Webhook.verify` ≥ 0.75×, `verifyStripeSignature` ≥ 0.8×.
 */
export async function webhooksBench({ rounds = 5, timeMs = 250 } = {}): Promise<BenchFigure[]> {
  const template = readFileSync(
    new URL('../test/fixtures/webhooks/declaration-cleared-1kib.json', import.meta.url),
    'utf8',
  );
  if (Buffer.byteLength(template) !== 1024) throw new Error('the bench payload must be 1 KiB');

  const keyBytes = randomBytes(32);
  const secret = `whsec_${keyBytes.toString('base64')}`;
  const stripeSecret = `whsec_${randomBytes(24).toString('hex')}`;
  const ours = new Webhook(secret);
  const standardWebhooks = new StandardWebhooksWebhook(secret);
  const svix = new SvixWebhook(secret);
  const stripe = new Stripe('sk_test_bench_never_sent', { telemetry: false });

  const now = new Date();
  const deliveries: Delivery[] = Array.from({ length: 8 }, (_, index) => {
    const payload = template.replace('3V5X', `3V5${index}`);
    const msgId = `msg_2KWPBgLlAfxdpx2AI54pPJ85f4${index}`;
    return {
      payload,
      headers: {
        'webhook-id': msgId,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': ours.sign(msgId, now, payload),
      },
      stripeHeader: signStripePayload(payload, stripeSecret, now),
    };
  });
  let cursor = 0;
  const next = (): Delivery => {
    cursor = (cursor + 1) & 7;
    return deliveries[cursor] as Delivery;
  };

  const bareKey = createSecretKey(keyBytes);
  const bareVerify = ({ payload, headers }: Delivery): boolean => {
    const expected = createHmac('sha256', bareKey)
      .update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${payload}`)
      .digest();
    const given = Buffer.from(headers['webhook-signature'].slice(3), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const verifiers: Array<{ name: string; verify: (delivery: Delivery) => unknown; note?: string }> =
    [
      { name: 'node:crypto HMAC-SHA256 + timingSafeEqual', verify: bareVerify },
      {
        name: 'node:crypto HMAC-SHA256 + timingSafeEqual + JSON.parse',
        verify: (delivery) => bareVerify(delivery) && JSON.parse(delivery.payload),
        note: 'the floor for any verify that returns the parsed payload',
      },
      {
        name: '@tollgate/core Webhook.verify',
        verify: ({ payload, headers }) => ours.verify(payload, headers),
        note: 'target ≥ 0.75×; returns the parsed payload',
      },
      {
        name: '@tollgate/core Webhook.verify({ jsonParse: false })',
        verify: ({ payload, headers }) => ours.verify(payload, headers, { jsonParse: false }),
        note: 'verification alone',
      },
      {
        name: 'standardwebhooks 1.1.1 Webhook.verify',
        verify: ({ payload, headers }) => standardWebhooks.verify(payload, headers),
        note: 'returns the parsed payload',
      },
      {
        name: 'svix 2.5.0 Webhook.verify',
        verify: ({ payload, headers }) => svix.verify(payload, headers),
        note: 'returns nothing (no JSON.parse)',
      },
      {
        name: '@tollgate/core verifyStripeSignature',
        verify: ({ payload, stripeHeader }) =>
          verifyStripeSignature(payload, stripeHeader, stripeSecret),
        note: 'target ≥ 0.8×; returns the parsed event',
      },
      {
        name: 'stripe 23.1.0 webhooks.constructEvent',
        verify: ({ payload, stripeHeader }) =>
          stripe.webhooks.constructEvent(payload, stripeHeader, stripeSecret),
        note: 'returns the parsed event',
      },
    ];

  // Every task must verify before it is timed: a bench of a verifier that throws measures nothing.
  for (const delivery of deliveries) {
    const expected = JSON.stringify(JSON.parse(delivery.payload));
    for (const { name, verify } of verifiers) {
      const result = verify(delivery);
      if (result !== true && result !== undefined && JSON.stringify(result) !== expected) {
        throw new Error(`bench task "${name}" did not verify`);
      }
    }
  }

  return runRounds(
    verifiers.map(({ name, verify, note }) => ({
      name,
      run: () => verify(next()),
      ...(note === undefined ? {} : { note }),
    })),
    { group: GROUP, rounds, timeMs, batch: BATCH },
  );
}
