import {
  createHmac,
  type KeyObject,
  randomBytes,
  sign as signBytes,
  timingSafeEqual,
  verify as verifyBytes,
} from 'node:crypto';
import { ValidationError, WebhookVerificationError } from '../errors/index.js';
import { readStandardWebhookHeaders } from './headers.js';
import {
  parseVerifiedJson,
  type RawWebhookPayload,
  rawPayloadText,
  toRawPayload,
} from './raw-body.js';
import {
  generateWebhookKeyPair,
  generateWebhookSecret,
  parseWebhookSecret,
  type WebhookKeyPair,
  type WebhookSecretInput,
} from './secrets.js';
import { decodeBase64Of32Bytes, decodeCanonicalBase64 } from './strict-base64.js';
import {
  assertTimestampWithinTolerance,
  checkTolerance,
  DEFAULT_WEBHOOK_TOLERANCE_IN_SECONDS,
  parseUnixSeconds,
  referenceTimeMs,
  type WebhookClock,
  type WebhookTimestampOptions,
} from './timestamps.js';

/** Options of `new Webhook()`; `format` is the `standardwebhooks` option, the rest are Tollgate's. */
export interface WebhookOptions {
  /** `'raw'`: the secret is the key bytes themselves, not `whsec_`/base64 text. */
  format?: 'raw';
  /** How far the `webhook-timestamp` may be from now, either way. Default 300 s. */
  toleranceInSeconds?: number;
  /** The clock, in milliseconds since the epoch. Default `Date.now`; inject one in tests. */
  clock?: WebhookClock;
}

/** Options of {@link Webhook.verify}. */
export interface WebhookVerifyOptions extends WebhookTimestampOptions {
  /** Parse the verified body as JSON and return it (default `true`); `false` returns `undefined`, as `standardwebhooks` does. */
  jsonParse?: boolean;
}

/** Request headers as {@link Webhook.verify} accepts them. */
export type WebhookVerifyHeaders =
  | Headers
  | Record<string, string | string[] | undefined>
  | {
      'webhook-id': string;
      'webhook-timestamp': string;
      'webhook-signature': string;
    };

/** The three headers of an outgoing Standard Webhooks delivery (a plain record, ready for `fetch`). */
export type StandardWebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

// More entries than this in `webhook-signature` is not key rotation but an attempt to burn CPU.
const MAX_SIGNATURES = 32;

const NO_MATCH_MESSAGE =
  'No signature in webhook-signature matches the payload. If the body was parsed and re-serialized ' +
  '(express.json(), JSON.stringify, a proxy that re-encodes JSON), verify the exact raw bytes instead: ' +
  'see docs/webhooks-raw-body.md.';

/**
 * Standard Webhooks signing and verification, with the surface of the
 * `standardwebhooks` npm package (`new Webhook(secret)`, `sign`, `verify`) so
 * an import can be swapped, on `node:crypto` and faster.
 *
 * - Secrets: `whsec_…` (or bare base64; HMAC-SHA256, `v1`), `whsk_…`
 *   (ed25519 secret key: signs and verifies `v1a`), `whpk_…` (ed25519 public
 *   key: verifies `v1a`), or raw bytes with `{ format: 'raw' }`. Give an array
 *   to accept several at once while rotating: a signature valid under any of
 *   them passes. Secrets are checked in the constructor.
 * - Headers: a `Headers` object or a record, any letter case, `webhook-*` or
 *   `svix-*` names; several space-separated signatures, unknown versions skipped.
 * - Every failure is a `WebhookVerificationError` with a stable `code`; no
 *   message contains a secret or an expected signature.
 */
export class Webhook {
  readonly #hmacKeys: readonly KeyObject[];
  readonly #ed25519PublicKeys: readonly KeyObject[];
  readonly #signingKeys: readonly SigningKey[];
  readonly #toleranceInSeconds: number;
  readonly #clock: WebhookClock;

  /** A new symmetric secret, `whsec_` + base64 of `bytes` random bytes (default 24). */
  static generateSecret(bytes?: number): string {
    return generateWebhookSecret(bytes);
  }

  /** A new ed25519 key pair (`whsk_…` to sign, `whpk_…` to verify) for `v1a` signatures. */
  static generateKeyPair(): WebhookKeyPair {
    return generateWebhookKeyPair();
  }

  /**
   * @param secret - one secret, or several (rotation): the first one that can
   *   sign is used by {@link sign}; all of them are tried by {@link verify}.
   */
  constructor(
    secret: WebhookSecretInput | readonly WebhookSecretInput[],
    options: WebhookOptions = {},
  ) {
    const { format, toleranceInSeconds, clock } = options ?? {};
    if (format !== undefined && format !== 'raw') {
      throw new WebhookVerificationError(
        'invalid_secret',
        "The only secret format option is 'raw'.",
      );
    }
    const secrets: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
    if (secrets.length === 0)
      throw new WebhookVerificationError('invalid_secret', 'No webhook secret was given.');
    const keys = secrets.map((one) => parseWebhookSecret(one, format));
    this.#hmacKeys = keys.flatMap((key) => (key.kind === 'hmac' ? [key.key] : []));
    this.#ed25519PublicKeys = keys.flatMap((key) =>
      key.kind === 'ed25519' ? [key.publicKey] : [],
    );
    this.#signingKeys = keys.flatMap((key): SigningKey[] => {
      if (key.kind === 'hmac') return [{ kind: 'hmac', key: key.key }];
      return key.privateKey === undefined ? [] : [{ kind: 'ed25519', privateKey: key.privateKey }];
    });
    this.#toleranceInSeconds = checkTolerance(
      toleranceInSeconds,
      DEFAULT_WEBHOOK_TOLERANCE_IN_SECONDS,
    );
    if (clock !== undefined && typeof clock !== 'function') {
      throw new ValidationError(
        'clock must be a function returning milliseconds since the epoch.',
        [{ path: ['clock'], code: 'invalid_type', message: 'must be a function' }],
      );
    }
    this.#clock = clock ?? Date.now;
  }

  /**
   * Verify a delivery and return its parsed JSON payload.
   *
   * @param payload - the raw body exactly as received (text, `Buffer`,
   *   `Uint8Array` or `ArrayBuffer`); bytes are verified as bytes.
   * @param headers - the request headers (`Headers` or a record).
   * @throws WebhookVerificationError `missing_header`, `invalid_timestamp`,
   *   `timestamp_too_old`, `timestamp_too_new`, `invalid_signature`, `invalid_payload`.
   */
  verify(
    payload: RawWebhookPayload,
    headers: WebhookVerifyHeaders,
    options?: WebhookVerifyOptions,
  ): unknown {
    const raw = toRawPayload(payload);
    const { id, timestamp, signature } = readStandardWebhookHeaders(headers);
    if (!id || !timestamp || !signature) {
      throw new WebhookVerificationError(
        'missing_header',
        `Missing webhook header${missingNames(id, timestamp, signature)} (webhook-id, webhook-timestamp and webhook-signature, or their svix-* names, are required).`,
      );
    }
    const seconds = parseUnixSeconds(timestamp);
    if (seconds === undefined) {
      throw new WebhookVerificationError(
        'invalid_timestamp',
        'The webhook-timestamp header is not a unix time in seconds.',
      );
    }
    const tolerance =
      options?.toleranceInSeconds === undefined
        ? this.#toleranceInSeconds
        : checkTolerance(options.toleranceInSeconds, this.#toleranceInSeconds);
    assertTimestampWithinTolerance(
      seconds,
      referenceTimeMs(options?.receivedAt, this.#clock),
      tolerance,
    );
    if (!this.#matches(id, timestamp, raw, signature)) {
      throw new WebhookVerificationError('invalid_signature', NO_MATCH_MESSAGE);
    }
    const empty = typeof raw === 'string' ? raw.length === 0 : raw.byteLength === 0;
    if (empty || options?.jsonParse === false) return undefined;
    return parseVerifiedJson(typeof raw === 'string' ? raw : rawPayloadText(raw));
  }

  /**
   * Sign a delivery: the `webhook-signature` value for this message, `v1,<base64>`
   * (HMAC-SHA256) or `v1a,<base64>` (ed25519, with a `whsk_` secret), made with
   * the first secret that can sign.
   */
  sign(msgId: string, timestamp: Date, payload: string | Uint8Array | ArrayBuffer): string {
    const key = this.#signingKeys[0];
    if (key === undefined) throw cannotSign();
    return signWith(key, checkMessageId(msgId), unixSecondsText(timestamp), toRawPayload(payload));
  }

  /**
   * Sign with every secret that can sign, space-separated, for a sender in
   * the middle of a rotation (receivers holding either secret accept it).
   */
  signAll(msgId: string, timestamp: Date, payload: string | Uint8Array | ArrayBuffer): string {
    if (this.#signingKeys.length === 0) throw cannotSign();
    const id = checkMessageId(msgId);
    const seconds = unixSecondsText(timestamp);
    const raw = toRawPayload(payload);
    return this.#signingKeys.map((key) => signWith(key, id, seconds, raw)).join(' ');
  }

  #matches(id: string, timestamp: string, raw: string | Uint8Array, header: string): boolean {
    let macs: Buffer[] | undefined;
    let signedBytes: Buffer | undefined;
    let count = 0;
    let start = 0;
    const length = header.length;
    while (start < length) {
      let end = header.indexOf(' ', start);
      if (end === -1) end = length;
      // A comma right before a space is the ", " that joins repeated header lines.
      const tokenEnd = end < length && header.charCodeAt(end - 1) === 44 ? end - 1 : end;
      if (tokenEnd > start) {
        if (++count > MAX_SIGNATURES) return false;
        const comma = header.indexOf(',', start);
        if (comma !== -1 && comma < tokenEnd) {
          const version = header.slice(start, comma);
          if (version === 'v1' && this.#hmacKeys.length > 0) {
            const given = decodeBase64Of32Bytes(header.slice(comma + 1, tokenEnd));
            if (given !== undefined) {
              macs ??= this.#hmacKeys.map((key) => hmacDigest(key, id, timestamp, raw));
              for (const mac of macs) if (timingSafeEqual(given, mac)) return true;
            }
          } else if (version === 'v1a' && this.#ed25519PublicKeys.length > 0) {
            const given = decodeCanonicalBase64(header.slice(comma + 1, tokenEnd));
            if (given !== undefined && given.length === 64) {
              signedBytes ??= signedContentBytes(id, timestamp, raw);
              for (const publicKey of this.#ed25519PublicKeys) {
                if (verifyBytes(null, signedBytes, publicKey, given)) return true;
              }
            }
          }
        }
      }
      start = end + 1;
    }
    return false;
  }
}

/**
 * Build the three headers of an outgoing Standard Webhooks delivery:
 * `webhook-id` (a new `msg_…` id unless given), `webhook-timestamp` (now
 * unless given) and `webhook-signature` (signed with every secret that can
 * sign, for senders rotating keys).
 */
export function createWebhookHeaders(
  signer: Webhook | WebhookSecretInput | readonly WebhookSecretInput[],
  payload: string | Uint8Array | ArrayBuffer,
  options: { msgId?: string; timestamp?: Date } = {},
): StandardWebhookHeaders {
  const webhook = signer instanceof Webhook ? signer : new Webhook(signer);
  const msgId = options.msgId ?? `msg_${randomBytes(16).toString('base64url')}`;
  const timestamp = options.timestamp ?? new Date();
  return {
    'webhook-id': msgId,
    'webhook-timestamp': unixSecondsText(timestamp),
    'webhook-signature': webhook.signAll(msgId, timestamp, payload),
  };
}

type SigningKey = { kind: 'hmac'; key: KeyObject } | { kind: 'ed25519'; privateKey: KeyObject };

function cannotSign(): WebhookVerificationError {
  return new WebhookVerificationError(
    'invalid_secret',
    'This Webhook holds only public keys (whpk_…): it can verify but not sign.',
  );
}

function signWith(
  key: SigningKey,
  id: string,
  timestamp: string,
  raw: string | Uint8Array,
): string {
  if (key.kind === 'hmac')
    return `v1,${hmacDigest(key.key, id, timestamp, raw).toString('base64')}`;
  const signature = signBytes(null, signedContentBytes(id, timestamp, raw), key.privateKey);
  return `v1a,${signature.toString('base64')}`;
}

function hmacDigest(
  key: KeyObject,
  id: string,
  timestamp: string,
  raw: string | Uint8Array,
): Buffer {
  const hmac = createHmac('sha256', key);
  if (typeof raw === 'string') hmac.update(`${id}.${timestamp}.${raw}`);
  else hmac.update(`${id}.${timestamp}.`).update(raw);
  return hmac.digest();
}

function signedContentBytes(id: string, timestamp: string, raw: string | Uint8Array): Buffer {
  if (typeof raw === 'string') return Buffer.from(`${id}.${timestamp}.${raw}`, 'utf8');
  return Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), raw]);
}

function checkMessageId(msgId: unknown): string {
  if (typeof msgId !== 'string' || msgId.length === 0) {
    throw new WebhookVerificationError(
      'missing_header',
      'A webhook message id (webhook-id) is required to sign.',
    );
  }
  return msgId;
}

function unixSecondsText(timestamp: unknown): string {
  if (!(timestamp instanceof Date) || Number.isNaN(timestamp.getTime())) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'The webhook timestamp to sign must be a valid Date.',
    );
  }
  return String(Math.floor(timestamp.getTime() / 1000));
}

function missingNames(
  id: string | undefined,
  timestamp: string | undefined,
  signature: string | undefined,
): string {
  const missing = [
    id ? undefined : 'webhook-id',
    timestamp ? undefined : 'webhook-timestamp',
    signature ? undefined : 'webhook-signature',
  ].filter((name) => name !== undefined);
  return missing.length === 1 ? ` ${missing[0]}` : `s ${missing.join(', ')}`;
}
