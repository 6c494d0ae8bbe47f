import type { SqlDialect, SqlSurface } from '@tollgate/billing';
import { migrateRateLimitTable, RATE_LIMITS_TABLE } from './migrations.js';
import type { RateLimitStore } from './store.js';
import {
  assertTokenBucketPolicy,
  describeBucket,
  fullRefillMs,
  TOKEN_TOLERANCE,
} from './token-bucket.js';

/** Options of {@link sqlRateLimitStore}. */
export interface SqlRateLimitStoreOptions {
  /**
   * How often (by the `now` of takes) this store deletes buckets that are full
   * again, in milliseconds; default 60 000. Deleting a full bucket changes no decision.
   */
  sweepIntervalMs?: number;
}

/** A {@link RateLimitStore} in a SQL database, with its schema and clean-up steps exposed. */
export interface SqlRateLimitStore extends RateLimitStore {
  /** Create or upgrade the table (idempotent; also done on first `take`). */
  migrate(): Promise<void>;
  /** Delete every bucket that is full again at `now`; returns how many rows went. */
  sweep(now: Date): Promise<number>;
}

/** SQL spellings that differ between the dialects. */
function spellings(dialect: SqlDialect) {
  return dialect === 'postgres'
    ? {
        least: 'LEAST',
        greatest: 'GREATEST',
        double: (sql: string) => `CAST(${sql} AS DOUBLE PRECISION)`,
        integer: (sql: string) => `CAST(${sql} AS BIGINT)`,
      }
    : {
        least: 'MIN',
        greatest: 'MAX',
        double: (sql: string) => `CAST(${sql} AS REAL)`,
        integer: (sql: string) => `CAST(${sql} AS INTEGER)`,
      };
}

/**
 * One statement that takes a token, atomically in both dialects: a new key
 * gets a full bucket minus one; an existing row (`b`, as it was) is refilled
 * for the time elapsed, capped, and loses one token when at least one is there
 * (the arithmetic of `takeToken`). PostgreSQL locks the row for the upsert and
 * evaluates `SET` on its latest version; SQLite runs the statement as one
 * write transaction. `$1` key, `$2` capacity, `$3` tokens per second, `$4` now
 * (epoch ms), `$5` ms an empty bucket takes to fill.
 */
function takeStatement(dialect: SqlDialect): string {
  const sql = spellings(dialect);
  const capacity = sql.double('$2');
  const perSecond = sql.double('$3');
  const now = sql.integer('$4');
  const fillMs = sql.integer('$5');
  const refilled = `${sql.least}(${capacity}, ${sql.greatest}(0, b.tokens) + ${sql.greatest}(0, ${now} - b.updated_at_ms) * ${perSecond} / 1000.0)`;
  const enough = `${refilled} >= ${1 - TOKEN_TOLERANCE}`;
  const updatedAt = `${sql.greatest}(b.updated_at_ms, ${now})`;
  return `
INSERT INTO ${RATE_LIMITS_TABLE} AS b (bucket_key, tokens, updated_at_ms, full_at_ms, last_allowed)
VALUES ($1, ${capacity} - 1, ${now}, ${now} + ${fillMs}, 1)
ON CONFLICT (bucket_key) DO UPDATE SET
  tokens = CASE WHEN ${enough} THEN ${sql.greatest}(0, ${refilled} - 1) ELSE ${refilled} END,
  last_allowed = CASE WHEN ${enough} THEN 1 ELSE 0 END,
  updated_at_ms = ${updatedAt},
  full_at_ms = ${updatedAt} + ${fillMs}
RETURNING tokens, last_allowed`;
}

const SWEEP = `DELETE FROM ${RATE_LIMITS_TABLE} WHERE full_at_ms <= $1`;

/**
 * A rate-limit store in a SQL database (`tollgate_rate_limits`, created by
 * {@link RATE_LIMIT_MIGRATIONS} on first use), for several server processes
 * sharing one limit: pass the billing store's surface (`store.sql`). Every
 * take is one atomic upsert (no read-then-write across round trips), so
 * concurrent takes from any number of processes never hand out more tokens
 * than the bucket holds.
 *
 * SQLite: the statement is its own `BEGIN IMMEDIATE`-like write transaction
 * and waits on the file's lock like every other write. It deliberately avoids
 * `surface.transaction`, which holds SQLite's write lock across awaits: with
 * two SQLite stores on one file in the same process that blocks the event
 * loop in the busy handler. (Open one SQLite store per file per process, as
 * `@tollgate/billing` asks: its migrations still use such a transaction.)
 * Processes should share a roughly synchronized clock: refill is computed
 * from the `now` each process passes.
 */
export function sqlRateLimitStore(
  surface: SqlSurface,
  options: SqlRateLimitStoreOptions = {},
): SqlRateLimitStore {
  const statement = takeStatement(surface.dialect);
  const sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  let lastSweepMs = Number.NEGATIVE_INFINITY;

  const migrate = async () => {
    await migrateRateLimitTable(surface);
  };

  const sweep = async (now: Date) => {
    await migrate();
    const rows = await surface.query(`${SWEEP} RETURNING bucket_key`, [now.getTime()]);
    return rows.length;
  };

  return {
    migrate,
    sweep,
    async take(key, policy, now) {
      assertTokenBucketPolicy(policy);
      await migrate();
      const nowMs = now.getTime();
      if (nowMs - lastSweepMs >= sweepIntervalMs) {
        lastSweepMs = nowMs;
        await sweep(now);
      }
      const [row] = await surface.query<{ tokens: unknown; last_allowed: unknown }>(statement, [
        key,
        policy.capacity,
        policy.refillPerSecond,
        nowMs,
        fullRefillMs(policy),
      ]);
      if (row === undefined) throw new Error('rate limit upsert returned no row');
      return describeBucket(policy, Number(row.tokens), Number(row.last_allowed) === 1);
    },
  };
}
