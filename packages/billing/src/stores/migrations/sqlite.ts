import type { Migration } from '../types.js';

/**
 * The billing schema for SQLite, one entry per version. A shipped entry is
 * never edited (its checksum is kept); a change is a new version. Times are
 * Unix milliseconds; metadata is JSON text.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger, intents, quotes and quotas',
    sql: `
-- Ids are UUID v7 whose millisecond is created_at: id order is time order, so
-- the primary key and one index per access path serve listing by time.
CREATE TABLE billing_events (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  sequence INTEGER NOT NULL CHECK (sequence > 0),
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  session_id TEXT,
  operation TEXT NOT NULL,
  tier TEXT,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  external_reference TEXT,
  reverses TEXT,
  metadata TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  canonical TEXT NOT NULL,
  CONSTRAINT billing_events_chain_position UNIQUE (tenant_id, sequence),
  CONSTRAINT billing_events_idempotency UNIQUE (tenant_id, idempotency_key)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX billing_events_one_reversal ON billing_events (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX billing_events_by_tenant ON billing_events (tenant_id, id);
CREATE INDEX billing_events_by_session ON billing_events (session_id, id) WHERE session_id IS NOT NULL;

-- One writer at a time holds the file (BEGIN IMMEDIATE), so no head row is
-- needed to lock a chain: a chain's head is its last event.
CREATE VIEW billing_chain_heads AS
  SELECT tenant_id, MAX(sequence) AS sequence, hash FROM billing_events GROUP BY tenant_id;

CREATE TABLE billing_checkpoints (
  sequence INTEGER PRIMARY KEY CHECK (sequence > 0),
  created_at INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  canonical TEXT NOT NULL
) STRICT;

CREATE TRIGGER billing_events_no_update BEFORE UPDATE ON billing_events
BEGIN SELECT RAISE(ABORT, 'billing_events is append-only: UPDATE rejected'); END;
CREATE TRIGGER billing_events_no_delete BEFORE DELETE ON billing_events
BEGIN SELECT RAISE(ABORT, 'billing_events is append-only: DELETE rejected'); END;
CREATE TRIGGER billing_checkpoints_no_update BEFORE UPDATE ON billing_checkpoints
BEGIN SELECT RAISE(ABORT, 'billing_checkpoints is append-only: UPDATE rejected'); END;
CREATE TRIGGER billing_checkpoints_no_delete BEFORE DELETE ON billing_checkpoints
BEGIN SELECT RAISE(ABORT, 'billing_checkpoints is append-only: DELETE rejected'); END;

CREATE TABLE billing_intents (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  session_id TEXT,
  operation TEXT NOT NULL,
  tier TEXT,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  quote_id TEXT,
  metadata TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'committed', 'voided')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  resolved_at INTEGER,
  void_reason TEXT,
  event_id TEXT,
  quota_period TEXT
) STRICT;
CREATE UNIQUE INDEX billing_intents_idempotency ON billing_intents (tenant_id, idempotency_key)
  WHERE status <> 'voided';
CREATE UNIQUE INDEX billing_intents_one_per_quote ON billing_intents (quote_id)
  WHERE quote_id IS NOT NULL AND status <> 'voided';
CREATE INDEX billing_intents_pending ON billing_intents (expires_at) WHERE status = 'pending';

CREATE TRIGGER billing_intents_resolve_once BEFORE UPDATE ON billing_intents
WHEN OLD.status <> 'pending'
BEGIN SELECT RAISE(ABORT, 'a resolved billing intent cannot change'); END;
CREATE TRIGGER billing_intents_no_delete BEFORE DELETE ON billing_intents
BEGIN SELECT RAISE(ABORT, 'billing intents cannot be deleted'); END;

CREATE TABLE billing_quota_usage (
  tenant_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  period TEXT NOT NULL,
  used INTEGER NOT NULL CHECK (used >= 0),
  PRIMARY KEY (tenant_id, operation, period)
) STRICT;

CREATE TABLE billing_quotes (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL,
  session_id TEXT,
  operation TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  tier TEXT,
  amount INTEGER NOT NULL,
  currency TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX billing_quotes_expiry ON billing_quotes (expires_at);
`,
  },
];
