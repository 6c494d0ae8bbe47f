import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStore } from '@tollgate/billing';
import { ValidationError } from '@tollgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ApiKeyRecords,
  type ApiKeyStore,
  createApiKeyStore,
  createMemoryApiKeyStore,
  createTollgate,
  hashApiKey,
  sqlApiKeyStore,
} from '../src/index.js';
import { SQL_DATABASES, type TestDatabase } from './stores.js';

/** A clock the tests move by hand. */
function manualClock(start = '2026-01-01T00:00:00Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const database of open.splice(0)) await database.dispose();
});

type Backend = {
  name: string;
  skip: boolean;
  /** `keys` trusts verified keys for `verifiedCacheMs`; a store from `again` never does. */
  make(
    clock: () => Date,
    verifiedCacheMs?: number,
  ): Promise<{ keys: ApiKeyStore; again?: () => ApiKeyStore }>;
};

const BACKENDS: Backend[] = [
  {
    name: 'memory',
    skip: false,
    make: async (clock) => ({ keys: createMemoryApiKeyStore({ clock }) }),
  },
  ...SQL_DATABASES.map(
    (database): Backend => ({
      name: database.dialect,
      skip: database.skip,
      async make(clock, verifiedCacheMs = 0) {
        const opened = await database.open();
        open.push(opened);
        const sql = opened.store.sql;
        if (sql === undefined) throw new Error('a SQL store has a SQL surface');
        return {
          keys: sqlApiKeyStore(sql, { clock, verifiedCacheMs }),
          again: () => {
            const other = opened.reopen().sql;
            if (other === undefined) throw new Error('a SQL store has a SQL surface');
            return sqlApiKeyStore(other, { clock });
          },
        };
      },
    }),
  ),
];

describe.each(BACKENDS)('API keys ($name)', ({ skip, make }) => {
  it.skipIf(skip)(
    'issues tg_<prefix>_<secret> keys with the role’s default scopes and verifies them by hash',
    async () => {
      const { keys } = await make(() => new Date());
      const issued = await keys.issue({ tenantId: 'acme', role: 'sme' });
      expect(issued.key).toMatch(/^tg_[a-z0-9]{8}_[A-Za-z0-9_-]{20,}$/);
      expect(issued.key.startsWith(`tg_${issued.prefix}_`)).toBe(true);
      expect(await keys.verify(issued.key)).toEqual({
        tenantId: 'acme',
        role: 'sme',
        prefix: issued.prefix,
        scopes: ['uploads', 'sessions', 'integrations', 'billing', 'webhooks'],
      });
      const admin = await keys.issue({ tenantId: 'ops', role: 'admin' });
      expect(admin.scopes).toContain('api_keys');
      expect(hashApiKey(issued.key)).toMatch(/^[0-9a-f]{64}$/);
    },
  );

  it.skipIf(skip)('rejects a wrong secret, an unknown prefix and a malformed key', async () => {
    const { keys } = await make(() => new Date());
    const { key, prefix } = await keys.issue({ tenantId: 'acme', role: 'bank' });
    expect(await keys.verify(`tg_${prefix}_${'A'.repeat(32)}`)).toBeUndefined();
    expect(await keys.verify(`tg_zzzzzzzz_${key.slice(12)}`)).toBeUndefined();
    expect(await keys.verify('Bearer nonsense')).toBeUndefined();
    expect(await keys.verify('')).toBeUndefined();
  });

  it.skipIf(skip)(
    'registers an existing key once, and refuses bad owners and taken prefixes without writing',
    async () => {
      const { keys } = await make(() => new Date());
      const key = 'tg_abcd1234_0123456789abcdefghijKLMN';
      const owner = { tenantId: 't1', role: 'admin' as const };
      expect(await keys.add(key, owner)).toMatchObject({
        tenantId: 't1',
        role: 'admin',
        prefix: 'abcd1234',
      });
      // The same key for the same owner again (a restarted demo): accepted, nothing new.
      expect((await keys.add(key, owner)).prefix).toBe('abcd1234');
      expect((await keys.verify(key))?.tenantId).toBe('t1');
      await expect(keys.add('tg_abcd1234_anotherSecretOfTwentyChars', owner)).rejects.toThrow(
        ValidationError,
      );
      await expect(keys.add('sk_live_123', owner)).rejects.toThrow(ValidationError);
      await expect(keys.issue({ tenantId: 'bad tenant!', role: 'sme' })).rejects.toThrow(
        ValidationError,
      );
      await expect(keys.issue({ tenantId: 't2', role: 'root' as never })).rejects.toThrow(
        ValidationError,
      );
      await expect(
        keys.issue({ tenantId: 't2', role: 'sme', scopes: ['everything' as never] }),
      ).rejects.toThrow(ValidationError);
      expect(await keys.list('t2')).toEqual([]);
      expect((await keys.list('t1')).map((k) => k.prefix)).toEqual(['abcd1234']);
    },
  );

  it.skipIf(skip)('rotates with a grace period and revokes', async () => {
    const clock = manualClock();
    const { keys } = await make(clock.now);
    const old = await keys.issue({
      tenantId: 'acme',
      role: 'sme',
      scopes: ['uploads'],
      label: 'ci',
    });
    const next = await keys.rotate(old.prefix, { graceSeconds: 60 });
    expect(next).toMatchObject({ tenantId: 'acme', role: 'sme', scopes: ['uploads'] });
    expect(next?.prefix).not.toBe(old.prefix);
    expect(await keys.verify(old.key)).toBeDefined();
    clock.advance(61);
    expect(await keys.verify(old.key)).toBeUndefined();
    expect(await keys.verify(next?.key ?? '')).toBeDefined();
    expect(await keys.rotate(old.prefix)).toBeUndefined();

    expect(await keys.revoke(next?.prefix ?? '')).toBe(true);
    expect(await keys.revoke(next?.prefix ?? '')).toBe(false);
    expect(await keys.verify(next?.key ?? '')).toBeUndefined();
    const listed = await keys.list('acme');
    expect(listed).toHaveLength(2);
    expect(listed.every((k) => k.revokedAt !== null && k.label === 'ci')).toBe(true);
    expect(JSON.stringify(listed)).not.toMatch(/hash|tg_/);
  });
});

/** What only a database can show: a second handle on the same data (another process, a restart). */
describe.each(BACKENDS.filter((backend) => backend.name !== 'memory'))(
  'API keys ($name, shared database)',
  ({ skip, make }) => {
    it.skipIf(skip)('keeps keys across store handles (another process, a restart)', async () => {
      const { keys, again } = await make(() => new Date());
      if (again === undefined) throw new Error('a SQL backend reopens');
      const issued = await keys.issue({ tenantId: 'acme', role: 'sme' });
      const other = again();
      expect((await other.verify(issued.key))?.tenantId).toBe('acme');
      expect(await other.revoke(issued.prefix)).toBe(true);
      expect(await keys.verify(issued.key)).toBeUndefined();
    });

    it.skipIf(skip)(
      'with verifiedCacheMs: no read for a key verified lately; revoked here at once, elsewhere within the time',
      async () => {
        const clock = manualClock();
        const { keys, again } = await make(clock.now, 5000);
        if (again === undefined) throw new Error('a SQL backend reopens');
        const elsewhere = again();

        const first = await keys.issue({ tenantId: 'acme', role: 'sme' });
        expect(await keys.verify(first.key)).toBeDefined();
        // Revoked by another process: this one still trusts its recent verification …
        expect(await elsewhere.revoke(first.prefix)).toBe(true);
        clock.advance(4);
        expect(await keys.verify(first.key)).toBeDefined();
        // … a wrong secret under the same prefix is never taken from the cache …
        expect(await keys.verify(`tg_${first.prefix}_${'B'.repeat(32)}`)).toBeUndefined();
        // … and after verifiedCacheMs it reads the record again and refuses the key.
        clock.advance(1.001);
        expect(await keys.verify(first.key)).toBeUndefined();

        const second = await keys.issue({ tenantId: 'acme', role: 'sme' });
        expect(await keys.verify(second.key)).toBeDefined();
        expect(await keys.revoke(second.prefix)).toBe(true);
        expect(await keys.verify(second.key)).toBeUndefined();

        const third = await keys.issue({ tenantId: 'acme', role: 'sme' });
        expect(await keys.verify(third.key)).toBeDefined();
        await keys.rotate(third.prefix, { graceSeconds: 2 });
        expect(await keys.verify(third.key)).toBeDefined();
        clock.advance(2.001);
        expect(await keys.verify(third.key)).toBeUndefined();
      },
    );
  },
);

describe('the verified-key cache', () => {
  it('does not remember a read that a revocation overtook', async () => {
    const clock = manualClock();
    const rows = new Map<string, Parameters<ApiKeyRecords['insert']>[0]>();
    let holdReads: Promise<void> | undefined;
    let reads = 0;
    const records: ApiKeyRecords = {
      insert: async (key) => {
        if (rows.has(key.prefix)) return false;
        rows.set(key.prefix, key);
        return true;
      },
      byPrefix: async (prefix) => {
        reads += 1;
        const row = rows.get(prefix);
        await holdReads;
        return row === undefined ? undefined : { ...row };
      },
      revoke: async (prefix, at) => {
        const row = rows.get(prefix);
        if (row === undefined || (row.revokedAt !== null && row.revokedAt <= at)) return false;
        rows.set(prefix, { ...row, revokedAt: at });
        return true;
      },
      list: async (tenantId) => [...rows.values()].filter((row) => row.tenantId === tenantId),
    };
    const keys = createApiKeyStore(records, { clock: clock.now, verifiedCacheMs: 5000 });
    const { key, prefix } = await keys.issue({ tenantId: 'acme', role: 'sme' });

    expect(await keys.verify(key)).toBeDefined();
    expect(await keys.verify(key)).toBeDefined();
    expect(reads).toBe(1);

    clock.advance(6);
    let release = () => {};
    holdReads = new Promise((resolve) => {
      release = resolve;
    });
    const slow = keys.verify(key); // reads the live record, then waits
    expect(await keys.revoke(prefix)).toBe(true);
    release();
    expect(await slow).toBeDefined(); // it began before the revocation
    holdReads = undefined;
    expect(await keys.verify(key)).toBeUndefined();
  });

  it('reads every time without verifiedCacheMs', async () => {
    let reads = 0;
    const inner = createMemoryApiKeyStore();
    const issued = await inner.issue({ tenantId: 'acme', role: 'sme' });
    const records: ApiKeyRecords = {
      insert: async () => true,
      byPrefix: async () => {
        reads += 1;
        return {
          prefix: issued.prefix,
          hash: hashApiKey(issued.key),
          tenantId: 'acme',
          role: 'sme',
          scopes: ['uploads'],
          label: null,
          createdAt: new Date(0),
          revokedAt: null,
        };
      },
      revoke: async () => true,
      list: async () => [],
    };
    const keys = createApiKeyStore(records);
    await keys.verify(issued.key);
    await keys.verify(issued.key);
    expect(reads).toBe(2);
  });
});

describe('the app’s default key registry', () => {
  it.each([
    { apiKeyCacheMs: undefined, refusedAfterSeconds: 5.001 },
    { apiKeyCacheMs: 0, refusedAfterSeconds: 0 },
  ])(
    'applies a revocation made by another process within apiKeyCacheMs ($apiKeyCacheMs)',
    async ({ apiKeyCacheMs, refusedAfterSeconds }) => {
      const dir = mkdtempSync(join(tmpdir(), 'tollgate-key-cache-'));
      const store = sqliteStore({ path: join(dir, 'tollgate.db') });
      try {
        const clock = manualClock();
        const { app } = createTollgate({
          store,
          clock: clock.now,
          ...(apiKeyCacheMs === undefined ? {} : { apiKeyCacheMs }),
        });
        const sql = store.sql;
        if (sql === undefined) throw new Error('a SQL store has a SQL surface');
        // Another process (the keys CLI, another server) sharing the keys table.
        const elsewhere = sqlApiKeyStore(sql, { clock: clock.now });
        const { key, prefix } = await elsewhere.issue({ tenantId: 'acme', role: 'sme' });
        const usage = () =>
          app.request('/billing/usage', { headers: { authorization: `Bearer ${key}` } });
        expect((await usage()).status).toBe(200);
        expect(await elsewhere.revoke(prefix)).toBe(true);
        if (refusedAfterSeconds > 0) {
          expect((await usage()).status).toBe(200);
          clock.advance(refusedAfterSeconds);
        }
        expect((await usage()).status).toBe(401);
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
