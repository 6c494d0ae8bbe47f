import type { Migration } from '@tollgate/billing';
import { migrateOncePerSurface } from '../storage/migrations.js';

/** The table the SQL rate-limit store keeps its buckets in, one row per bucket key. */
export const RATE_LIMITS_TABLE = 'tollgate_rate_limits';

/** The component name the rate-limit migrations are recorded under (`tollgate_migrations`). */
export const RATE_LIMIT_MIGRATIONS_COMPONENT = 'server-adapter-rate-limits';

/**
 * `tokens` is a double (fractional tokens; rate limits are not money),
 * instants are epoch milliseconds (`BIGINT`), `last_allowed` is 0/1 (the
 * decision of the latest take, which `RETURNING` hands back). `full_at_ms` is
 * an instant by which the bucket is full again: rows past it can be deleted
 * without changing any decision. SQLite reads `DOUBLE PRECISION` as `REAL`
 * and `BIGINT`/`SMALLINT` as `INTEGER`, so both dialects share the SQL.
 */
const CREATE_RATE_LIMITS = `
CREATE TABLE IF NOT EXISTS ${RATE_LIMITS_TABLE} (
  bucket_key TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  full_at_ms BIGINT NOT NULL,
  last_allowed SMALLINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ${RATE_LIMITS_TABLE}_full_at ON ${RATE_LIMITS_TABLE} (full_at_ms);`;

/** The migrations of {@link RATE_LIMITS_TABLE}, per SQL dialect, applied in version order. */
export const RATE_LIMIT_MIGRATIONS: {
  readonly sqlite: readonly Migration[];
  readonly postgres: readonly Migration[];
} = {
  sqlite: [{ version: 1, name: 'rate limit buckets', sql: CREATE_RATE_LIMITS }],
  postgres: [{ version: 1, name: 'rate limit buckets', sql: CREATE_RATE_LIMITS }],
};

/** Create or upgrade {@link RATE_LIMITS_TABLE} in `surface`'s database (once per surface per process). */
export const migrateRateLimitTable = migrateOncePerSurface(
  RATE_LIMIT_MIGRATIONS_COMPONENT,
  (dialect) => RATE_LIMIT_MIGRATIONS[dialect],
);
