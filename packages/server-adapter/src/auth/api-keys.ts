import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '@tollgate/core';

/** The roles an API key can carry. */
export type ApiKeyRole = 'sme' | 'bank' | 'partner' | 'admin';

/** Every role, in the order the docs list them. */
export const API_KEY_ROLES = ['sme', 'bank', 'partner', 'admin'] as const;

/**
 * What a key may call, by route family: `uploads` (`POST /uploads`), `sessions`
 * (`/sessions/*`), `integrations` (`/integrations/*`), `billing` (`/billing/*`),
 * `webhooks` (`/webhook-endpoints`) and `api_keys` (`/api-keys`: issuing,
 * rotating and revoking keys).
 */
export const API_KEY_SCOPES = [
  'uploads',
  'sessions',
  'integrations',
  'billing',
  'webhooks',
  'api_keys',
] as const;

/** One of {@link API_KEY_SCOPES}. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The scopes a key gets when none are named: everything, except `api_keys` unless the role is `admin`. */
export function defaultScopes(role: ApiKeyRole): ApiKeyScope[] {
  return API_KEY_SCOPES.filter((scope) => scope !== 'api_keys' || role === 'admin');
}

/** Who a verified API key speaks for. */
export interface ApiKeyPrincipal {
  tenantId: string;
  role: ApiKeyRole;
  /** The key's visible prefix: safe to log and to use as the actor id. */
  prefix: string;
  /** The route families the key may call. */
  scopes: ApiKeyScope[];
}

/** Who a key is made for. `scopes` defaults to {@link defaultScopes} of the role. */
export interface ApiKeyOwner {
  tenantId: string;
  role: ApiKeyRole;
  scopes?: readonly ApiKeyScope[];
  /** A note for people ("CI deploy key"); never used for access. */
  label?: string;
}

/** A key as stored: its visible prefix and the SHA-256 of the whole key, never the key. */
export interface StoredApiKey extends ApiKeyPrincipal {
  /** Hex SHA-256 of the full key text. */
  hash: string;
  label: string | null;
  createdAt: Date;
  /** From this instant on the key is refused; `null` while it is live. */
  revokedAt: Date | null;
}

/** A key's public description (what `list` shows): no hash, no secret. */
export type ApiKeyInfo = Omit<StoredApiKey, 'hash'>;

/** A newly issued key: `key` is shown once and never stored. */
export interface IssuedApiKey extends ApiKeyPrincipal {
  key: string;
}

/** Where API keys live; only hashes are kept. Every method is async (the store may be a database). */
export interface ApiKeyStore {
  /** Make a new `tg_<prefix>_<secret>` key for a tenant and role; only its hash is kept. */
  issue(owner: ApiKeyOwner): Promise<IssuedApiKey>;
  /**
   * Register an existing key (its hash is kept), e.g. a demo key fixed by the
   * environment. Registering the same key again for the same owner is a no-op;
   * a key that is not `tg_<prefix>_<secret>`, or whose prefix is taken, is a `ValidationError`.
   */
  add(key: string, owner: ApiKeyOwner): Promise<ApiKeyPrincipal>;
  /** The principal of a full key text, or `undefined` when it is malformed, unknown or revoked. */
  verify(key: string): Promise<ApiKeyPrincipal | undefined>;
  /**
   * Issue a new key for the owner of `prefix` (same tenant, role and scopes)
   * and revoke the old one after `graceSeconds` (default 0: at once), so a
   * deployment can switch keys without downtime. `undefined` when `prefix` is unknown or revoked.
   */
  rotate(prefix: string, options?: { graceSeconds?: number }): Promise<IssuedApiKey | undefined>;
  /** Revoke a key at once; false when no live key has that prefix. */
  revoke(prefix: string): Promise<boolean>;
  /** A tenant's keys, newest first, revoked ones included. */
  list(tenantId: string): Promise<ApiKeyInfo[]>;
}

/**
 * The rows behind an {@link ApiKeyStore}: what differs between keeping keys
 * in memory and in a database. Prefixes are unique.
 */
export interface ApiKeyRecords {
  /** Insert a key; false when its prefix is already taken (nothing written). */
  insert(key: StoredApiKey): Promise<boolean>;
  byPrefix(prefix: string): Promise<StoredApiKey | undefined>;
  /** Set `revokedAt` of a live key (one whose `revokedAt` is null or later than `at`); false if none. */
  revoke(prefix: string, at: Date): Promise<boolean>;
  list(tenantId: string): Promise<StoredApiKey[]>;
}

/** A `ValidationError` about one field of a key's owner. */
function invalidField(field: string, message: string, code = 'invalid_value'): ValidationError {
  return new ValidationError(message, [{ path: [field], code, message }]);
}

/** Thrown when a registered key's prefix is already taken by another key. */
class PrefixTakenError extends ValidationError {
  constructor() {
    super('An API key with this prefix already exists.', [
      {
        path: ['key'],
        code: 'prefix_taken',
        message: 'An API key with this prefix already exists.',
      },
    ]);
  }
}

const KEY_PATTERN = /^tg_([a-z0-9]{8})_([A-Za-z0-9_-]{20,128})$/;
/** A tenant id: 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
export const TENANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Hex SHA-256 of a key's full text. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A hash that matches no key: compared against when the prefix is unknown, so both cost the same. */
const NO_HASH = Buffer.alloc(32);

function principalOf(stored: StoredApiKey): ApiKeyPrincipal {
  return {
    tenantId: stored.tenantId,
    role: stored.role,
    prefix: stored.prefix,
    scopes: [...stored.scopes],
  };
}

function checkedOwner(
  owner: ApiKeyOwner,
): Omit<StoredApiKey, 'prefix' | 'hash' | 'createdAt' | 'revokedAt'> {
  if (!TENANT_ID_PATTERN.test(owner.tenantId)) {
    throw invalidField('tenant_id', 'A tenant id is 1–64 letters, digits, ".", "_" or "-".');
  }
  if (!API_KEY_ROLES.includes(owner.role)) {
    throw invalidField('role', `A role is one of ${API_KEY_ROLES.join(', ')}.`);
  }
  const scopes = owner.scopes ?? defaultScopes(owner.role);
  const unknown = scopes.filter((scope) => !API_KEY_SCOPES.includes(scope));
  if (unknown.length > 0) {
    throw invalidField('scopes', `Unknown scopes: ${unknown.join(', ')}.`);
  }
  return {
    tenantId: owner.tenantId,
    role: owner.role,
    scopes: [...new Set(scopes)] as ApiKeyScope[],
    label: owner.label ?? null,
  };
}

const isLive = (stored: StoredApiKey, now: Date) =>
  stored.revokedAt === null || stored.revokedAt.getTime() > now.getTime();

/** Options of {@link createApiKeyStore} and `sqlApiKeyStore`. */
export interface ApiKeyStoreOptions {
  clock?: () => Date;
  /**
   * How long (ms) a verified key is trusted without reading its record again;
   * default 0 (every request reads it). A revocation or rotation made through
   * this store applies at once whatever the value; one made by another process
   * sharing the database applies here within this time.
   */
  verifiedCacheMs?: number;
}

/** At most this many verified keys are remembered; the oldest is forgotten first. */
const MAX_CACHED_KEYS = 10_000;

/**
 * An {@link ApiKeyStore} over `records`: keys are looked up by their visible
 * prefix and compared by SHA-256 in constant time; a revoked key is refused
 * from its `revokedAt` on. With `verifiedCacheMs`, a key verified lately is
 * recognized by its SHA-256 without a read (its record's `revokedAt` still applies).
 */
export function createApiKeyStore(
  records: ApiKeyRecords,
  options: ApiKeyStoreOptions = {},
): ApiKeyStore {
  const clock = options.clock ?? (() => new Date());
  const cacheMs = Math.max(0, options.verifiedCacheMs ?? 0);
  /** Recently verified keys by the hex SHA-256 of their full text. */
  const verified = new Map<string, { stored: StoredApiKey; until: number }>();
  /** Bumped by every revocation or rotation here: a read that began before one is not remembered. */
  let revocations = 0;
  const forget = (prefix: string) => {
    revocations += 1;
    for (const [hash, entry] of verified) if (entry.stored.prefix === prefix) verified.delete(hash);
  };
  const remember = (hash: string, stored: StoredApiKey, now: Date, readAfter: number) => {
    if (cacheMs === 0 || readAfter !== revocations) return;
    verified.delete(hash);
    if (verified.size >= MAX_CACHED_KEYS) verified.delete(verified.keys().next().value as string);
    verified.set(hash, { stored, until: now.getTime() + cacheMs });
  };

  const insertKey = async (key: string, owner: ApiKeyOwner): Promise<ApiKeyPrincipal> => {
    const match = KEY_PATTERN.exec(key);
    if (match?.[1] === undefined) {
      throw invalidField(
        'key',
        'An API key looks like tg_<8 lowercase letters or digits>_<secret>.',
      );
    }
    const checked = checkedOwner(owner);
    const stored: StoredApiKey = {
      ...checked,
      prefix: match[1],
      hash: hashApiKey(key),
      createdAt: clock(),
      revokedAt: null,
    };
    if (await records.insert(stored)) return principalOf(stored);
    const existing = await records.byPrefix(stored.prefix);
    const same =
      existing !== undefined &&
      existing.hash === stored.hash &&
      existing.tenantId === stored.tenantId &&
      existing.role === stored.role &&
      isLive(existing, clock());
    if (same) return principalOf(existing);
    throw new PrefixTakenError();
  };

  const issue = async (owner: ApiKeyOwner): Promise<IssuedApiKey> => {
    checkedOwner(owner);
    for (;;) {
      const key = `tg_${randomBytes(4).toString('hex')}_${randomBytes(24).toString('base64url')}`;
      try {
        return { ...(await insertKey(key, owner)), key };
      } catch (error) {
        // A prefix collision (1 in 4 billion per key): draw again.
        if (!(error instanceof PrefixTakenError)) throw error;
      }
    }
  };

  return {
    issue,
    add: insertKey,
    async verify(key) {
      const match = KEY_PATTERN.exec(key);
      const given = createHash('sha256').update(key, 'utf8').digest();
      if (cacheMs > 0 && match !== null) {
        const hit = verified.get(given.toString('hex'));
        const now = clock();
        if (hit !== undefined && hit.until > now.getTime()) {
          return isLive(hit.stored, now) ? principalOf(hit.stored) : undefined;
        }
      }
      // Read and compare either way, so an unknown prefix costs the same as a wrong secret.
      const readAfter = revocations;
      const stored = match?.[1] === undefined ? undefined : await records.byPrefix(match[1]);
      const expected = stored === undefined ? NO_HASH : Buffer.from(stored.hash, 'hex');
      if (!timingSafeEqual(given, expected) || stored === undefined) return undefined;
      const now = clock();
      if (!isLive(stored, now)) return undefined;
      remember(stored.hash, stored, now, readAfter);
      return principalOf(stored);
    },
    async rotate(prefix, rotateOptions = {}) {
      forget(prefix);
      const stored = await records.byPrefix(prefix);
      if (stored === undefined || !isLive(stored, clock())) return undefined;
      const issued = await issue({
        tenantId: stored.tenantId,
        role: stored.role,
        scopes: stored.scopes,
        ...(stored.label === null ? {} : { label: stored.label }),
      });
      const graceMs = Math.max(0, rotateOptions.graceSeconds ?? 0) * 1000;
      await records.revoke(prefix, new Date(clock().getTime() + graceMs));
      forget(prefix);
      return issued;
    },
    async revoke(prefix) {
      const revoked = await records.revoke(prefix, clock());
      forget(prefix);
      return revoked;
    },
    async list(tenantId) {
      const keys = await records.list(tenantId);
      return keys
        .map(({ hash: _hash, ...info }) => info)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    },
  };
}

/** The rows of an in-memory key store (keys die with the process). */
function memoryApiKeyRecords(): ApiKeyRecords {
  const byPrefix = new Map<string, StoredApiKey>();
  return {
    async insert(key) {
      if (byPrefix.has(key.prefix)) return false;
      byPrefix.set(key.prefix, structuredClone(key));
      return true;
    },
    async byPrefix(prefix) {
      const stored = byPrefix.get(prefix);
      return stored === undefined ? undefined : structuredClone(stored);
    },
    async revoke(prefix, at) {
      const stored = byPrefix.get(prefix);
      if (stored === undefined || !isLive(stored, at)) return false;
      stored.revokedAt = at;
      return true;
    },
    async list(tenantId) {
      return [...byPrefix.values()]
        .filter((key) => key.tenantId === tenantId)
        .map((key) => structuredClone(key));
    },
  };
}

/** An in-memory API-key store, for tests and the memory billing store; use `sqlApiKeyStore` to keep keys. */
export function createMemoryApiKeyStore(options: { clock?: () => Date } = {}): ApiKeyStore {
  return createApiKeyStore(memoryApiKeyRecords(), options);
}
