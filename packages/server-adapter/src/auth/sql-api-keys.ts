import type { SqlSurface } from '@tollgate/billing';
import { dateColumn, migrateServerTables, optionalDateColumn } from '../storage/migrations.js';
import {
  type ApiKeyRecords,
  type ApiKeyRole,
  type ApiKeyScope,
  type ApiKeyStore,
  type ApiKeyStoreOptions,
  createApiKeyStore,
  type StoredApiKey,
} from './api-keys.js';

const COLUMNS = 'prefix, hash, tenant_id, role, scopes, label, created_at, revoked_at';

function keyFromRow(row: Record<string, unknown>): StoredApiKey {
  return {
    prefix: String(row.prefix),
    hash: String(row.hash),
    tenantId: String(row.tenant_id),
    role: String(row.role) as ApiKeyRole,
    scopes: JSON.parse(String(row.scopes)) as ApiKeyScope[],
    label: row.label === null ? null : String(row.label),
    createdAt: dateColumn(row.created_at),
    revokedAt: optionalDateColumn(row.revoked_at),
  };
}

/** Key rows in the `tollgate_api_keys` table of `surface`'s database. */
function sqlApiKeyRecords(surface: SqlSurface): ApiKeyRecords {
  const ready = () => migrateServerTables(surface);
  return {
    async insert(key) {
      await ready();
      const rows = await surface.query(
        `INSERT INTO tollgate_api_keys (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (prefix) DO NOTHING RETURNING prefix`,
        [
          key.prefix,
          key.hash,
          key.tenantId,
          key.role,
          JSON.stringify(key.scopes),
          key.label,
          key.createdAt.getTime(),
          key.revokedAt?.getTime() ?? null,
        ],
      );
      return rows.length === 1;
    },
    async byPrefix(prefix) {
      await ready();
      const [row] = await surface.query(
        `SELECT ${COLUMNS} FROM tollgate_api_keys WHERE prefix = $1`,
        [prefix],
      );
      return row === undefined ? undefined : keyFromRow(row);
    },
    async revoke(prefix, at) {
      await ready();
      const rows = await surface.query(
        `UPDATE tollgate_api_keys SET revoked_at = $2
         WHERE prefix = $1 AND (revoked_at IS NULL OR revoked_at > $2) RETURNING prefix`,
        [prefix, at.getTime()],
      );
      return rows.length === 1;
    },
    async list(tenantId) {
      await ready();
      const rows = await surface.query(
        `SELECT ${COLUMNS} FROM tollgate_api_keys WHERE tenant_id = $1`,
        [tenantId],
      );
      return rows.map(keyFromRow);
    },
  };
}

/**
 * An API-key store in the billing store's database (`store.sql`, SQLite or
 * PostgreSQL): keys survive restarts and every server process sharing the
 * database sees the same keys. Only the prefix and the SHA-256 are kept.
 */
export function sqlApiKeyStore(surface: SqlSurface, options: ApiKeyStoreOptions = {}): ApiKeyStore {
  return createApiKeyStore(sqlApiKeyRecords(surface), options);
}
