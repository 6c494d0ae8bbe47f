import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money } from '@tollgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createLedger, sqliteStore } from '../src/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openLedger() {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-group-commit-'));
  dirs.push(dir);
  const path = join(dir, 'ledger.db');
  const store = sqliteStore({ path });
  return { store, ledger: createLedger({ store }), path };
}

const charge = (tenantId: string, key: string) => ({
  tenantId,
  actor: { id: 'u1', role: 'sme' },
  sessionId: null,
  operation: 'sme.validation',
  amount: money(500n, 'USD'),
  idempotencyKey: key,
});

describe('the SQLite store commits concurrent writes together', () => {
  it('keeps every write of a batch, each with its own chain position', async () => {
    const { store, ledger } = openLedger();
    const events = await Promise.all(
      Array.from({ length: 60 }, (_, i) => ledger.append(charge(`t${i % 3}`, `k${i}`))),
    );
    expect(new Set(events.map((event) => event.id)).size).toBe(60);
    for (const tenant of ['t0', 't1', 't2']) {
      const sequences = events
        .filter((event) => event.tenantId === tenant)
        .map((event) => Number(event.sequence))
        .sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
    expect((await ledger.verify()).ok).toBe(true);
    await store.close();
  });

  it('rolls back a write that fails alone; the others of its batch are committed and durable', async () => {
    const { store, ledger, path } = openLedger();
    const original = await ledger.append(charge('acme', 'original'));
    // Two reversals of one event in the same batch: the second breaks the one-reversal index.
    const results = await Promise.allSettled([
      ledger.append(charge('acme', 'before')),
      ledger.reverse({
        eventId: original.id,
        idempotencyKey: 'r1',
        actor: { id: 'ops', role: 'admin' },
        reason: 'refund',
      }),
      ledger.reverse({
        eventId: original.id,
        idempotencyKey: 'r2',
        actor: { id: 'ops', role: 'admin' },
        reason: 'refund',
      }),
      ledger.append(charge('globex', 'after')),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    await store.close();

    // Reopened: exactly the fulfilled writes are there, and the chains verify.
    const reopened = sqliteStore({ path });
    const again = createLedger({ store: reopened });
    const keys = (await again.list({ limit: 100 })).events
      .map((event) => event.idempotencyKey)
      .sort();
    expect(keys).toEqual(['after', 'before', 'original', 'r1']);
    expect((await again.verify()).ok).toBe(true);
    await reopened.close();
  });

  it('fails every write of a batch SQLite rolled back whole (a full disk), and runs none outside it', async () => {
    const { store, ledger, path } = openLedger();
    await ledger.append(charge('acme', 'first'));
    const [row] = (await store.sql?.query<{ page_count: number }>('PRAGMA page_count')) ?? [];
    // No page may be added from now on: a write that needs one fails with SQLITE_FULL.
    await store.sql?.exec(`PRAGMA max_page_count = ${Number(row?.page_count)}`);
    const huge = { ...charge('acme', 'huge'), metadata: { blob: 'x'.repeat(200_000) } };
    const results = await Promise.allSettled([
      ledger.append(charge('acme', 'small-before')),
      ledger.append(huge),
      ledger.append(charge('globex', 'small-after')),
    ]);
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    await store.close();

    const reopened = sqliteStore({ path });
    const again = createLedger({ store: reopened });
    const keys = (await again.list({ limit: 100 })).events.map((event) => event.idempotencyKey);
    expect(keys).toEqual(['first']);
    expect((await again.verify()).ok).toBe(true);
    // The connection is usable again once there is room.
    expect((await again.append(charge('acme', 'later'))).sequence).toBe(2n);
    await reopened.close();
  });

  it('commits the writes asked for before close', async () => {
    const { store, ledger, path } = openLedger();
    const pending = [ledger.append(charge('acme', 'a')), ledger.append(charge('acme', 'b'))];
    await store.close();
    expect((await Promise.all(pending)).map((event) => event.idempotencyKey)).toEqual(['a', 'b']);
    const reopened = sqliteStore({ path });
    expect((await createLedger({ store: reopened }).list({ limit: 10 })).events).toHaveLength(2);
    await reopened.close();
  });
});
