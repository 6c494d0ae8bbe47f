import { afterEach, describe, expect, it } from 'vitest';
import {
  createMemorySessionStore,
  type SessionStore,
  sqlSessionStore,
  type ValidationSession,
} from '../src/index.js';
import { SQL_DATABASES, type TestDatabase } from './stores.js';

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const database of open.splice(0)) await database.dispose();
});

function session(id: string, tenantId: string): ValidationSession {
  return {
    id,
    tenantId,
    createdAt: new Date('2026-03-01T12:00:00Z'),
    document: { name: 'lc.fin', size: 3800, type: 'mt' },
    findings: [
      { severity: 'warning', code: 'LC_PRESENTATION_DEFAULT', message: '21 days' } as never,
    ],
    billingRecorded: true,
    billingEventId: '0195-event',
    text: '{1:F01BANK}{4:\r\n:20:LC1\r\n-}',
    sharedWith: [],
  };
}

type Backend = {
  name: string;
  skip: boolean;
  make(): Promise<{ sessions: SessionStore; again?: () => SessionStore }>;
};

const BACKENDS: Backend[] = [
  { name: 'memory', skip: false, make: async () => ({ sessions: createMemorySessionStore() }) },
  ...SQL_DATABASES.map(
    (database): Backend => ({
      name: database.dialect,
      skip: database.skip,
      async make() {
        const opened = await database.open();
        open.push(opened);
        const surface = (store: typeof opened.store) => {
          if (store.sql === undefined) throw new Error('a SQL store has a SQL surface');
          return store.sql;
        };
        return {
          sessions: sqlSessionStore(surface(opened.store)),
          again: () => sqlSessionStore(surface(opened.reopen())),
        };
      },
    }),
  ),
];

describe.each(BACKENDS)('validation sessions ($name)', ({ skip, make }) => {
  it.skipIf(skip)('gives a session back to its tenant only, whole', async () => {
    const { sessions } = await make();
    await sessions.save(session('s1', 'acme'));
    expect(await sessions.get('s1', 'acme')).toEqual(session('s1', 'acme'));
    expect(await sessions.get('s1', 'globex')).toBeUndefined();
    expect(await sessions.get('nope', 'acme')).toBeUndefined();
  });

  it.skipIf(skip)('shares with a tenant idempotently, and only by its owner', async () => {
    const { sessions } = await make();
    await sessions.save(session('s1', 'acme'));
    expect(await sessions.share('s1', 'globex', 'bank-x')).toBeUndefined();
    expect(await sessions.get('s1', 'bank-x')).toBeUndefined();
    expect((await sessions.share('s1', 'acme', 'bank-x'))?.sharedWith).toEqual(['bank-x']);
    expect((await sessions.share('s1', 'acme', 'bank-x'))?.sharedWith).toEqual(['bank-x']);
    expect((await sessions.get('s1', 'bank-x'))?.tenantId).toBe('acme');
    expect(await sessions.share('missing', 'acme', 'bank-x')).toBeUndefined();
    // Shares are listed oldest first (not by name), to the owner and to a bank alike.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sessions.share('s1', 'acme', 'bank-a');
    expect((await sessions.get('s1', 'acme'))?.sharedWith).toEqual(['bank-x', 'bank-a']);
    expect((await sessions.get('s1', 'bank-a'))?.sharedWith).toEqual(['bank-x', 'bank-a']);
  });

  it.skipIf(skip)(
    'tells who may use a session without reading it: the owner and the tenants it is shared with',
    async () => {
      const { sessions } = await make();
      await sessions.save(session('s1', 'acme'));
      expect(await sessions.visible('s1', 'acme')).toEqual({ id: 's1', tenantId: 'acme' });
      expect(await sessions.visible('s1', 'bank-x')).toBeUndefined();
      expect(await sessions.visible('s1', 'globex')).toBeUndefined();
      expect(await sessions.visible('missing', 'acme')).toBeUndefined();
      await sessions.share('s1', 'acme', 'bank-x');
      expect(await sessions.visible('s1', 'bank-x')).toEqual({ id: 's1', tenantId: 'acme' });
      expect(await sessions.visible('s1', 'globex')).toBeUndefined();
    },
  );

  it.skipIf(skip)('never lets another tenant overwrite a session by reusing its id', async () => {
    const { sessions } = await make();
    await sessions.save(session('s1', 'acme'));
    await sessions.save({ ...session('s1', 'globex'), findings: [] }).catch(() => undefined);
    expect((await sessions.get('s1', 'acme'))?.findings).toHaveLength(1);
    expect(await sessions.get('s1', 'globex')).toBeUndefined();
  });
});

/** What only a database can show: a second handle on the same data (another process, a restart). */
describe.each(BACKENDS.filter((backend) => backend.name !== 'memory'))(
  'validation sessions ($name, shared database)',
  ({ skip, make }) => {
    it.skipIf(skip)('is seen by another handle on the same database', async () => {
      const { sessions, again } = await make();
      if (again === undefined) throw new Error('a SQL backend reopens');
      await sessions.save(session('s1', 'acme'));
      await again().share('s1', 'acme', 'bank-x');
      expect((await sessions.get('s1', 'bank-x'))?.sharedWith).toEqual(['bank-x']);
    });
  },
);
