import { createHash } from 'node:crypto';
import { BillingError } from '../../ledger/errors.js';
import type { Migration, SqlSurface } from '../types.js';

/** The table that records which migrations each component has applied. */
export const MIGRATIONS_TABLE = 'tollgate_migrations';

function checksumOf(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
  component TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  PRIMARY KEY (component, version)
)`;
const SELECT_APPLIED = `SELECT version, checksum FROM ${MIGRATIONS_TABLE} WHERE component = $1`;
const INSERT_APPLIED = `INSERT INTO ${MIGRATIONS_TABLE} (component, version, name, checksum, applied_at) VALUES ($1, $2, $3, $4, $5)`;

/** What one migration run reads and writes, synchronously or not. */
interface MigrationSteps<R> {
  exec(sql: string): R;
  query(sql: string, params: Array<string | number>): R;
}

/**
 * The migrations of `component` still to apply, in version order, given the
 * rows already recorded; throws `migration_mismatch` when an applied one changed.
 */
function pending(
  component: string,
  migrations: readonly Migration[],
  rows: ReadonlyArray<{ version: unknown; checksum: unknown }>,
): Array<Migration & { checksum: string }> {
  const applied = new Map(rows.map((row) => [Number(row.version), String(row.checksum)]));
  const todo: Array<Migration & { checksum: string }> = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const checksum = checksumOf(migration);
    const known = applied.get(migration.version);
    if (known === undefined) todo.push({ ...migration, checksum });
    else if (known !== checksum) {
      throw new BillingError(
        'migration_mismatch',
        `Migration ${component} v${migration.version} (${migration.name}) was applied with different SQL`,
      );
    }
  }
  return todo;
}

function recordOf(component: string, migration: Migration & { checksum: string }) {
  return [
    component,
    migration.version,
    migration.name,
    migration.checksum,
    new Date().toISOString(),
  ];
}

/**
 * Apply `component`'s migrations that this database lacks, in version order,
 * in one transaction that holds a lock for its whole length (PostgreSQL: a
 * transaction-scoped advisory lock; SQLite: `BEGIN IMMEDIATE`), so that two
 * processes starting at once apply each migration exactly once. A migration
 * already applied whose SQL changed since is refused (`migration_mismatch`).
 * Returns how many migrations were applied. `@tollgate/server-adapter` can run
 * its own migrations this way under its own component name.
 */
export async function applyMigrations(
  surface: SqlSurface,
  component: string,
  migrations: readonly Migration[],
): Promise<number> {
  return surface.transaction(async (tx) => {
    if (tx.dialect === 'postgres') {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `tollgate-migrations:${component}`,
      ]);
    }
    await tx.exec(CREATE_TABLE);
    const rows = await tx.query<{ version: unknown; checksum: unknown }>(SELECT_APPLIED, [
      component,
    ]);
    const todo = pending(component, migrations, rows);
    for (const migration of todo) {
      await tx.exec(migration.sql);
      await tx.query(INSERT_APPLIED, recordOf(component, migration));
    }
    return todo.length;
  });
}

/**
 * {@link applyMigrations} for a caller already inside a synchronous SQLite
 * transaction (`BEGIN IMMEDIATE` held): runs without yielding, so no other
 * connection of the same process can slip in between.
 */
export function applyMigrationsSync(
  steps: MigrationSteps<unknown> & {
    all(
      sql: string,
      params: Array<string | number>,
    ): Array<{ version: unknown; checksum: unknown }>;
  },
  component: string,
  migrations: readonly Migration[],
): number {
  steps.exec(CREATE_TABLE);
  const todo = pending(component, migrations, steps.all(SELECT_APPLIED, [component]));
  for (const migration of todo) {
    steps.exec(migration.sql);
    steps.query(INSERT_APPLIED, recordOf(component, migration));
  }
  return todo.length;
}
