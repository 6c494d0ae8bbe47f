import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { postgresStore } from '../src/stores/postgres.js';
import { sqliteStore } from '../src/stores/sqlite.js';
import type { Store } from '../src/stores/types.js';

/** The PostgreSQL server the bench uses (the tests' by default). */
export const BENCH_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The columns of a raw baseline row: the shape of `billing_events`, without chain or triggers. */
export const RAW_TABLE_COLUMNS = `
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, actor_id TEXT NOT NULL, actor_role TEXT NOT NULL,
  session_id TEXT, operation TEXT NOT NULL, amount BIGINT NOT NULL, currency TEXT NOT NULL,
  idempotency_key TEXT NOT NULL, metadata TEXT NOT NULL, created_at BIGINT NOT NULL`;

/** A throwaway SQLite file and a raw connection beside the store, same durability (WAL, synchronous FULL). */
export function sqliteBench() {
  const dir = mkdtempSync(join(tmpdir(), 'tg-bench-'));
  const store = sqliteStore({ path: join(dir, 'ledger.db') });
  const raw = new DatabaseSync(join(dir, 'raw.db'));
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec(`CREATE TABLE raw_events (${RAW_TABLE_COLUMNS})`);
  return {
    store,
    raw,
    async close() {
      await store.close();
      raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether the bench's PostgreSQL answers. */
export async function postgresUp(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: BENCH_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A throwaway schema with the store and a raw pool of `size` connections. */
export async function postgresBench(size: number) {
  const schema = `tg_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store: Store = postgresStore({ connectionString: BENCH_DATABASE_URL, schema, max: size });
  await store.migrate();
  const raw = new pg.Pool({
    connectionString: BENCH_DATABASE_URL,
    max: size,
    options: `-c search_path=${schema}`,
  });
  await raw.query(`CREATE TABLE raw_events (${RAW_TABLE_COLUMNS})`);
  return {
    store,
    raw,
    async close() {
      await store.close();
      await raw.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
