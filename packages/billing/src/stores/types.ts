import type { Money } from '@tollgate/core';
import type {
  BillingActor,
  BillingEvent,
  ChainHead,
  LedgerCheckpoint,
  NewBillingEvent,
} from '../ledger/types.js';

/** A value that can be bound to a SQL placeholder. */
export type SqlValue = string | number | bigint | boolean | null | Date | Uint8Array;

/** A SQL engine a store runs on. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * Runs SQL. Placeholders are `$1`, `$2` … in both dialects (numbered, each
 * bound once by position). Rows come back as plain objects keyed by column;
 * PostgreSQL `bigint` columns come back as strings, SQLite integers as
 * `bigint`, so read integers with `BigInt(row.x)`.
 */
export interface SqlExecutor {
  readonly dialect: SqlDialect;
  /** Run one statement and return its rows (an empty list for statements without rows). */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlValue[],
  ): Promise<Row[]>;
  /** Run a script of one or more statements without parameters (DDL, migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The store's minimal SQL surface, for code that keeps its own tables in the
 * same database (`@tollgate/server-adapter`). `transaction` runs `fn` in one
 * transaction (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: one pooled connection,
 * READ COMMITTED), commits when it resolves and rolls back when it throws.
 */
export interface SqlSurface extends SqlExecutor {
  /** Run `fn` in one transaction; commit on success, roll back (and rethrow) on failure. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

/** A versioned schema migration for one dialect. */
export interface Migration {
  /** 1, 2, 3 …: applied in order, each once. */
  version: number;
  /** A short name, kept in the migrations table. */
  name: string;
  /** The SQL, possibly several statements. */
  sql: string;
}

/** An event ready to be appended: everything but its chain position and hashes. */
export interface EventDraft extends NewBillingEvent {
  id: string;
  createdAt: Date;
  /** `canonicalEventText` of this draft. */
  canonical: string;
}

/** What `Store.appendEvent` did: appended `event`, or found it already there under the same key. */
export interface AppendOutcome {
  event: BillingEvent;
  /** False when an event with the same tenant and idempotency key already existed (it is returned). */
  created: boolean;
}

/**
 * Which events `Store.listEvents` returns, in id order. The ledger makes ids
 * (UUID v7) whose millisecond is the event's `createdAt`, so id order is
 * (`createdAt`, `id`) order and a period is also an id range.
 */
export interface EventQuery {
  tenantId?: string;
  sessionId?: string;
  operation?: string;
  /** Only events an actor of this role caused. */
  actorRole?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  /** With `from`: the least id an event created at `from` can have (for index range scans). */
  fromId?: string;
  /** With `to`: the least id an event created at `to` can have. */
  toId?: string;
  /** Only events with a greater id (the last id of the page before). */
  after?: string;
  limit: number;
}

/** Which events `Store.totals` adds up. */
export interface TotalsQuery {
  tenantId?: string;
  operation?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  /** With `from`: the least id an event created at `from` can have. */
  fromId?: string;
  /** With `to`: the least id an event created at `to` can have. */
  toId?: string;
}

/** Events added up per tenant, operation and currency. */
export interface TotalsRow {
  tenantId: string;
  operation: string;
  currency: string;
  /** Charging events (not reversals). */
  charges: number;
  /** Reversing events. */
  reversals: number;
  /** Sum of all amounts, reversals included, in minor units. */
  net: bigint;
}

/** Where a two-phase billing intent stands. */
export type IntentStatus = 'pending' | 'committed' | 'voided';

/** A billing intent as stored: the pending half of a two-phase charge. */
export interface StoredIntent {
  id: string;
  tenantId: string;
  actor: BillingActor;
  sessionId: string | null;
  operation: string;
  tier: string | null;
  amount: Money;
  idempotencyKey: string;
  /** Canonical text of what was asked (operation, session, actor, tier, amount): a reused key must match it. */
  fingerprint: string;
  /** The quote the payer consented to, if any. */
  quoteId: string | null;
  /** Metadata decided at authorization (e.g. the transaction value), merged into the event. */
  metadata: Record<string, unknown>;
  status: IntentStatus;
  createdAt: Date;
  expiresAt: Date;
  resolvedAt: Date | null;
  voidReason: string | null;
  /** The billing event, once committed. */
  eventId: string | null;
  /** The quota window (`YYYY-MM` in the tenant's time zone) the intent counts in, when a quota applies. */
  quotaPeriod: string | null;
}

/** What `Store.openIntent` writes. */
export type IntentDraft = Omit<
  StoredIntent,
  'status' | 'resolvedAt' | 'voidReason' | 'eventId' | 'quotaPeriod'
>;

/** The quota an intent must fit in: at most `limit` pending + committed intents in `period`. */
export interface QuotaReservation {
  /** `YYYY-MM`, the month in the tenant's time zone. */
  period: string;
  limit: number;
}

/** What `Store.openIntent` did. */
export type OpenIntentOutcome =
  /** A new pending intent; `used` counts it, when a quota applies. */
  | { kind: 'created'; intent: StoredIntent; used: number | null }
  /** A pending or committed intent with the same tenant and key already existed. */
  | { kind: 'existing'; intent: StoredIntent }
  /** The quota is used up; nothing was written. */
  | { kind: 'quota_exceeded'; used: number }
  /** The quote was already consumed by another intent; nothing was written. */
  | { kind: 'quote_used' };

/** What `Store.commitIntent` did. */
export type CommitOutcome =
  | { kind: 'committed'; intent: StoredIntent; event: BillingEvent }
  /** The intent was already committed or voided. */
  | { kind: 'not_pending'; intent: StoredIntent }
  /** The intent had expired: it is now voided. */
  | { kind: 'expired'; intent: StoredIntent }
  /** Another event already holds the intent's idempotency key; nothing was written. */
  | { kind: 'key_taken'; event: BillingEvent }
  | { kind: 'missing' };

/** What `Store.voidIntent` did. */
export type VoidOutcome =
  | { kind: 'voided'; intent: StoredIntent }
  | { kind: 'not_pending'; intent: StoredIntent }
  | { kind: 'missing' };

/** A price quote given with a 402, which a payer may consent to. */
export interface StoredQuote {
  id: string;
  tenantId: string;
  sessionId: string | null;
  operation: string;
  /** The payer the quote was made for. */
  actor: BillingActor;
  tier: string | null;
  amount: Money;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Where billing keeps its state: the ledger's events and checkpoints, intents,
 * quotes and quota counters. Every method is atomic, and safe when several
 * processes (and, for PostgreSQL, machines) share the store: uniqueness and
 * counting are enforced by the database, never by in-memory maps. Migrations
 * run on first use.
 */
export interface Store {
  readonly dialect: 'memory' | SqlDialect;
  /** The SQL surface, for a SQL store; `undefined` for the memory store. */
  readonly sql: SqlSurface | undefined;
  /** Create or upgrade the schema (idempotent; also done on first use). */
  migrate(): Promise<void>;
  /** Release connections (the pool, when the store made it) or the database file. */
  close(): Promise<void>;

  /**
   * Append `draft` to its tenant's chain, or return the event that already has
   * its tenant and idempotency key (`created: false`; nothing written).
   */
  appendEvent(draft: EventDraft): Promise<AppendOutcome>;
  getEvent(id: string): Promise<BillingEvent | undefined>;
  findEvent(tenantId: string, idempotencyKey: string): Promise<BillingEvent | undefined>;
  /** The reversal of `eventId`, if one was appended. */
  findReversal(eventId: string): Promise<BillingEvent | undefined>;
  listEvents(query: EventQuery): Promise<BillingEvent[]>;
  totals(query: TotalsQuery): Promise<TotalsRow[]>;
  /** Up to `limit` events of a tenant's chain after `afterSequence`, in sequence order. */
  readChain(tenantId: string, afterSequence: bigint, limit: number): Promise<BillingEvent[]>;
  /** Every tenant that has events. */
  eventTenants(): Promise<string[]>;
  /** The stored head of every chain. */
  chainHeads(): Promise<ChainHead[]>;
  /** Append a checkpoint over every chain head, unless no head moved since the last one. */
  appendCheckpoint(createdAt: Date): Promise<LedgerCheckpoint | undefined>;
  readCheckpoints(afterSequence: bigint, limit: number): Promise<LedgerCheckpoint[]>;

  /** Write a pending intent, counting it against `quota` in the same transaction. */
  openIntent(draft: IntentDraft, quota: QuotaReservation | undefined): Promise<OpenIntentOutcome>;
  getIntent(id: string): Promise<StoredIntent | undefined>;
  /** The pending or committed intent of a tenant's idempotency key. */
  findIntent(tenantId: string, idempotencyKey: string): Promise<StoredIntent | undefined>;
  /** Mark a pending, unexpired intent committed and append its event, in one transaction. */
  commitIntent(id: string, now: Date, event: EventDraft): Promise<CommitOutcome>;
  /** Mark a pending intent voided and give its quota back, in one transaction. */
  voidIntent(id: string, reason: string, now: Date): Promise<VoidOutcome>;
  /** Void up to `limit` pending intents that expired at or before `now`; returns them, voided. */
  expireIntents(now: Date, limit: number): Promise<StoredIntent[]>;
  /** How many intents are in `status` (for one tenant, when given). */
  countIntents(status: IntentStatus, tenantId?: string): Promise<number>;
  /** Pending + committed intents counted in a quota window. */
  quotaUsed(tenantId: string, operation: string, period: string): Promise<number>;

  saveQuote(quote: StoredQuote): Promise<void>;
  getQuote(id: string): Promise<StoredQuote | undefined>;
  /** Delete quotes that expired before `before` (quotes are offers, not records); returns how many. */
  deleteQuotes(before: Date): Promise<number>;
}
