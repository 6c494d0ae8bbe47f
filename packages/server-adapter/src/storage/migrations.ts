import { applyMigrations, type Migration, type SqlSurface } from '@tollgate/billing';

/** The component name the server's migrations are recorded under (`tollgate_migrations`). */
export const SERVER_MIGRATIONS_COMPONENT = 'server-adapter';

/**
 * The server's own tables, beside billing's in the same database. The SQL is
 * the same for SQLite and PostgreSQL: instants are epoch milliseconds
 * (`BIGINT`), flags `INTEGER` 0/1, structured values JSON text.
 */
export const SERVER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'api keys and validation sessions',
    sql: `
CREATE TABLE IF NOT EXISTS tollgate_api_keys (
  prefix TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  role TEXT NOT NULL,
  scopes TEXT NOT NULL,
  label TEXT,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX IF NOT EXISTS tollgate_api_keys_tenant ON tollgate_api_keys (tenant_id);
CREATE TABLE IF NOT EXISTS tollgate_sessions (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  document TEXT NOT NULL,
  findings TEXT NOT NULL,
  billing_recorded INTEGER NOT NULL,
  billing_event_id TEXT,
  text TEXT
);
CREATE INDEX IF NOT EXISTS tollgate_sessions_tenant ON tollgate_sessions (tenant_id, created_at);
CREATE TABLE IF NOT EXISTS tollgate_session_shares (
  session_id TEXT NOT NULL REFERENCES tollgate_sessions (id),
  tenant_id TEXT NOT NULL,
  shared_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, tenant_id)
);`,
  },
  {
    version: 2,
    name: 'partner submissions and partner events',
    sql: `
CREATE TABLE IF NOT EXISTS tollgate_submissions (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  integration_id TEXT NOT NULL,
  session_id TEXT,
  idempotency_key TEXT NOT NULL,
  request TEXT NOT NULL,
  status TEXT NOT NULL,
  status_code TEXT,
  external_reference TEXT,
  billing_event_id TEXT,
  attempts INTEGER NOT NULL,
  next_retry_at BIGINT,
  locked_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (tenant_id, kind, idempotency_key)
);
CREATE INDEX IF NOT EXISTS tollgate_submissions_due ON tollgate_submissions (status, next_retry_at);
CREATE INDEX IF NOT EXISTS tollgate_submissions_reference
  ON tollgate_submissions (integration_id, external_reference);
CREATE TABLE IF NOT EXISTS tollgate_partner_events (
  integration_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (integration_id, event_id)
);`,
  },
];

/**
 * A function that creates or upgrades one component's tables in a surface's
 * database, once per surface per process: concurrent callers share one run,
 * several processes are serialized by `applyMigrations`' lock, and a failed
 * run is retried by the next caller. `migrations` may differ by dialect.
 */
export function migrateOncePerSurface(
  component: string,
  migrations: readonly Migration[] | ((dialect: SqlSurface['dialect']) => readonly Migration[]),
): (surface: SqlSurface) => Promise<unknown> {
  const migrated = new WeakMap<SqlSurface, Promise<unknown>>();
  return (surface) => {
    let run = migrated.get(surface);
    if (run === undefined) {
      const steps = typeof migrations === 'function' ? migrations(surface.dialect) : migrations;
      run = applyMigrations(surface, component, steps);
      run.catch(() => migrated.delete(surface));
      migrated.set(surface, run);
    }
    return run;
  };
}

/** Create or upgrade the server's tables in `surface`'s database, once per surface per process. */
export const migrateServerTables = migrateOncePerSurface(
  SERVER_MIGRATIONS_COMPONENT,
  SERVER_MIGRATIONS,
);

/** An epoch-millisecond column (a string from PostgreSQL's `BIGINT`, a bigint or number from SQLite) as a `Date`. */
export function dateColumn(value: unknown): Date {
  return new Date(Number(value));
}

/** A nullable epoch-millisecond column as a `Date` or `null`. */
export function optionalDateColumn(value: unknown): Date | null {
  return value === null || value === undefined ? null : dateColumn(value);
}
