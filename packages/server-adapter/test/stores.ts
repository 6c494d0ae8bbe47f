import type { Store } from '@tollgate/billing';
import { postgresFactory, sqliteFactory } from '../../billing/test/fixtures/stores.js';

/** A billing store with a SQL surface, made fresh for one test, and how to make another handle on the same database. */
export interface TestDatabase {
  store: Store;
  /** A second, independent store on the same database (another process's view). */
  reopen(): Store;
  dispose(): Promise<void>;
}

/**
 * The SQL dialects the server supports, each a factory of a fresh
 * {@link TestDatabase} — billing's own test stores (a temporary SQLite file; a
 * fresh PostgreSQL schema, skipped loudly when PostgreSQL is down outside CI).
 */
export const SQL_DATABASES: ReadonlyArray<{
  dialect: 'sqlite' | 'postgres';
  skip: boolean;
  open(): Promise<TestDatabase>;
}> = [sqliteFactory, postgresFactory].map((factory) => ({
  dialect: factory.name as 'sqlite' | 'postgres',
  skip: !factory.available,
  async open() {
    const created = await factory.create();
    return { store: created.store, reopen: created.reopen, dispose: created.cleanup };
  },
}));
