export { memoryStore } from './memory.js';
export { applyMigrations, MIGRATIONS_TABLE } from './migrations/apply.js';
export { POSTGRES_MIGRATIONS } from './migrations/postgres.js';
export { SQLITE_MIGRATIONS } from './migrations/sqlite.js';
export {
  type PgClientLike,
  type PgPoolLike,
  type PgPreparedQuery,
  POSTGRES_CHAIN_CHECK_SQL,
  type PostgresStoreOptions,
  postgresStore,
  type Row as PgRow,
} from './postgres.js';
export { type SqliteStoreOptions, sqliteStore } from './sqlite.js';
export type {
  AppendOutcome,
  CommitOutcome,
  EventDraft,
  EventQuery,
  IntentDraft,
  IntentStatus,
  Migration,
  OpenIntentOutcome,
  QuotaReservation,
  SqlDialect,
  SqlExecutor,
  SqlSurface,
  SqlValue,
  Store,
  StoredIntent,
  StoredQuote,
  TotalsQuery,
  TotalsRow,
  VoidOutcome,
} from './types.js';
