import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { postgresStore, type Store, sqliteStore } from '@tollgate/billing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestSchema,
  postgresReachable,
  TEST_DATABASE_URL,
} from '../../billing/test/fixtures/postgres.js';
import {
  memoryRateLimitStore,
  RATE_LIMIT_MIGRATIONS_COMPONENT,
  type RateLimitOutcome,
  type RateLimitStore,
  type SqlRateLimitStore,
  sqlRateLimitStore,
  type TokenBucketPolicy,
  type TokenBucketState,
  takeToken,
} from '../src/rate-limit/index.js';
import type { RateLimitWorkerJob } from './rate-limit-worker.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(T0 + offsetMs);

/** A database the SQL store can live in; `open()` gives another independent handle on it (another process's view). */
interface TestDatabase {
  open(): Store;
  /** How a worker process opens the same database. */
  job: RateLimitWorkerJob['database'];
  dispose(): Promise<void>;
}

async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-rate-limit-'));
  const path = join(dir, 'tollgate.db');
  const opened: Store[] = [];
  return {
    open() {
      const store = sqliteStore({ path });
      opened.push(store);
      return store;
    },
    job: { kind: 'sqlite', path },
    async dispose() {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(): Promise<TestDatabase> {
  const { schema, drop } = await createTestSchema();
  const opened: Store[] = [];
  return {
    open() {
      const store = postgresStore({ connectionString: TEST_DATABASE_URL, schema, max: 10 });
      opened.push(store);
      return store;
    },
    job: { kind: 'postgres', connectionString: TEST_DATABASE_URL, schema },
    async dispose() {
      for (const store of opened) await store.close();
      await drop();
    },
  };
}

const DATABASES = [
  { dialect: 'sqlite', skip: false, make: sqliteDatabase },
  { dialect: 'postgres', skip: !postgresReachable, make: postgresDatabase },
] as const;

const disposals: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposals.splice(0).reverse()) await dispose();
});

async function database(make: () => Promise<TestDatabase>): Promise<TestDatabase> {
  const db = await make();
  disposals.push(() => db.dispose());
  return db;
}

function sqlLimits(store: Store, options?: { sweepIntervalMs?: number }): SqlRateLimitStore {
  if (store.sql === undefined) throw new Error('not a SQL store');
  return sqlRateLimitStore(store.sql, options);
}

// ── every store decides exactly like the pure token bucket ─────────────────

const burst = { capacity: 3, refillPerSecond: 0.5 };
const slow = { capacity: 2, refillPerSecond: 1 / 49 };
/** Takes in order: key, policy, ms after T0 (the clock goes back once, and idles past a sweep). */
const SCRIPT: Array<[string, TokenBucketPolicy, number]> = [
  ['a', burst, 0],
  ['a', burst, 0],
  ['a', burst, 0],
  ['a', burst, 0],
  ['b', burst, 0],
  ['a', burst, 1000],
  ['a', burst, 2000],
  ['a', burst, 1500],
  ['a', burst, 2700],
  ['s', slow, 0],
  ['s', slow, 0],
  ['s', slow, 0],
  ['s', slow, 48_999],
  ['s', slow, 49_000],
  ['b', burst, 3333],
  ['a', burst, 600_000],
  ['a', burst, 600_000],
  ['s', slow, 600_000],
];

function modelOutcomes(): RateLimitOutcome[] {
  const states = new Map<string, TokenBucketState>();
  return SCRIPT.map(([key, policy, ms]) => {
    const { outcome, state } = takeToken(policy, states.get(key), at(ms));
    states.set(key, state);
    return outcome;
  });
}

async function storeOutcomes(store: RateLimitStore): Promise<RateLimitOutcome[]> {
  const outcomes: RateLimitOutcome[] = [];
  for (const [key, policy, ms] of SCRIPT) outcomes.push(await store.take(key, policy, at(ms)));
  return outcomes;
}

describe('every rate-limit store follows the token-bucket model', () => {
  it('has a model worth following', () => {
    const outcomes = modelOutcomes();
    expect(outcomes.map((o) => o.allowed)).toEqual([
      ...[true, true, true, false, true, false, true, false, false],
      ...[true, true, false, false, true, true, true, true, true],
    ]);
  });

  it('memory', async () => {
    expect(await storeOutcomes(memoryRateLimitStore())).toEqual(modelOutcomes());
  });

  for (const { dialect, skip, make } of DATABASES) {
    it.skipIf(skip)(dialect, async () => {
      const db = await database(make);
      expect(await storeOutcomes(sqlLimits(db.open(), { sweepIntervalMs: 1000 }))).toEqual(
        modelOutcomes(),
      );
    });
  }
});

// ── the SQL store: schema, sweep, concurrency ───────────────────────────────

/** Whether the `remaining` of the allowed outcomes is exactly capacity-1 … 0, once each (the takes serialized). */
function allowedRemainders(outcomes: RateLimitOutcome[]): number[] {
  return outcomes
    .filter((o) => o.allowed)
    .map((o) => o.remaining)
    .sort((x, y) => y - x);
}

const countdown = (capacity: number) =>
  Array.from({ length: capacity }, (_, i) => capacity - 1 - i);

describe.each(DATABASES)('sqlRateLimitStore on $dialect', ({ skip, make }) => {
  it.skipIf(skip)(
    'creates its table on first use, recorded once under its own component',
    async () => {
      const db = await database(make);
      const store = db.open();
      const sql = store.sql;
      if (sql === undefined) throw new Error('not a SQL store');
      await sqlRateLimitStore(sql).take('k', burst, at(0));
      await sqlRateLimitStore(sql).take('k', burst, at(0));
      await sqlLimits(db.open()).migrate();
      const applied = await sql.query(
        'SELECT version, name FROM tollgate_migrations WHERE component = $1',
        [RATE_LIMIT_MIGRATIONS_COMPONENT],
      );
      expect(applied.map((row) => [Number(row.version), row.name])).toEqual([
        [1, 'rate limit buckets'],
      ]);
      const [row] = await sql.query(
        'SELECT tokens, last_allowed FROM tollgate_rate_limits WHERE bucket_key = $1',
        ['k'],
      );
      expect(Number(row?.tokens)).toBe(1);
      expect(Number(row?.last_allowed)).toBe(1);
    },
  );

  it.skipIf(skip)('sweeps only buckets that are full again', async () => {
    const db = await database(make);
    const limits = sqlLimits(db.open());
    const policy = { capacity: 2, refillPerSecond: 1 }; // an empty bucket fills in 2 s
    await limits.take('early', policy, at(0));
    await limits.take('late', policy, at(1000));
    expect(await limits.sweep(at(1999))).toBe(0);
    expect(await limits.sweep(at(2000))).toBe(1);
    expect(await limits.sweep(at(3000))).toBe(1);
    expect((await limits.take('early', policy, at(3000))).remaining).toBe(1);
  });

  it.skipIf(skip)(
    'hands out exactly capacity tokens to concurrent takes through two independent stores',
    async () => {
      const db = await database(make);
      const one = sqlLimits(db.open());
      const two = sqlLimits(db.open());
      // One at a time: billing's applyMigrations holds SQLite's write lock across awaits,
      // which two connections of the same process must not do at once.
      await one.migrate();
      await two.migrate();
      const capacity = 20;
      const policy = { capacity, refillPerSecond: 0.001 };
      const outcomes = await Promise.all(
        Array.from({ length: 2 * capacity }, (_, i) =>
          (i % 2 === 0 ? one : two).take('shared', policy, at(0)),
        ),
      );
      expect(outcomes.filter((o) => o.allowed)).toHaveLength(capacity);
      expect(allowedRemainders(outcomes)).toEqual(countdown(capacity));
      for (const refused of outcomes.filter((o) => !o.allowed)) {
        expect(refused).toEqual({
          allowed: false,
          remaining: 0,
          retryAfterSeconds: 1000,
          resetSeconds: 1000,
        });
      }
    },
  );

  it.skipIf(skip)(
    'hands out exactly capacity tokens to concurrent takes from two processes',
    async () => {
      const db = await database(make);
      await sqlLimits(db.open()).migrate();
      const capacity = 25;
      const job = {
        database: db.job,
        key: 'shared',
        takes: capacity,
        capacity,
        refillPerSecond: 0.001,
        nowMs: T0,
      };
      const reports = await runWorkers([job, job]);
      expect(reports.reduce((sum, r) => sum + r.allowed, 0)).toBe(capacity);
      expect(reports.reduce((sum, r) => sum + r.refused, 0)).toBe(capacity);
    },
    60_000,
  );
});

// ── worker processes ─────────────────────────────────────────────────────────

const WORKER = fileURLToPath(new URL('./rate-limit-worker.ts', import.meta.url));

/** Start one worker per job, wait until all are ready, say `go` to all, and collect their reports. */
async function runWorkers(
  jobs: RateLimitWorkerJob[],
): Promise<Array<{ allowed: number; refused: number }>> {
  const workers = jobs.map((job) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(job)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const lines: Array<Record<string, unknown>> = [];
    const waiters: Array<() => void> = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(JSON.parse(line) as Record<string, unknown>);
      for (const wake of waiters.splice(0)) wake();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const nth = (n: number) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const check = () => {
          const line = lines[n];
          if (line !== undefined) resolve(line);
          else if (child.exitCode !== null) reject(new Error(`worker ended early:\n${stderr}`));
          else waiters.push(check);
        };
        exited.then(() => check());
        check();
      });
    return { child, nth, exited };
  });
  await Promise.all(workers.map((worker) => worker.nth(0)));
  for (const worker of workers) worker.child.stdin.write('go\n');
  const reports = await Promise.all(workers.map((worker) => worker.nth(1)));
  await Promise.all(workers.map((worker) => worker.exited));
  return reports.map((report) => ({
    allowed: Number(report.allowed),
    refused: Number(report.refused),
  }));
}
