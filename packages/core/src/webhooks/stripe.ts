import { WebhookVerificationError } from '../errors/index.js';
import {
  hexEquals,
  hmacHex,
  type PartnerWebhookSecrets,
  textSecretKey,
  textSecretKeys,
} from './hmac-keys.js';
import {
  parseVerifiedJson,
  type RawWebhookPayload,
  rawPayloadText,
  toRawPayload,
} from './raw-body.js';
import {
  assertTimestampWithinTolerance,
  checkTolerance,
  DEFAULT_WEBHOOK_TOLERANCE_IN_SECONDS,
  parseUnixSeconds,
  referenceTimeMs,
  type WebhookClock,
  type WebhookTimestampOptions,
} from './timestamps.js';

/** The header Stripe signs its webhooks in. */
export const STRIPE_SIGNATURE_HEADER = 'stripe-signature';

/** Options of {@link verifyStripeSignature}. */
export interface StripeVerifyOptions extends WebhookTimestampOptions {
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: WebhookClock;
}

const SCHEME = 'Stripe webhook';
const MAX_HEADER_ITEMS = 64;

/**
 * Sign `payload` as Stripe does, for sandboxes and tests: the
 * `Stripe-Signature` value `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`.
 *
 * @param secret - the endpoint's signing secret (`whsec_…`), used as text.
 * @param timestamp - unix seconds or a `Date`; now by default.
 */
export function signStripePayload(
  payload: string | Uint8Array,
  secret: string,
  timestamp?: number | Date,
): string {
  const raw = toRawPayload(payload);
  const seconds =
    timestamp === undefined
      ? Math.floor(Date.now() / 1000)
      : timestamp instanceof Date
        ? Math.floor(timestamp.getTime() / 1000)
        : Math.floor(timestamp);
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'The Stripe timestamp to sign must be a valid time.',
    );
  }
  return `t=${seconds},v1=${hmacHex(textSecretKey(secret, SCHEME), `${seconds}.`, raw)}`;
}

/**
 * Verify a Stripe webhook (`Stripe-Signature: t=…,v1=…[,v1=…]`) and return
 * the parsed event, like `stripe.webhooks.constructEvent` but synchronous on
 * a cached key and throwing `WebhookVerificationError`s.
 *
 * The timestamp must be within `toleranceInSeconds` (300 by default) of now,
 * either way (Stripe's own library checks only the past). Several `v1`
 * signatures are accepted (Stripe sends two while a secret is rolled);
 * other schemes (`v0`) are ignored. Give several secrets to accept any.
 *
 * @param payload - the raw body exactly as received.
 * @param header - the `Stripe-Signature` header value.
 * @param secret - the endpoint secret (`whsec_…`), or several.
 */
export function verifyStripeSignature(
  payload: RawWebhookPayload,
  header: string | readonly string[] | null | undefined,
  secret: PartnerWebhookSecrets,
  options: StripeVerifyOptions = {},
): unknown {
  const raw = toRawPayload(payload);
  const keys = textSecretKeys(secret, SCHEME);
  const value =
    typeof header === 'string'
      ? header
      : Array.isArray(header) && header.every((item) => typeof item === 'string')
        ? header.join(',')
        : undefined;
  if (!value) {
    throw new WebhookVerificationError('missing_header', 'The Stripe-Signature header is missing.');
  }
  const parsed = parseStripeSignatureHeader(value);
  const tolerance = checkTolerance(
    options.toleranceInSeconds,
    DEFAULT_WEBHOOK_TOLERANCE_IN_SECONDS,
  );
  assertTimestampWithinTolerance(
    parsed.seconds,
    referenceTimeMs(options.receivedAt, options.clock ?? Date.now),
    tolerance,
  );
  if (!matchesAny(keys, parsed, raw)) {
    throw new WebhookVerificationError(
      'invalid_signature',
      'No v1 signature in Stripe-Signature matches the payload. Pass the exact raw body Stripe sent ' +
        '(a body parsed and re-serialized will not verify: see docs/webhooks-raw-body.md), and the secret of this endpoint.',
    );
  }
  return parseVerifiedJson(rawPayloadText(raw));
}

interface StripeSignatureHeader {
  seconds: number;
  timestamp: string;
  signatures: string[];
}

function parseStripeSignatureHeader(header: string): StripeSignatureHeader {
  let timestamp: string | undefined;
  const signatures: string[] = [];
  let start = 0;
  let items = 0;
  while (start <= header.length) {
    let end = header.indexOf(',', start);
    if (end === -1) end = header.length;
    if (++items > MAX_HEADER_ITEMS) break;
    const equals = header.indexOf('=', start);
    if (equals !== -1 && equals < end) {
      const name = header.slice(start, equals);
      const value = header.slice(equals + 1, end);
      if (name === 't') {
        if (timestamp !== undefined && timestamp !== value) {
          throw new WebhookVerificationError(
            'invalid_timestamp',
            'Stripe-Signature holds two different timestamps.',
          );
        }
        timestamp = value;
      } else if (name === 'v1') {
        signatures.push(value);
      }
    }
    start = end + 1;
  }
  const seconds = timestamp === undefined ? undefined : parseUnixSeconds(timestamp);
  if (timestamp === undefined || seconds === undefined) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'Stripe-Signature has no valid t=<unix seconds> element.',
    );
  }
  if (signatures.length === 0) {
    throw new WebhookVerificationError(
      'invalid_signature',
      'Stripe-Signature has no v1 signature.',
    );
  }
  return { seconds, timestamp, signatures };
}

function matchesAny(
  keys: ReturnType<typeof textSecretKeys>,
  { timestamp, signatures }: StripeSignatureHeader,
  raw: string | Uint8Array,
): boolean {
  for (const key of keys) {
    const expected =
      typeof raw === 'string'
        ? hmacHex(key, `${timestamp}.${raw}`)
        : hmacHex(key, `${timestamp}.`, raw);
    for (const signature of signatures) if (hexEquals(signature, expected)) return true;
  }
  return false;
}
