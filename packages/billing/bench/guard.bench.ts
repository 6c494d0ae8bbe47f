import { randomUUID } from 'node:crypto';
import { money } from '@tollgate/core';
import { createBillingGuard } from '../src/guard/guard.js';
import { createLedger } from '../src/ledger/ledger.js';
import type { Store } from '../src/stores/types.js';
import { postgresBench, postgresUp, sqliteBench } from './engines.js';
import { type BenchFigure, compare } from './throughput.js';

const PRICE = money(500n, 'USD');

function figuresFor(store: Store, group: string, concurrency: number) {
  const ledger = createLedger({ store });
  const guard = createBillingGuard({ ledger, prices: { quote: () => ({ amount: PRICE }) } });
  const tenant = () => `tenant-${Math.floor(Math.random() * 64)}`;
  const request = () => ({
    tenantId: tenant(),
    actor: { id: 'user-1', role: 'sme' },
    sessionId: 'S1',
    operation: 'sme.validation',
    idempotencyKey: randomUUID(),
  });
  return compare(
    group,
    {
      name: 'ledger.append',
      concurrency,
      task: () => ledger.append({ ...request(), amount: PRICE }),
    },
    [
      {
        name: 'guard.run (authorize + commit)',
        concurrency,
        task: () => guard.run(request(), () => true),
        note: 'two transactions per call',
      },
    ],
  );
}

/** guard.run per second on SQLite and on PostgreSQL, against a bare ledger.append. */
export async function guardBench(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const sqlite = sqliteBench();
  try {
    figures.push(...(await figuresFor(sqlite.store, 'guard, SQLite, 1 writer', 1)));
  } finally {
    await sqlite.close();
  }
  if (await postgresUp()) {
    const postgres = await postgresBench(16);
    try {
      figures.push(...(await figuresFor(postgres.store, 'guard, PostgreSQL, 16 writers', 16)));
    } finally {
      await postgres.close();
    }
  }
  return figures;
}
