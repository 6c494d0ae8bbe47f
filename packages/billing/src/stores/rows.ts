import { type Money, money } from '@tollgate/core';
import type { BillingEvent, LedgerCheckpoint } from '../ledger/types.js';
import type { IntentStatus, StoredIntent, StoredQuote } from './types.js';

type Row = Record<string, unknown>;

/** A SQL integer (PostgreSQL gives `bigint` as a string, SQLite as a `bigint`) as a `bigint`. */
export function sqlBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' || typeof value === 'string') return BigInt(value);
  throw new TypeError(`expected an integer column, got ${typeof value}`);
}

/** A SQL time (PostgreSQL `timestamptz`, SQLite Unix milliseconds) as a `Date`. */
export function sqlDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'bigint' || typeof value === 'number') return new Date(Number(value));
  if (typeof value === 'string') return new Date(value);
  throw new TypeError(`expected a time column, got ${typeof value}`);
}

function nullableDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : sqlDate(value);
}

function nullableText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function jsonObject(value: unknown): Record<string, unknown> {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TypeError('expected a JSON object column');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Money from a row. A currency that is no longer a known code (a tampered
 * row) still gives a value, so that `verify()` can report the row instead of
 * failing to read it.
 */
function rowMoney(amount: unknown, currency: unknown): Money {
  const minor = sqlBigInt(amount);
  try {
    return money(minor, String(currency));
  } catch {
    return Object.freeze({ amount: minor, currency: String(currency) });
  }
}

/** A `billing_events` row as a {@link BillingEvent}. */
export function eventFromRow(row: Row): BillingEvent {
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    sequence: sqlBigInt(row.sequence),
    actor: { id: String(row.actor_id), role: String(row.actor_role) },
    sessionId: nullableText(row.session_id),
    operation: String(row.operation),
    tier: nullableText(row.tier),
    amount: rowMoney(row.amount, row.currency),
    idempotencyKey: String(row.idempotency_key),
    externalReference: nullableText(row.external_reference),
    reverses: nullableText(row.reverses),
    metadata: jsonObject(row.metadata),
    createdAt: sqlDate(row.created_at),
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
    canonical: String(row.canonical),
  };
}

/** A `billing_intents` row as a {@link StoredIntent}. */
export function intentFromRow(row: Row): StoredIntent {
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    actor: { id: String(row.actor_id), role: String(row.actor_role) },
    sessionId: nullableText(row.session_id),
    operation: String(row.operation),
    tier: nullableText(row.tier),
    amount: rowMoney(row.amount, row.currency),
    idempotencyKey: String(row.idempotency_key),
    fingerprint: String(row.fingerprint),
    quoteId: nullableText(row.quote_id),
    metadata: jsonObject(row.metadata),
    status: String(row.status) as IntentStatus,
    createdAt: sqlDate(row.created_at),
    expiresAt: sqlDate(row.expires_at),
    resolvedAt: nullableDate(row.resolved_at),
    voidReason: nullableText(row.void_reason),
    eventId: nullableText(row.event_id),
    quotaPeriod: nullableText(row.quota_period),
  };
}

/** A `billing_quotes` row as a {@link StoredQuote}. */
export function quoteFromRow(row: Row): StoredQuote {
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    sessionId: nullableText(row.session_id),
    operation: String(row.operation),
    actor: { id: String(row.actor_id), role: String(row.actor_role) },
    tier: nullableText(row.tier),
    amount: rowMoney(row.amount, row.currency),
    createdAt: sqlDate(row.created_at),
    expiresAt: sqlDate(row.expires_at),
  };
}

/**
 * A `billing_checkpoints` row as a {@link LedgerCheckpoint}. The heads are read
 * from the hashed canonical text itself, so they cannot differ from it.
 */
export function checkpointFromRow(row: Row): LedgerCheckpoint {
  const canonical = String(row.canonical);
  let heads: LedgerCheckpoint['heads'] = [];
  try {
    const parsed = JSON.parse(canonical) as {
      heads?: Array<{ tenantId: string; sequence: string; hash: string }>;
    };
    heads = (parsed.heads ?? []).map((head) => ({
      tenantId: String(head.tenantId),
      sequence: BigInt(head.sequence),
      hash: String(head.hash),
    }));
  } catch {
    // Unreadable text: verify() reports it, since the rebuilt text will differ.
  }
  return {
    sequence: sqlBigInt(row.sequence),
    createdAt: sqlDate(row.created_at),
    heads,
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
    canonical,
  };
}
