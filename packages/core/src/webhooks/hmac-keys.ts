import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from '../errors/index.js';

/**
 * HMAC-SHA256 for the partner schemes whose secret is used as its UTF-8 text
 * (Stripe, `X-Hub-Signature-256`, Mailgun): secrets checked once and turned
 * into cached `KeyObject`s (creating the key is most of the cost of a small
 * HMAC), hex digests compared in constant time.
 */

const CACHE_LIMIT = 64;
const keyCache = new Map<string, KeyObject>();

/**
 * The `KeyObject` for a text secret, cached (a bounded, least-recently-added
 * cache). Throws `invalid_secret` for an empty secret, a non-string, or one
 * with whitespace (usually a newline pasted from an environment file).
 *
 * @param scheme - named in the error message, e.g. `Stripe webhook`.
 */
export function textSecretKey(secret: unknown, scheme: string): KeyObject {
  if (typeof secret === 'string') {
    const cached = keyCache.get(secret);
    if (cached !== undefined) return cached;
  }
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `The ${scheme} secret must be a non-empty string.`,
    );
  }
  if (/\s/.test(secret)) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `The ${scheme} secret contains whitespace, often a trailing newline from an environment file: remove it.`,
    );
  }
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  if (keyCache.size >= CACHE_LIMIT) {
    const oldest = keyCache.keys().next().value;
    if (oldest !== undefined) keyCache.delete(oldest);
  }
  keyCache.set(secret, key);
  return key;
}

/** One secret or several (rotation), as the partner verifiers accept them. */
export type PartnerWebhookSecrets = string | readonly string[];

/** The keys of one or several text secrets; an empty list is `invalid_secret`. */
export function textSecretKeys(secrets: unknown, scheme: string): KeyObject[] {
  const list: readonly unknown[] = Array.isArray(secrets) ? secrets : [secrets];
  if (list.length === 0) {
    throw new WebhookVerificationError('invalid_secret', `No ${scheme} secret was given.`);
  }
  return list.map((secret) => textSecretKey(secret, scheme));
}

/** Lower-case hex HMAC-SHA256 of `parts`, concatenated. */
export function hmacHex(key: KeyObject, ...parts: ReadonlyArray<string | Uint8Array>): string {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest('hex');
}

/** Whether `given` is exactly `expectedHex` (same case, same length), compared in constant time. */
export function hexEquals(given: string, expectedHex: string): boolean {
  if (given.length !== expectedHex.length) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expectedHex, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}
