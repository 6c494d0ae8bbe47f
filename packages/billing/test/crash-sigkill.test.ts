import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBillingGuard } from '../src/guard/guard.js';
import { createLedger } from '../src/ledger/ledger.js';
import { createQuotaPolicy } from '../src/quotas/quotas.js';
import { postgresStore } from '../src/stores/postgres.js';
import { sqliteStore } from '../src/stores/sqlite.js';
import type { Store } from '../src/stores/types.js';
import type { WorkerJob } from './fixtures/billing-worker.js';
import { fakePrices } from './fixtures/guard.js';
import { createTestSchema, postgresReachable } from './fixtures/postgres.js';
import { startWorker } from './fixtures/workers.js';

/**
 * Kill a process with SIGKILL in the middle of a load of guard.run calls,
 * then open the store again: every event the process saw committed is there,
 * every event is whole (its chain verifies and its intent is committed), and
 * the intents it left pending expire to void, giving their quota back.
 */
async function killMidLoad(job: WorkerJob['store'], open: () => Store): Promise<void> {
  const worker = startWorker({ store: job, mode: 'load', concurrency: 8, quota: 1_000_000 });
  await worker.ready;
  worker.go();
  // Kill right after a call reported its intent authorized (durable) while its work runs:
  // whatever group commit did, at least that intent is pending.
  await worker.until(
    (reports) =>
      reports.filter((report) => report.committed !== undefined).length >= 40 &&
      reports.at(-1)?.authorized !== undefined,
  );
  worker.child.kill('SIGKILL');
  expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
  const reported = worker.reports
    .filter((report) => report.committed !== undefined)
    .map((report) => String(report.committed));

  const store = open();
  try {
    const ledger = createLedger({ store });
    for (const id of reported) expect(await ledger.get(id)).toBeDefined();
    const events = (await ledger.list({ limit: 1000 })).events;
    expect(events.length).toBeGreaterThanOrEqual(reported.length);
    expect(await ledger.verify()).toMatchObject({ ok: true, count: events.length });
    expect(await store.countIntents('committed')).toBe(events.length);

    const pendingBefore = await store.countIntents('pending');
    // Eight calls were in flight: some intents were pending when the process died.
    expect(pendingBefore).toBeGreaterThan(0);
    // An hour later (the intents' timeout is 5 minutes), the sweeper voids what the dead process left.
    const later = () => new Date(Date.now() + 60 * 60_000);
    const guard = createBillingGuard({
      ledger: createLedger({ store, clock: later }),
      prices: fakePrices(),
      quotas: createQuotaPolicy({ limits: { 'sme.validation': 1_000_000 } }),
      clock: later,
    });
    expect(await guard.sweep()).toMatchObject({ expired: pendingBefore });
    expect(await store.countIntents('pending')).toBe(0);
    const period = new Date().toISOString().slice(0, 7);
    expect(await store.quotaUsed('acme', 'sme.validation', period)).toBe(events.length);
    expect((await ledger.list({ limit: 1000 })).events).toHaveLength(events.length);
  } finally {
    await store.close();
  }
}

describe('a process killed with SIGKILL mid-load', () => {
  it('loses no committed event and leaves no half event (SQLite)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tg-crash-'));
    const path = join(dir, 'billing.db');
    try {
      await killMidLoad({ kind: 'sqlite', path }, () => sqliteStore({ path }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!postgresReachable)(
    'loses no committed event and leaves no half event (PostgreSQL)',
    async () => {
      const schema = await createTestSchema();
      try {
        await killMidLoad(
          { kind: 'postgres', connectionString: schema.connectionString, schema: schema.schema },
          () =>
            postgresStore({
              connectionString: schema.connectionString,
              schema: schema.schema,
              max: 2,
            }),
        );
      } finally {
        await schema.drop();
      }
    },
  );
});
