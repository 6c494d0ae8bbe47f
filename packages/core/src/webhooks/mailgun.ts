import { randomBytes } from 'node:crypto';
import { WebhookVerificationError } from '../errors/index.js';
import {
  hexEquals,
  hmacHex,
  type PartnerWebhookSecrets,
  textSecretKey,
  textSecretKeys,
} from './hmac-keys.js';
import type { SeenTokenStore, SyncSeenTokenStore } from './seen-tokens.js';
import {
  assertTimestampWithinTolerance,
  checkTolerance,
  parseUnixSeconds,
  referenceTimeMs,
  type WebhookClock,
  type WebhookTimestampOptions,
} from './timestamps.js';

/** The `signature` object of a Mailgun webhook body. */
export interface MailgunSignature {
  /** Unix seconds, as text (Mailgun sends a string). */
  timestamp: string;
  /** A random one-time token (50 hex characters from Mailgun). */
  token: string;
  /** Hex HMAC-SHA256 of `timestamp + token` with the HTTP webhook signing key. */
  signature: string;
}

/** Options of {@link verifyMailgunSignature}. */
export interface MailgunVerifyOptions<Store extends SeenTokenStore = SeenTokenStore>
  extends WebhookTimestampOptions {
  /**
   * Refuse a timestamp further than this from now, either way. Mailgun's
   * scheme has no window of its own, so there is none by default.
   */
  toleranceInSeconds?: number;
  /** Refuse a token seen before (a replay). Checked only after the signature is valid. */
  seenTokens?: Store;
  /**
   * How long a token is remembered when no tolerance is set. Default 24 h.
   * With a tolerance, tokens are remembered for as long as they could pass it.
   */
  rememberTokensForMs?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: WebhookClock;
}

const SCHEME = 'Mailgun webhook signing key';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sign as Mailgun does, for sandboxes and tests: the `signature` object to
 * put in a webhook body.
 *
 * @param signingKey - the HTTP webhook signing key.
 * @param timestamp - unix seconds (or a `Date`); now by default.
 * @param token - the one-time token; 50 random hex characters by default.
 */
export function signMailgun(
  signingKey: string,
  timestamp?: number | string | Date,
  token: string = randomBytes(25).toString('hex'),
): MailgunSignature {
  const seconds =
    timestamp === undefined
      ? String(Math.floor(Date.now() / 1000))
      : timestamp instanceof Date
        ? String(Math.floor(timestamp.getTime() / 1000))
        : String(timestamp);
  if (parseUnixSeconds(seconds) === undefined) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'The Mailgun timestamp to sign must be unix seconds.',
    );
  }
  if (typeof token !== 'string' || token.length === 0) {
    throw new WebhookVerificationError(
      'invalid_payload',
      'The Mailgun token to sign must be a non-empty string.',
    );
  }
  return {
    timestamp: seconds,
    token,
    signature: hmacHex(textSecretKey(signingKey, SCHEME), seconds, token),
  };
}

/**
 * Verify the `signature` object of a Mailgun webhook body: `signature` must
 * be the lower-case hex HMAC-SHA256 of `timestamp + token` with the signing
 * key. Optionally refuse stale timestamps (`toleranceInSeconds`) and replayed
 * tokens (`seenTokens`). Returns nothing; throws `WebhookVerificationError`
 * (`invalid_payload` when the object is missing or malformed, `invalid_signature`,
 * `invalid_timestamp`, `timestamp_too_old`/`_new`, `replayed`).
 *
 * Synchronous unless the seen-token store answers with a promise; then the
 * result is a promise too. A store that fails throws (or rejects with) its
 * own error: an outage to answer with a 5xx, so that Mailgun retries.
 *
 * @param signature - `body.signature` of the parsed webhook body (after
 *   parsing is fine here: Mailgun signs the token, not the body).
 * @param signingKey - the HTTP webhook signing key, or several.
 */
export function verifyMailgunSignature(
  signature: unknown,
  signingKey: PartnerWebhookSecrets,
  options?: MailgunVerifyOptions<SyncSeenTokenStore>,
): void;
export function verifyMailgunSignature(
  signature: unknown,
  signingKey: PartnerWebhookSecrets,
  options: MailgunVerifyOptions,
): void | Promise<void>;
export function verifyMailgunSignature(
  signature: unknown,
  signingKey: PartnerWebhookSecrets,
  options: MailgunVerifyOptions = {},
): void | Promise<void> {
  const keys = textSecretKeys(signingKey, SCHEME);
  const fields = readMailgunSignature(signature);
  const seconds = parseUnixSeconds(fields.timestamp);
  if (seconds === undefined) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'The Mailgun signature timestamp is not unix seconds.',
    );
  }
  const nowMs = referenceTimeMs(options.receivedAt, options.clock ?? Date.now);
  const tolerance =
    options.toleranceInSeconds === undefined
      ? undefined
      : checkTolerance(options.toleranceInSeconds, Number.POSITIVE_INFINITY);
  if (tolerance !== undefined) assertTimestampWithinTolerance(seconds, nowMs, tolerance);
  if (
    !keys.some((key) => hexEquals(fields.signature, hmacHex(key, fields.timestamp, fields.token)))
  ) {
    throw new WebhookVerificationError(
      'invalid_signature',
      'The Mailgun signature does not match its timestamp and token (check the HTTP webhook signing key).',
    );
  }
  const store = options.seenTokens;
  if (store === undefined) return;
  const expiresAtMs =
    tolerance !== undefined && Number.isFinite(tolerance)
      ? (seconds + tolerance) * 1000 + 1000
      : nowMs + (options.rememberTokensForMs ?? DAY_MS);
  // A store that fails (its database is down) throws its own error: that is an outage to retry, not a forgery.
  const fresh = store.markSeen(fields.token, expiresAtMs);
  if (typeof fresh === 'boolean') return assertFresh(fresh);
  return Promise.resolve(fresh).then(assertFresh);
}

function assertFresh(fresh: boolean): void {
  if (!fresh) {
    throw new WebhookVerificationError(
      'replayed',
      'This Mailgun token was already used: the delivery is a replay.',
    );
  }
}

/** Read `{ timestamp, token, signature }`, accepting a numeric timestamp as Mailgun's docs show both. */
function readMailgunSignature(value: unknown): MailgunSignature {
  if (value === null || typeof value !== 'object') {
    throw new WebhookVerificationError(
      'invalid_payload',
      'The Mailgun webhook body has no signature object (expected { signature: { timestamp, token, signature } }).',
    );
  }
  const { timestamp, token, signature } = value as Record<string, unknown>;
  const time =
    typeof timestamp === 'number' && Number.isSafeInteger(timestamp)
      ? String(timestamp)
      : timestamp;
  if (
    typeof time !== 'string' ||
    typeof token !== 'string' ||
    typeof signature !== 'string' ||
    !token
  ) {
    throw new WebhookVerificationError(
      'invalid_payload',
      'The Mailgun signature object needs string timestamp, token and signature fields.',
    );
  }
  return { timestamp: time, token, signature };
}
