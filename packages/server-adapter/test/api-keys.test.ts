import { ValidationError } from '@tollgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ApiKeyStore,
  createMemoryApiKeyStore,
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
  make(clock: () => Date): Promise<{ keys: ApiKeyStore; again?: () => ApiKeyStore }>;
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
      async make(clock) {
        const opened = await database.open();
        open.push(opened);
        const sql = opened.store.sql;
        if (sql === undefined) throw new Error('a SQL store has a SQL surface');
        return {
          keys: sqlApiKeyStore(sql, { clock }),
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

describe.each(BACKENDS)('API keys ($name)', ({ name, skip, make }) => {
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

  it.skipIf(skip || name === 'memory')(
    'keeps keys across store handles (another process, a restart)',
    async () => {
      const { keys, again } = await make(() => new Date());
      if (again === undefined) throw new Error('a SQL backend reopens');
      const issued = await keys.issue({ tenantId: 'acme', role: 'sme' });
      const other = again();
      expect((await other.verify(issued.key))?.tenantId).toBe('acme');
      expect(await other.revoke(issued.prefix)).toBe(true);
      expect(await keys.verify(issued.key)).toBeUndefined();
    },
  );
});
