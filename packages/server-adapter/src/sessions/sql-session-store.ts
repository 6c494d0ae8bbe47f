import type { SqlSurface } from '@tollgate/billing';
import type { LcFinding } from '@tollgate/connectors/swift-mt';
import { dateColumn, migrateServerTables } from '../storage/migrations.js';
import type { SessionStore, ValidationSession } from './session-store.js';

/** The tenants a session is shared with, oldest share first, as a JSON array text (per dialect). */
const SHARED_WITH = {
  sqlite: `(SELECT json_group_array(sw.tenant_id ORDER BY sw.shared_at, sw.tenant_id)
    FROM tollgate_session_shares sw WHERE sw.session_id = s.id)`,
  postgres: `(SELECT COALESCE(json_agg(sw.tenant_id ORDER BY sw.shared_at, sw.tenant_id), '[]')::text
    FROM tollgate_session_shares sw WHERE sw.session_id = s.id)`,
} as const;

/** `$2` owns the session `s` or it is shared with `$2`. */
const VISIBLE_TO = `s.id = $1 AND (s.tenant_id = $2 OR EXISTS (
  SELECT 1 FROM tollgate_session_shares sh WHERE sh.session_id = s.id AND sh.tenant_id = $2))`;

/** One read: the session if `$2` may see it, with its shares. */
const selectVisible = (dialect: keyof typeof SHARED_WITH) => `
SELECT s.id, s.tenant_id, s.created_at, s.document, s.findings, s.billing_recorded,
       s.billing_event_id, s.text, ${SHARED_WITH[dialect]} AS shared_with
FROM tollgate_sessions s WHERE ${VISIBLE_TO}`;

const INSERT_SHARE = `
INSERT INTO tollgate_session_shares (session_id, tenant_id, shared_at) VALUES ($1, $2, $3)
ON CONFLICT (session_id, tenant_id) DO NOTHING`;

/**
 * A session store in the billing store's database (`tollgate_sessions` and
 * `tollgate_session_shares`): sessions outlive the process and every server
 * process sharing the database sees them.
 */
export function sqlSessionStore(surface: SqlSurface): SessionStore {
  const ready = () => migrateServerTables(surface);

  const selectVisibleSession = selectVisible(surface.dialect);

  const read = async (id: string, tenantId: string): Promise<ValidationSession | undefined> => {
    const [row] = await surface.query(selectVisibleSession, [id, tenantId]);
    if (row === undefined) return undefined;
    return {
      id: String(row.id),
      tenantId: String(row.tenant_id),
      createdAt: dateColumn(row.created_at),
      document: JSON.parse(String(row.document)) as ValidationSession['document'],
      findings: JSON.parse(String(row.findings)) as LcFinding[],
      billingRecorded: Number(row.billing_recorded) === 1,
      billingEventId: row.billing_event_id === null ? null : String(row.billing_event_id),
      text: row.text === null ? null : String(row.text),
      sharedWith: (JSON.parse(String(row.shared_with)) as unknown[]).map(String),
    };
  };

  return {
    async save(session) {
      await ready();
      await surface.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO tollgate_sessions
             (id, tenant_id, created_at, document, findings, billing_recorded, billing_event_id, text)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (id) DO UPDATE SET findings = excluded.findings,
             billing_recorded = excluded.billing_recorded, billing_event_id = excluded.billing_event_id
           WHERE tollgate_sessions.tenant_id = excluded.tenant_id`,
          [
            session.id,
            session.tenantId,
            session.createdAt.getTime(),
            JSON.stringify(session.document),
            JSON.stringify(session.findings),
            session.billingRecorded ? 1 : 0,
            session.billingEventId,
            session.text,
          ],
        );
        for (const tenantId of session.sharedWith) {
          await tx.query(INSERT_SHARE, [session.id, tenantId, Date.now()]);
        }
      });
    },
    async get(id, tenantId) {
      await ready();
      return read(id, tenantId);
    },
    async visible(id, tenantId) {
      await ready();
      const [row] = await surface.query(
        `SELECT s.id, s.tenant_id FROM tollgate_sessions s WHERE ${VISIBLE_TO}`,
        [id, tenantId],
      );
      return row === undefined
        ? undefined
        : { id: String(row.id), tenantId: String(row.tenant_id) };
    },
    async share(id, ownerTenantId, tenantId) {
      await ready();
      const owned = await surface.query(
        'SELECT id FROM tollgate_sessions WHERE id = $1 AND tenant_id = $2',
        [id, ownerTenantId],
      );
      if (owned.length === 0) return undefined;
      await surface.query(INSERT_SHARE, [id, tenantId, Date.now()]);
      return read(id, ownerTenantId);
    },
  };
}
