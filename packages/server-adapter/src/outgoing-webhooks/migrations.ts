import type { Migration } from '@tollgate/billing';
import { migrateOncePerSurface } from '../storage/migrations.js';

/** The component name the outgoing-webhook migrations are recorded under (`tollgate_migrations`). */
export const WEBHOOK_MIGRATIONS_COMPONENT = 'server-adapter-webhooks';

/** The table of tenants' webhook endpoints (subscriptions). */
export const WEBHOOK_ENDPOINTS_TABLE = 'tollgate_webhook_endpoints';

/** The table of deliveries: one row per (endpoint, event), with its attempts and lease. */
export const WEBHOOK_DELIVERIES_TABLE = 'tollgate_webhook_deliveries';

/**
 * The outgoing-webhook tables, the same SQL for SQLite and PostgreSQL:
 * instants are epoch milliseconds (`BIGINT`), the event filters JSON text.
 *
 * Endpoints: `secret` is the `whsec_…` signing secret (it has to be kept to
 * sign; it is erased when the endpoint is disabled), `disabled_at` set by
 * `DELETE`. Deliveries: `status` is `pending` (not attempted yet),
 * `failed` (an attempt failed, the next is due at `next_attempt_at`),
 * `delivered` or `dead`; `attempts` counts finished attempts;
 * `first_attempt_at` anchors the retry schedule; `locked_until` and
 * `claim_token` are a worker's lease on a delivery it is attempting.
 */
export const WEBHOOK_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'outgoing webhook endpoints and deliveries',
    sql: `
CREATE TABLE IF NOT EXISTS ${WEBHOOK_ENDPOINTS_TABLE} (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  description TEXT,
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  disabled_at BIGINT
);
CREATE INDEX IF NOT EXISTS tollgate_webhook_endpoints_tenant
  ON ${WEBHOOK_ENDPOINTS_TABLE} (tenant_id, created_at);
CREATE TABLE IF NOT EXISTS ${WEBHOOK_DELIVERIES_TABLE} (
  id TEXT PRIMARY KEY,
  endpoint_id TEXT NOT NULL REFERENCES ${WEBHOOK_ENDPOINTS_TABLE} (id),
  tenant_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT,
  first_attempt_at BIGINT,
  locked_until BIGINT,
  claim_token TEXT,
  last_status_code INTEGER,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  delivered_at BIGINT,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX IF NOT EXISTS tollgate_webhook_deliveries_due
  ON ${WEBHOOK_DELIVERIES_TABLE} (next_attempt_at)
  WHERE status IN ('pending', 'failed');
CREATE INDEX IF NOT EXISTS tollgate_webhook_deliveries_log
  ON ${WEBHOOK_DELIVERIES_TABLE} (endpoint_id, created_at);`,
  },
];

/** Create or upgrade the outgoing-webhook tables in `surface`'s database (once per surface per process). */
export const migrateWebhookTables = migrateOncePerSurface(
  WEBHOOK_MIGRATIONS_COMPONENT,
  WEBHOOK_MIGRATIONS,
);
