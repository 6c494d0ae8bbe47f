import {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { WebhookVerificationError } from '../errors/index.js';
import { decodeStrictBase64 } from './strict-base64.js';

/** Prefix of a symmetric Standard Webhooks signing secret (HMAC-SHA256). */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** Prefix of an asymmetric (ed25519) Standard Webhooks secret key, used to sign (`v1a`). */
export const WEBHOOK_SECRET_KEY_PREFIX = 'whsk_';
/** Prefix of an asymmetric (ed25519) Standard Webhooks public key, used to verify (`v1a`). */
export const WEBHOOK_PUBLIC_KEY_PREFIX = 'whpk_';
/**
 * The shortest symmetric secret accepted, in bytes. The specification
 * recommends 24 to 64; anything shorter than 16 is refused outright.
 */
export const MIN_WEBHOOK_SECRET_BYTES = 16;

/** A secret as given to `new Webhook()`: text (`whsec_…`, `whsk_…`, `whpk_…`, bare base64) or, with `format: 'raw'`, bytes. */
export type WebhookSecretInput = string | Uint8Array;

/** A parsed Standard Webhooks key, ready for the hot path. */
export type WebhookKey =
  | { readonly kind: 'hmac'; readonly key: KeyObject }
  | {
      readonly kind: 'ed25519';
      readonly publicKey: KeyObject;
      readonly privateKey: KeyObject | undefined;
    };

// DER headers of an ed25519 PKCS#8 private key and SPKI public key (RFC 8410), before the 32 raw bytes.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

function invalidSecret(message: string): WebhookVerificationError {
  return new WebhookVerificationError('invalid_secret', message);
}

/**
 * Parse one Standard Webhooks secret. Text secrets are checked before use,
 * because Node's base64 decoder silently turns garbage into an empty or short
 * key: a `whsec_` (or bare) secret must be strict base64 (padding optional)
 * of at least {@link MIN_WEBHOOK_SECRET_BYTES} bytes. A value pasted from a
 * `webhook-signature` header (`v1,…`) is named as such. Messages never
 * repeat the secret.
 *
 * @param format - `'raw'`: the secret is the key bytes themselves (a
 *   `Uint8Array`, or a string read as Latin-1, as `standardwebhooks` does).
 */
export function parseWebhookSecret(secret: unknown, format?: 'raw'): WebhookKey {
  if (format === 'raw') {
    let bytes: Buffer;
    if (secret instanceof Uint8Array) bytes = Buffer.from(secret);
    else if (typeof secret === 'string') bytes = Buffer.from(secret, 'latin1');
    else throw invalidSecret('A raw webhook secret must be a Uint8Array or a string.');
    if (bytes.length === 0) throw invalidSecret('The webhook secret is empty.');
    return { kind: 'hmac', key: createSecretKey(bytes) };
  }
  if (typeof secret !== 'string') {
    throw invalidSecret(
      secret instanceof Uint8Array
        ? "A webhook secret given as bytes needs { format: 'raw' }; otherwise pass the whsec_… text."
        : "The webhook secret must be a string (whsec_…), or bytes with { format: 'raw' }.",
    );
  }
  if (secret.length === 0) throw invalidSecret('The webhook secret is empty.');
  if (secret.startsWith('v1,') || secret.startsWith('v1a,')) {
    throw invalidSecret(
      'The webhook secret looks like a signature (it starts with "v1,"): pass the signing secret (whsec_…), not a webhook-signature header value.',
    );
  }
  if (secret.trim() !== secret || /\s/.test(secret)) {
    throw invalidSecret(
      'The webhook secret contains whitespace, often a trailing newline from an environment file: remove it.',
    );
  }
  if (secret.startsWith(WEBHOOK_SECRET_KEY_PREFIX)) return parseEd25519SecretKey(secret);
  if (secret.startsWith(WEBHOOK_PUBLIC_KEY_PREFIX)) return parseEd25519PublicKey(secret);
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? secret.slice(WEBHOOK_SECRET_PREFIX.length)
    : secret;
  const bytes = decodeStrictBase64(encoded);
  if (bytes === undefined) {
    throw invalidSecret(
      'The webhook secret is not valid base64 after its whsec_ prefix (standard alphabet A–Z a–z 0–9 + /, optional = padding).',
    );
  }
  if (bytes.length < MIN_WEBHOOK_SECRET_BYTES) {
    throw invalidSecret(
      `The webhook secret decodes to ${bytes.length} bytes; at least ${MIN_WEBHOOK_SECRET_BYTES} are required (the specification recommends 24 to 64).`,
    );
  }
  return { kind: 'hmac', key: createSecretKey(bytes) };
}

function parseEd25519SecretKey(secret: string): WebhookKey {
  const bytes = decodeStrictBase64(secret.slice(WEBHOOK_SECRET_KEY_PREFIX.length));
  // 32 bytes: the ed25519 seed; 64 bytes: seed followed by its public key (libsodium's layout).
  if (bytes === undefined || (bytes.length !== 32 && bytes.length !== 64)) {
    throw invalidSecret(
      'A whsk_ secret key must be the base64 of a 32-byte ed25519 seed (or seed + public key).',
    );
  }
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, bytes.subarray(0, 32)]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  if (bytes.length === 64 && !rawEd25519PublicKey(publicKey).equals(bytes.subarray(32))) {
    throw invalidSecret('The whsk_ secret key holds a public key that does not match its seed.');
  }
  return { kind: 'ed25519', publicKey, privateKey };
}

function parseEd25519PublicKey(secret: string): WebhookKey {
  const bytes = decodeStrictBase64(secret.slice(WEBHOOK_PUBLIC_KEY_PREFIX.length));
  if (bytes === undefined || bytes.length !== 32) {
    throw invalidSecret('A whpk_ public key must be the base64 of a 32-byte ed25519 public key.');
  }
  try {
    const publicKey = createPublicKey({
      key: Buffer.concat([SPKI_ED25519, bytes]),
      format: 'der',
      type: 'spki',
    });
    return { kind: 'ed25519', publicKey, privateKey: undefined };
  } catch {
    throw invalidSecret('The whpk_ public key is not a valid ed25519 public key.');
  }
}

function rawEd25519PublicKey(publicKey: KeyObject): Buffer {
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_ED25519.length);
}

/**
 * A new symmetric signing secret: `whsec_` and the base64 of `bytes` random
 * bytes (24 by default; the specification recommends 24 to 64).
 */
export function generateWebhookSecret(bytes = 24): string {
  if (!Number.isInteger(bytes) || bytes < MIN_WEBHOOK_SECRET_BYTES || bytes > 64) {
    throw invalidSecret(
      `A generated webhook secret must have ${MIN_WEBHOOK_SECRET_BYTES} to 64 bytes.`,
    );
  }
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(bytes).toString('base64')}`;
}

/** An asymmetric Standard Webhooks key pair, serialized as the specification says. */
export interface WebhookKeyPair {
  /** `whsk_…`: keep it on the sending side; signs `v1a` signatures. */
  secretKey: string;
  /** `whpk_…`: give it to receivers; verifies `v1a` signatures. */
  publicKey: string;
}

/** A new ed25519 key pair for `v1a` signatures. */
export function generateWebhookKeyPair(): WebhookKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519.length);
  return {
    secretKey: `${WEBHOOK_SECRET_KEY_PREFIX}${seed.toString('base64')}`,
    publicKey: `${WEBHOOK_PUBLIC_KEY_PREFIX}${rawEd25519PublicKey(publicKey).toString('base64')}`,
  };
}
