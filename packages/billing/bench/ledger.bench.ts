import { randomUUID } from 'node:crypto';
import { money } from '@tollgate/core';
import { Bench } from 'tinybench';
import { canonicalEventText } from '../src/ledger/canonical.js';
import { chainHash } from '../src/ledger/hash-chain.js';
import { createLedger } from '../src/ledger/ledger.js';
import { postgresBench, postgresUp, sqliteBench } from './engines.js';
import { type BenchFigure, compare } from './throughput.js';

const USD = money(500n, 'USD');
const METADATA = JSON.stringify({ findings: 0 });

function rawRow(tenantId: string): Array<string | number> {
  return [
    randomUUID(),
    tenantId,
    'user-1',
    'sme',
    'S1',
    'sme.validation',
    500,
    'USD',
    randomUUID(),
    METADATA,
    Date.now(),
  ];
}

function appendInput(tenantId: string) {
  return {
    tenantId,
    actor: { id: 'user-1', role: 'sme' },
    sessionId: 'S1',
    operation: 'sme.validation',
    amount: USD,
    idempotencyKey: randomUUID(),
    metadata: { findings: 0 },
  };
}

const tenantOf = (count: number) => () => `tenant-${Math.floor(Math.random() * count)}`;

/** Ledger append against a raw single-row INSERT on SQLite: one writer, WAL, synchronous FULL both. */
export async function sqliteAppendBench(): Promise<BenchFigure[]> {
  const engine = sqliteBench();
  const ledger = createLedger({ store: engine.store });
  const insert = engine.raw.prepare(
    'INSERT INTO raw_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const tenant = tenantOf(64);
  try {
    return await compare(
      'SQLite, 1 writer',
      {
        name: 'raw INSERT, one row per transaction',
        concurrency: 1,
        task: async () => insert.run(...rawRow(tenant())),
      },
      [
        {
          name: 'ledger.append (chained, idempotent)',
          concurrency: 1,
          task: () => ledger.append(appendInput(tenant())),
          note: 'target ≥ 0.5×',
        },
      ],
    );
  } finally {
    await engine.close();
  }
}

/** Ledger append against a raw INSERT on PostgreSQL with 16 concurrent writers; the chain designs compared. */
export async function postgresAppendBench(): Promise<BenchFigure[]> {
  if (!(await postgresUp())) return [];
  const engine = await postgresBench(16);
  const ledger = createLedger({ store: engine.store });
  const tenants = tenantOf(64);
  const sql = 'INSERT INTO raw_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)';
  try {
    return await compare(
      'PostgreSQL, 16 writers',
      {
        name: 'raw INSERT, one row per transaction',
        concurrency: 16,
        task: () => engine.raw.query(sql, rawRow(tenants())),
      },
      [
        {
          name: 'ledger.append, chain per tenant (64 tenants)',
          concurrency: 16,
          task: () => ledger.append(appendInput(tenants())),
          note: 'the design chosen; target ≥ 0.35×',
        },
        {
          name: 'ledger.append, one tenant (= one global chain)',
          concurrency: 16,
          task: () => ledger.append(appendInput('hot-tenant')),
          note: 'every writer waits on one head row',
        },
        {
          name: 'batch sealing, append side only',
          concurrency: 16,
          task: () => {
            // A sealer would chain these later; appending is an INSERT plus the event's own hash.
            const row = rawRow(tenants());
            const id = String(row[0]);
            const canonical = canonicalEventText({
              ...appendInput(String(row[1])),
              id,
              createdAt: new Date(),
              tier: null,
              externalReference: null,
              reverses: null,
              sessionId: 'S1',
              metadata: { findings: 0 },
            });
            row[9] = JSON.stringify({ findings: 0, hash: chainHash('', canonical) });
            return engine.raw.query(sql, row);
          },
          note: 'no prevHash until sealed',
        },
      ],
    );
  } finally {
    await engine.close();
  }
}

/** The CPU cost of one event's canonical text and hash, with tinybench. */
export async function hashingBench(): Promise<BenchFigure[]> {
  const bench = new Bench({ time: 500, warmupTime: 100 });
  const event = {
    ...appendInput('acme'),
    id: randomUUID(),
    createdAt: new Date(),
    tier: null,
    externalReference: null,
    reverses: null,
    sessionId: 'S1',
    metadata: { findings: 0 },
  };
  let sink = '';
  bench.add('canonicalEventText', () => {
    sink = canonicalEventText(event);
  });
  bench.add('canonicalEventText + chainHash', () => {
    sink = chainHash(sink.slice(0, 64), canonicalEventText(event));
  });
  await bench.run();
  const figures = bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`benchmark "${task.name}" did not complete`);
    return { name: task.name, opsPerSecond: result.throughput.mean };
  });
  const base = figures[0]?.opsPerSecond ?? 1;
  return figures.map((figure, index) => ({
    group: 'CPU, one event',
    name: figure.name,
    opsPerSecond: figure.opsPerSecond,
    ratio: figure.opsPerSecond / base,
    baseline: index === 0,
    ...(index === 0 && sink.length === 0 ? { note: 'unreachable' } : {}),
  }));
}
