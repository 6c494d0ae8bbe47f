import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The roles an API key can carry. */
export type ApiKeyRole = 'sme' | 'bank' | 'partner' | 'admin';

/** Who a verified API key speaks for. */
export interface ApiKeyPrincipal {
  tenantId: string;
  role: ApiKeyRole;
  /** The key's visible prefix: safe to log and to use as the actor id. */
  prefix: string;
}

/** A key as stored: its visible prefix and the SHA-256 of the whole key, never the key. */
export interface StoredApiKey extends ApiKeyPrincipal {
  /** Hex SHA-256 of the full key text. */
  hash: string;
}

/** A newly issued key: `key` is shown once and never stored. */
export interface IssuedApiKey extends ApiKeyPrincipal {
  key: string;
}

/** Where API keys live; only hashes are kept. */
export interface ApiKeyStore {
  /** Make a new `tg_<prefix>_<secret>` key for a tenant and role; only its hash is kept. */
  issue(owner: { tenantId: string; role: ApiKeyRole }): IssuedApiKey;
  /** Register an existing key (its hash is kept); throws when it is not a `tg_` key. */
  add(key: string, owner: { tenantId: string; role: ApiKeyRole }): ApiKeyPrincipal;
  /** The principal of a full key text, or `undefined` when it is malformed or unknown. */
  verify(key: string): ApiKeyPrincipal | undefined;
}

const KEY_PATTERN = /^tg_([a-z0-9]{8})_([A-Za-z0-9_-]{20,128})$/;

/** Hex SHA-256 of a key's full text. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * An in-memory API-key store (this slice has no persistent one yet): keys are
 * looked up by their visible prefix and compared by hash in constant time.
 */
export function createMemoryApiKeyStore(): ApiKeyStore {
  const byPrefix = new Map<string, StoredApiKey>();

  const add = (key: string, owner: { tenantId: string; role: ApiKeyRole }): ApiKeyPrincipal => {
    const match = KEY_PATTERN.exec(key);
    if (match?.[1] === undefined)
      throw new TypeError('An API key looks like tg_<prefix>_<secret>.');
    const stored: StoredApiKey = { ...owner, prefix: match[1], hash: hashApiKey(key) };
    byPrefix.set(stored.prefix, stored);
    return { tenantId: stored.tenantId, role: stored.role, prefix: stored.prefix };
  };

  return {
    add,
    issue(owner) {
      let prefix = randomBytes(4).toString('hex');
      while (byPrefix.has(prefix)) prefix = randomBytes(4).toString('hex');
      const key = `tg_${prefix}_${randomBytes(24).toString('base64url')}`;
      return { ...add(key, owner), key };
    },
    verify(key) {
      const match = KEY_PATTERN.exec(key);
      const stored = match?.[1] === undefined ? undefined : byPrefix.get(match[1]);
      // Hash either way, so an unknown prefix costs the same as a wrong secret.
      const given = Buffer.from(hashApiKey(key), 'hex');
      const expected = Buffer.from(stored?.hash ?? '0'.repeat(64), 'hex');
      if (!timingSafeEqual(given, expected) || stored === undefined) return undefined;
      return { tenantId: stored.tenantId, role: stored.role, prefix: stored.prefix };
    },
  };
}
