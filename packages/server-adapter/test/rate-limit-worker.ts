/**
 * A child process for the multi-process rate-limit test: opens the same
 * database as the test (a SQLite file or a PostgreSQL schema), prints
 * `{"ready":true}`, waits for `go` on stdin, then takes `takes` tokens from one
 * bucket at once and prints `{"allowed":n,"refused":m}`. Started as
 * `node --import tsx rate-limit-worker.ts '<json job>'`.
 */
import { createInterface } from 'node:readline';
import { postgresStore, sqliteStore } from '@tollgate/billing';
import { sqlRateLimitStore } from '../src/rate-limit/index.js';

/** What the parent asks a worker to do. */
export interface RateLimitWorkerJob {
  database:
    | { kind: 'sqlite'; path: string }
    | { kind: 'postgres'; connectionString: string; schema: string };
  key: string;
  takes: number;
  capacity: number;
  refillPerSecond: number;
  /** The instant every take happens at (epoch ms), so nothing refills during the run. */
  nowMs: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as RateLimitWorkerJob;
const store =
  job.database.kind === 'sqlite'
    ? sqliteStore({ path: job.database.path, busyTimeoutMs: 10_000 })
    : postgresStore({
        connectionString: job.database.connectionString,
        schema: job.database.schema,
        max: 8,
      });
if (store.sql === undefined) throw new Error('the worker needs a SQL store');
const limits = sqlRateLimitStore(store.sql);
await limits.migrate();

const go = new Promise<void>((resolve) => {
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'go') resolve();
  });
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
await go;

const policy = { capacity: job.capacity, refillPerSecond: job.refillPerSecond };
const outcomes = await Promise.all(
  Array.from({ length: job.takes }, () => limits.take(job.key, policy, new Date(job.nowMs))),
);
const allowed = outcomes.filter((outcome) => outcome.allowed).length;
process.stdout.write(`${JSON.stringify({ allowed, refused: job.takes - allowed })}\n`);
await store.close();
process.exit(0);
