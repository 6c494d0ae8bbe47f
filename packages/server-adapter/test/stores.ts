import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresStore, type Store, sqliteStore } from '@tollgate/billing';
import { createTestSchema, postgresReachable } from '../../billing/test/fixtures/postgres.js';

/** A billing store with a SQL surface, made fresh for one test, and how to make another handle on the same database. */
export interface TestDatabase {
  store: Store;
  /** A second, independent store on the same database (another process's view). */
  reopen(): Store;
  dispose(): Promise<void>;
}

/** The SQL dialects the server supports, each a factory of a fresh {@link TestDatabase}. */
export const SQL_DATABASES: ReadonlyArray<{
  dialect: 'sqlite' | 'postgres';
  skip: boolean;
  open(): Promise<TestDatabase>;
}> = [
  {
    dialect: 'sqlite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'tollgate-server-db-'));
      const path = join(dir, 'tollgate.db');
      const opened: Store[] = [];
      const make = () => {
        const store = sqliteStore({ path });
        opened.push(store);
        return store;
      };
      return {
        store: make(),
        reopen: make,
        async dispose() {
          for (const store of opened) await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    dialect: 'postgres',
    skip: !postgresReachable,
    async open() {
      const schema = await createTestSchema();
      const opened: Store[] = [];
      const make = () => {
        const store = postgresStore({
          connectionString: schema.connectionString,
          schema: schema.schema,
          max: 4,
        });
        opened.push(store);
        return store;
      };
      return {
        store: make(),
        reopen: make,
        async dispose() {
          for (const store of opened) await store.close();
          await schema.drop();
        },
      };
    },
  },
];
