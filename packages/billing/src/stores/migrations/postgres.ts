import type { Migration } from '../types.js';

/**
 * The billing schema for PostgreSQL, one entry per version. A shipped entry
 * is never edited (its checksum is kept); a change is a new version.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger, intents, quotes and quotas',
    sql: `
-- Ids are UUID v7 whose millisecond is created_at: id order is time order, so
-- one index per access path serves both (byte order, hence COLLATE "C").
CREATE TABLE billing_events (
  id text COLLATE "C" PRIMARY KEY,
  tenant_id text NOT NULL,
  sequence bigint NOT NULL CHECK (sequence > 0),
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  session_id text,
  operation text NOT NULL,
  tier text,
  amount bigint NOT NULL,
  currency text NOT NULL,
  idempotency_key text NOT NULL,
  external_reference text,
  reverses text,
  metadata jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  canonical text NOT NULL,
  CONSTRAINT billing_events_chain_position UNIQUE (tenant_id, sequence),
  CONSTRAINT billing_events_idempotency UNIQUE (tenant_id, idempotency_key)
);
CREATE UNIQUE INDEX billing_events_one_reversal ON billing_events (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX billing_events_by_tenant ON billing_events (tenant_id, id);
CREATE INDEX billing_events_by_session ON billing_events (session_id, id) WHERE session_id IS NOT NULL;

-- One row per tenant chain, locked by each append to that tenant only. The
-- append's upsert computes the new hash here and keeps the previous one, so
-- that one statement both links and locks.
CREATE TABLE billing_chain_heads (
  tenant_id text PRIMARY KEY,
  sequence bigint NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

CREATE TABLE billing_checkpoints (
  sequence bigint PRIMARY KEY CHECK (sequence > 0),
  created_at timestamptz NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  canonical text NOT NULL
);

CREATE FUNCTION billing_reject_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% is append-only: % rejected', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'raise_exception', HINT = 'append a reversing event instead';
END
$fn$;

CREATE TRIGGER billing_events_append_only BEFORE UPDATE OR DELETE ON billing_events
  FOR EACH ROW EXECUTE FUNCTION billing_reject_change();
CREATE TRIGGER billing_events_no_truncate BEFORE TRUNCATE ON billing_events
  FOR EACH STATEMENT EXECUTE FUNCTION billing_reject_change();
CREATE TRIGGER billing_checkpoints_append_only BEFORE UPDATE OR DELETE ON billing_checkpoints
  FOR EACH ROW EXECUTE FUNCTION billing_reject_change();
CREATE TRIGGER billing_checkpoints_no_truncate BEFORE TRUNCATE ON billing_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION billing_reject_change();

CREATE TABLE billing_intents (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  session_id text,
  operation text NOT NULL,
  tier text,
  amount bigint NOT NULL,
  currency text NOT NULL,
  idempotency_key text NOT NULL,
  fingerprint text NOT NULL,
  quote_id text,
  metadata jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'committed', 'voided')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  resolved_at timestamptz,
  void_reason text,
  event_id text,
  quota_period text
);
CREATE UNIQUE INDEX billing_intents_idempotency ON billing_intents (tenant_id, idempotency_key)
  WHERE status <> 'voided';
CREATE UNIQUE INDEX billing_intents_one_per_quote ON billing_intents (quote_id)
  WHERE quote_id IS NOT NULL AND status <> 'voided';
CREATE INDEX billing_intents_pending ON billing_intents (expires_at) WHERE status = 'pending';

-- An intent resolves once: only a pending intent may change, and none is deleted.
CREATE FUNCTION billing_intent_resolves_once() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'billing intent % is % and cannot change', OLD.id, OLD.status
      USING ERRCODE = 'raise_exception';
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER billing_intents_resolve_once BEFORE UPDATE OR DELETE ON billing_intents
  FOR EACH ROW EXECUTE FUNCTION billing_intent_resolves_once();

CREATE TABLE billing_quota_usage (
  tenant_id text NOT NULL,
  operation text NOT NULL,
  period text NOT NULL,
  used integer NOT NULL CHECK (used >= 0),
  PRIMARY KEY (tenant_id, operation, period)
);

CREATE TABLE billing_quotes (
  id text PRIMARY KEY,
  tenant_id text NOT NULL,
  session_id text,
  operation text NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  tier text,
  amount bigint NOT NULL,
  currency text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX billing_quotes_expiry ON billing_quotes (expires_at);
`,
  },
];
