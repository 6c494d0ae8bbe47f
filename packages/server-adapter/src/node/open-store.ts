import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { postgresStore, type Store, sqliteStore } from '@tollgate/billing';
import type { DatabaseLocation } from './config.js';

/**
 * Open the billing store (and so the server's tables) at `location`: a SQLite
 * file, whose folder is created when missing, or a PostgreSQL server (the
 * optional `pg` package must be installed).
 */
export function openStore(location: DatabaseLocation): Store {
  if (location.kind === 'postgres') {
    return postgresStore({ connectionString: location.connectionString });
  }
  if (location.path !== ':memory:') mkdirSync(dirname(location.path), { recursive: true });
  return sqliteStore({ path: location.path });
}
