import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from '../src/ledger/ledger.js';
import { postgresStore } from '../src/stores/postgres.js';
import type { Store } from '../src/stores/types.js';
import { createTestSchema, postgresReachable, type TestSchema } from './fixtures/postgres.js';
import { startWorker, type Worker } from './fixtures/workers.js';

/** A deterministic shuffle, so a failure can be replayed. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function together(workers: Worker[]): Promise<void> {
  await Promise.all(workers.map((worker) => worker.ready));
  for (const worker of workers) worker.go();
  const exits = await Promise.all(workers.map((worker) => worker.exited));
  expect(exits).toEqual(workers.map(() => ({ code: 0, signal: null })));
}

describe.skipIf(!postgresReachable)('two OS processes sharing one PostgreSQL ledger', () => {
  let schema: TestSchema;
  let store: Store;
  beforeEach(async () => {
    schema = await createTestSchema();
    store = postgresStore({
      connectionString: schema.connectionString,
      schema: schema.schema,
      max: 2,
    });
  });
  afterEach(async () => {
    await store.close();
    await schema.drop();
  });

  it('2 × 50 concurrent guard.run, 30% reusing a key: one event per distinct key, chain intact', async () => {
    // 70 distinct keys, 30 of them used twice, spread over both processes.
    const keys = Array.from({ length: 70 }, (_, i) => `key-${i}`);
    const calls = shuffled([...keys, ...keys.slice(0, 30)], 7);
    const pgStore = {
      kind: 'postgres' as const,
      connectionString: schema.connectionString,
      schema: schema.schema,
    };
    const workers = [
      startWorker({ store: pgStore, mode: 'run', keys: calls.slice(0, 50) }),
      startWorker({ store: pgStore, mode: 'run', keys: calls.slice(50) }),
    ];
    await together(workers);

    const reports = workers.flatMap((worker) => worker.reports);
    expect(reports).toHaveLength(100);
    // Every call for a key saw the same event, and the work ran once per key.
    const eventOfKey = new Map<string, Set<unknown>>();
    for (const report of reports) {
      const seen = eventOfKey.get(String(report.key)) ?? new Set();
      seen.add(report.eventId);
      eventOfKey.set(String(report.key), seen);
    }
    expect([...eventOfKey.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(reports.filter((report) => report.ran)).toHaveLength(70);

    const ledger = createLedger({ store });
    const events = (await ledger.list({ limit: 1000 })).events;
    expect(events).toHaveLength(70);
    expect(new Set(events.map((event) => event.idempotencyKey))).toEqual(new Set(keys));
    expect(await ledger.verify()).toMatchObject({ ok: true, count: 70 });
    expect(await store.countIntents('committed')).toBe(70);
    expect(await store.countIntents('pending')).toBe(0);
  });

  it('200 concurrent authorizations against a quota of 100: exactly 100 succeed', async () => {
    const pgStore = {
      kind: 'postgres' as const,
      connectionString: schema.connectionString,
      schema: schema.schema,
    };
    const workers = [0, 1].map((w) =>
      startWorker({
        store: pgStore,
        mode: 'authorize',
        quota: 100,
        keys: Array.from({ length: 100 }, (_, i) => `w${w}-${i}`),
      }),
    );
    await together(workers);
    const reports = workers.flatMap((worker) => worker.reports);
    expect(reports).toHaveLength(200);
    expect(reports.filter((report) => report.ok)).toHaveLength(100);
    expect(new Set(reports.filter((r) => !r.ok).map((r) => r.code))).toEqual(
      new Set(['quota_exceeded']),
    );
    expect(await store.countIntents('pending')).toBe(100);
    const period = new Date().toISOString().slice(0, 7);
    expect(await store.quotaUsed('acme', 'sme.validation', period)).toBe(100);
  });
});
