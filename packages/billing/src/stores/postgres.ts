import { createHash } from 'node:crypto';
import { ValidationError } from '@tollgate/core';
import { buildCheckpoint, sameChainHeads } from '../ledger/hash-chain.js';
import type { BillingEvent, ChainHead, LedgerCheckpoint } from '../ledger/types.js';
import { applyMigrations } from './migrations/apply.js';
import { POSTGRES_MIGRATIONS } from './migrations/postgres.js';
import { checkpointFromRow, eventFromRow, intentFromRow, quoteFromRow, sqlBigInt } from './rows.js';
import { listEventsStatement, totalsStatement } from './sql-statements.js';
import type {
  AppendOutcome,
  CommitOutcome,
  EventDraft,
  EventQuery,
  IntentDraft,
  IntentStatus,
  OpenIntentOutcome,
  QuotaReservation,
  SqlExecutor,
  SqlSurface,
  SqlValue,
  Store,
  StoredIntent,
  StoredQuote,
  TotalsQuery,
  TotalsRow,
  VoidOutcome,
} from './types.js';

/** A result row as `pg` returns it. */
export type Row = Record<string, unknown>;

/**
 * Re-check every tenant's chain from SQL alone (no Tollgate code): returns one
 * row (`tenant_id`, `sequence`, `id`, `reason`) per broken link, none when the
 * ledger is intact. `reason` is `sequence_gap`, `prev_hash_mismatch`,
 * `hash_mismatch` (the stored hash is not SHA-256 over `prev_hash || canonical`)
 * or `row_mismatch` (a column differs from the hashed canonical text). Run it
 * in the schema that holds `billing_events`.
 */
export const POSTGRES_CHAIN_CHECK_SQL = `
SELECT tenant_id, sequence, id, reason FROM (
  SELECT tenant_id, sequence, id,
    CASE
      WHEN sequence <> coalesce(prev_sequence, 0) + 1 THEN 'sequence_gap'
      WHEN prev_hash <> coalesce(expected_prev, '') THEN 'prev_hash_mismatch'
      WHEN hash <> encode(sha256(convert_to(prev_hash || canonical, 'UTF8')), 'hex') THEN 'hash_mismatch'
      WHEN c->>'id' IS DISTINCT FROM id
        OR c->>'tenantId' IS DISTINCT FROM tenant_id
        OR c->'actor'->>'id' IS DISTINCT FROM actor_id
        OR c->'actor'->>'role' IS DISTINCT FROM actor_role
        OR c->>'sessionId' IS DISTINCT FROM session_id
        OR c->>'operation' IS DISTINCT FROM operation
        OR c->>'tier' IS DISTINCT FROM tier
        OR (c->>'amount')::numeric IS DISTINCT FROM amount
        OR c->>'currency' IS DISTINCT FROM currency
        OR c->>'idempotencyKey' IS DISTINCT FROM idempotency_key
        OR c->>'externalReference' IS DISTINCT FROM external_reference
        OR c->>'reverses' IS DISTINCT FROM reverses
        OR c->'metadata' IS DISTINCT FROM metadata
        OR (c->>'createdAt')::timestamptz IS DISTINCT FROM created_at THEN 'row_mismatch'
    END AS reason
  FROM (
    SELECT e.*, canonical::jsonb AS c,
      lag(hash) OVER w AS expected_prev, lag(sequence) OVER w AS prev_sequence
    FROM billing_events e
    WINDOW w AS (PARTITION BY tenant_id ORDER BY sequence)
  ) links
) checked
WHERE reason IS NOT NULL
ORDER BY tenant_id, sequence`;

/** A statement `pg` prepares once per connection under `name` and then only binds. */
export interface PgPreparedQuery {
  name: string;
  text: string;
  values: unknown[];
}

/** The part of a `pg` client the store uses (a `pg.PoolClient` fits). */
export interface PgClientLike {
  query(sql: string | PgPreparedQuery, params?: unknown[]): Promise<{ rows: Row[] }>;
  release(error?: Error | boolean): void;
}

/** The part of a `pg.Pool` the store uses. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
  query(sql: string | PgPreparedQuery, params?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}

/** Options of {@link postgresStore}: a connection string (the store makes and owns a pool) or a pool of yours. */
export interface PostgresStoreOptions {
  /** `postgres://user@host:5432/db`; the store makes a `pg.Pool` and ends it on `close()`. */
  connectionString?: string;
  /** A `pg.Pool` you own (it is not ended by `close()`); point its `search_path` where the tables go. */
  pool?: PgPoolLike;
  /** With `connectionString`: the schema the tables live in (created when missing); default `search_path`. */
  schema?: string;
  /** With `connectionString`: the pool's size; default 10. */
  max?: number;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** Deadlock and serialization failures: the transaction is safe to run again. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

function pgParams(params: readonly SqlValue[]): unknown[] {
  return params.map((value) => (typeof value === 'bigint' ? value.toString() : value));
}

function isRetryable(error: unknown): boolean {
  return RETRYABLE_CODES.has(String((error as { code?: unknown })?.code));
}

const same = (date: Date) => date;

const APPEND_EVENT_SQL = `
WITH head AS (
  INSERT INTO billing_chain_heads AS h (tenant_id, sequence, prev_hash, hash)
  VALUES ($2, 1, '', encode(sha256(convert_to($15::text, 'UTF8')), 'hex'))
  ON CONFLICT (tenant_id) DO UPDATE SET
    sequence = h.sequence + 1,
    prev_hash = h.hash,
    hash = encode(sha256(convert_to(h.hash || $15::text, 'UTF8')), 'hex')
  RETURNING h.sequence, h.prev_hash, h.hash
)
INSERT INTO billing_events (id, tenant_id, sequence, actor_id, actor_role, session_id, operation,
  tier, amount, currency, idempotency_key, external_reference, reverses, metadata, created_at,
  prev_hash, hash, canonical)
SELECT $1::text, $2::text, head.sequence, $3::text, $4::text, $5::text, $6::text, $7::text,
  $8::bigint, $9::text, $10::text, $11::text, $12::text, $13::jsonb, $14::timestamptz,
  head.prev_hash, head.hash, $15::text
FROM head
RETURNING sequence, prev_hash, hash`;

const statementNames = new Map<string, string>();

/**
 * The store's own statements, prepared once per connection: PostgreSQL then
 * skips parsing and planning on every call. Only the store's fixed SQL is
 * named this way (a bounded set), never the SQL surface's.
 */
function prepared(text: string, params: readonly SqlValue[]): PgPreparedQuery {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `tollgate_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return { name, text, values: pgParams(params) };
}

/**
 * The PostgreSQL store, on `pg` (an optional peer dependency), for several
 * processes and machines sharing one ledger. Each tenant's chain head is one
 * row, locked by an append to that tenant only; uniqueness (idempotency keys,
 * one reversal per event, one intent per quote) is enforced by unique indexes;
 * quota counters are rows updated in the same transaction as the intents.
 */
export function postgresStore(options: PostgresStoreOptions): Store {
  const hasString = typeof options.connectionString === 'string';
  const hasPool = options.pool !== undefined;
  if (hasString === hasPool) {
    throw new ValidationError('postgresStore needs exactly one of connectionString and pool', [
      { path: [], code: 'invalid_options', message: 'give connectionString or pool, not both' },
    ]);
  }
  if (options.schema !== undefined && (!hasString || !SCHEMA_NAME.test(options.schema))) {
    throw new ValidationError('postgresStore: invalid schema option', [
      {
        path: ['schema'],
        code: 'invalid_schema',
        message:
          'schema must be an identifier ([A-Za-z_][A-Za-z0-9_]*) and goes with connectionString',
      },
    ]);
  }
  return new PostgresStore(options);
}

async function makePool(options: PostgresStoreOptions): Promise<PgPoolLike> {
  let pg: typeof import('pg');
  try {
    pg = await import('pg');
  } catch (error) {
    throw new Error('postgresStore needs the `pg` package: install it next to @tollgate/billing', {
      cause: error,
    });
  }
  const Pool = pg.default?.Pool ?? pg.Pool;
  return new Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  }) as unknown as PgPoolLike;
}

class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  readonly sql: SqlSurface;
  readonly #options: PostgresStoreOptions;
  #pool: Promise<PgPoolLike> | undefined;
  #ready: Promise<PgPoolLike> | undefined;
  /** The pool once migrated, so that calls skip an await. */
  #pool_: PgPoolLike | undefined;

  constructor(options: PostgresStoreOptions) {
    this.#options = options;
    this.sql = {
      dialect: 'postgres',
      query: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) => {
        const pool = await this.#migrated();
        return (await pool.query(sql, pgParams(params))).rows as R[];
      },
      exec: async (sql: string) => {
        const pool = await this.#migrated();
        await pool.query(sql);
      },
      transaction: async (fn) => this.#transaction(await this.#migrated(), fn, false),
    };
  }

  #connect(): Promise<PgPoolLike> {
    this.#pool ??=
      this.#options.pool === undefined
        ? makePool(this.#options)
        : Promise.resolve(this.#options.pool);
    return this.#pool;
  }

  #migrated(): Promise<PgPoolLike> {
    this.#ready ??= this.#runMigrations().then(
      (pool) => {
        this.#pool_ = pool;
        return pool;
      },
      (error: unknown) => {
        this.#ready = undefined;
        throw error;
      },
    );
    return this.#ready;
  }

  async #runMigrations(): Promise<PgPoolLike> {
    const pool = await this.#connect();
    const schema = this.#options.schema;
    if (schema !== undefined) {
      await this.#transaction(
        pool,
        async (tx) => {
          await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
            `tollgate-schema:${schema}`,
          ]);
          await tx.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        },
        false,
      );
    }
    const surface: SqlSurface = {
      dialect: 'postgres',
      query: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) =>
        (await pool.query(sql, pgParams(params))).rows as R[],
      exec: async (sql) => {
        await pool.query(sql);
      },
      transaction: (fn) => this.#transaction(pool, fn, false),
    };
    await applyMigrations(surface, 'billing', POSTGRES_MIGRATIONS);
    return pool;
  }

  /** Run `fn` in one transaction on one connection; run it again after a deadlock when `retry`. */
  async #transaction<T>(
    pool: PgPoolLike,
    fn: (tx: SqlExecutor) => Promise<T>,
    internal = true,
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      const tx: SqlExecutor = {
        dialect: 'postgres',
        query: async <R extends Row>(sql: string, params: readonly SqlValue[] = []) =>
          (internal
            ? await client.query(prepared(sql, params))
            : await client.query(sql, pgParams(params))
          ).rows as R[],
        exec: async (sql) => {
          await client.query(sql);
        },
      };
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        if (!internal || attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  async #rows(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const pool = this.#pool_ ?? (await this.#migrated());
    return (await pool.query(prepared(sql, params))).rows;
  }

  async #write<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#transaction(this.#pool_ ?? (await this.#migrated()), fn);
  }

  async migrate(): Promise<void> {
    await this.#migrated();
  }

  async close(): Promise<void> {
    if (this.#options.pool !== undefined || this.#pool === undefined) return;
    const pool = await this.#pool.catch(() => undefined);
    this.#pool = undefined;
    this.#ready = undefined;
    this.#pool_ = undefined;
    await pool?.end();
  }

  // ── ledger ──────────────────────────────────────────────────────────────

  /**
   * Append in one statement: upserting the tenant's head row locks it (for this
   * tenant only) and computes the new hash in SQL; the event row is inserted
   * from it. A taken idempotency key fails the statement (unique violation),
   * which rolls the head back; the caller then reads the event that holds it.
   */
  async #insertEvent(tx: SqlExecutor | undefined, draft: EventDraft): Promise<BillingEvent> {
    const params: SqlValue[] = [
      draft.id,
      draft.tenantId,
      draft.actor.id,
      draft.actor.role,
      draft.sessionId,
      draft.operation,
      draft.tier,
      draft.amount.amount,
      draft.amount.currency,
      draft.idempotencyKey,
      draft.externalReference,
      draft.reverses,
      JSON.stringify(draft.metadata),
      draft.createdAt,
      draft.canonical,
    ];
    const [row] =
      tx === undefined
        ? await this.#rows(APPEND_EVENT_SQL, params)
        : await tx.query(APPEND_EVENT_SQL, params);
    if (row === undefined) throw new Error('the billing event insert returned no row');
    const { canonical, ...fields } = draft;
    return {
      ...fields,
      sequence: sqlBigInt(row.sequence),
      prevHash: String(row.prev_hash),
      hash: String(row.hash),
      canonical,
    };
  }

  async appendEvent(draft: EventDraft): Promise<AppendOutcome> {
    try {
      return { event: await this.#insertEvent(undefined, draft), created: true };
    } catch (error) {
      if (!isKeyTaken(error)) throw error;
      const existing = await this.findEvent(draft.tenantId, draft.idempotencyKey);
      if (existing === undefined) throw error;
      return { event: existing, created: false };
    }
  }

  async getEvent(id: string): Promise<BillingEvent | undefined> {
    const [row] = await this.#rows('SELECT * FROM billing_events WHERE id = $1', [id]);
    return row === undefined ? undefined : eventFromRow(row);
  }

  async findEvent(tenantId: string, idempotencyKey: string): Promise<BillingEvent | undefined> {
    const [row] = await this.#rows(
      'SELECT * FROM billing_events WHERE tenant_id = $1 AND idempotency_key = $2',
      [tenantId, idempotencyKey],
    );
    return row === undefined ? undefined : eventFromRow(row);
  }

  async findReversal(eventId: string): Promise<BillingEvent | undefined> {
    const [row] = await this.#rows('SELECT * FROM billing_events WHERE reverses = $1', [eventId]);
    return row === undefined ? undefined : eventFromRow(row);
  }

  async listEvents(query: EventQuery): Promise<BillingEvent[]> {
    const { sql, params } = listEventsStatement(query, same);
    return (await this.#rows(sql, params)).map(eventFromRow);
  }

  async totals(query: TotalsQuery): Promise<TotalsRow[]> {
    const { sql, params } = totalsStatement(query, same);
    return (await this.#rows(sql, params)).map((row) => ({
      tenantId: String(row.tenant_id),
      operation: String(row.operation),
      currency: String(row.currency),
      charges: Number(row.charges),
      reversals: Number(row.reversals),
      net: sqlBigInt(row.net),
    }));
  }

  async readChain(tenantId: string, afterSequence: bigint, limit: number): Promise<BillingEvent[]> {
    const rows = await this.#rows(
      'SELECT * FROM billing_events WHERE tenant_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3',
      [tenantId, afterSequence, limit],
    );
    return rows.map(eventFromRow);
  }

  async eventTenants(): Promise<string[]> {
    const rows = await this.#rows(
      'SELECT DISTINCT tenant_id FROM billing_events ORDER BY tenant_id',
    );
    return rows.map((row) => String(row.tenant_id));
  }

  async chainHeads(): Promise<ChainHead[]> {
    return headsFrom(await this.#rows('SELECT * FROM billing_chain_heads ORDER BY tenant_id'));
  }

  appendCheckpoint(createdAt: Date): Promise<LedgerCheckpoint | undefined> {
    return this.#write(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        'tollgate-checkpoints',
      ]);
      const heads = headsFrom(
        await tx.query('SELECT * FROM billing_chain_heads ORDER BY tenant_id'),
      );
      const [lastRow] = await tx.query(
        'SELECT * FROM billing_checkpoints ORDER BY sequence DESC LIMIT 1',
      );
      const last = lastRow === undefined ? undefined : checkpointFromRow(lastRow);
      if (last !== undefined && sameChainHeads(last.heads, heads)) return undefined;
      const checkpoint = buildCheckpoint(last, createdAt, heads);
      await tx.query(
        'INSERT INTO billing_checkpoints (sequence, created_at, prev_hash, hash, canonical) VALUES ($1, $2, $3, $4, $5)',
        [
          checkpoint.sequence,
          createdAt,
          checkpoint.prevHash,
          checkpoint.hash,
          checkpoint.canonical,
        ],
      );
      return checkpoint;
    });
  }

  async readCheckpoints(afterSequence: bigint, limit: number): Promise<LedgerCheckpoint[]> {
    const rows = await this.#rows(
      'SELECT * FROM billing_checkpoints WHERE sequence > $1 ORDER BY sequence LIMIT $2',
      [afterSequence, limit],
    );
    return rows.map(checkpointFromRow);
  }

  // ── intents ─────────────────────────────────────────────────────────────

  async openIntent(
    draft: IntentDraft,
    quota: QuotaReservation | undefined,
  ): Promise<OpenIntentOutcome> {
    const existing = await this.findIntent(draft.tenantId, draft.idempotencyKey);
    if (existing !== undefined) return { kind: 'existing', intent: existing };
    if (quota !== undefined && quota.limit <= 0) {
      return {
        kind: 'quota_exceeded',
        used: await this.quotaUsed(draft.tenantId, draft.operation, quota.period),
      };
    }
    const outcome = await this.#write(async (tx): Promise<OpenIntentOutcome | 'conflict'> => {
      // The intent row first, the quota row second, as in voidIntent: one lock order, no deadlock.
      const inserted = await tx.query(
        `INSERT INTO billing_intents (id, tenant_id, actor_id, actor_role, session_id, operation, tier,
          amount, currency, idempotency_key, fingerprint, quote_id, metadata, status, created_at,
          expires_at, quota_period)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'pending', $14, $15, $16)
        ON CONFLICT DO NOTHING RETURNING *`,
        [
          draft.id,
          draft.tenantId,
          draft.actor.id,
          draft.actor.role,
          draft.sessionId,
          draft.operation,
          draft.tier,
          draft.amount.amount,
          draft.amount.currency,
          draft.idempotencyKey,
          draft.fingerprint,
          draft.quoteId,
          JSON.stringify(draft.metadata),
          draft.createdAt,
          draft.expiresAt,
          quota?.period ?? null,
        ],
      );
      const [row] = inserted;
      if (row === undefined) return 'conflict';
      let used: number | null = null;
      if (quota !== undefined) {
        const counted = await tx.query(
          `INSERT INTO billing_quota_usage AS q (tenant_id, operation, period, used) VALUES ($1, $2, $3, 1)
           ON CONFLICT (tenant_id, operation, period) DO UPDATE SET used = q.used + 1
           WHERE q.used < $4 RETURNING used`,
          [draft.tenantId, draft.operation, quota.period, quota.limit],
        );
        const [count] = counted;
        if (count === undefined) throw new QuotaFull();
        used = Number(count.used);
      }
      return { kind: 'created', intent: intentFromRow(row), used };
    }).catch(async (error: unknown): Promise<OpenIntentOutcome> => {
      if (!(error instanceof QuotaFull) || quota === undefined) throw error;
      return {
        kind: 'quota_exceeded',
        used: await this.quotaUsed(draft.tenantId, draft.operation, quota.period),
      };
    });
    if (outcome !== 'conflict') return outcome;
    const winner = await this.findIntent(draft.tenantId, draft.idempotencyKey);
    return winner === undefined ? { kind: 'quote_used' } : { kind: 'existing', intent: winner };
  }

  async getIntent(id: string): Promise<StoredIntent | undefined> {
    const [row] = await this.#rows('SELECT * FROM billing_intents WHERE id = $1', [id]);
    return row === undefined ? undefined : intentFromRow(row);
  }

  async findIntent(tenantId: string, idempotencyKey: string): Promise<StoredIntent | undefined> {
    const [row] = await this.#rows(
      "SELECT * FROM billing_intents WHERE tenant_id = $1 AND idempotency_key = $2 AND status <> 'voided'",
      [tenantId, idempotencyKey],
    );
    return row === undefined ? undefined : intentFromRow(row);
  }

  async #notPending(
    id: string,
  ): Promise<{ kind: 'not_pending'; intent: StoredIntent } | { kind: 'missing' }> {
    const intent = await this.getIntent(id);
    return intent === undefined ? { kind: 'missing' } : { kind: 'not_pending', intent };
  }

  async commitIntent(id: string, now: Date, event: EventDraft): Promise<CommitOutcome> {
    const outcome = await this.#write(async (tx): Promise<CommitOutcome | 'stale'> => {
      const [row] = await tx.query(
        `UPDATE billing_intents SET status = 'committed', resolved_at = $2, event_id = $3
         WHERE id = $1 AND status = 'pending' AND expires_at > $2 RETURNING *`,
        [id, now, event.id],
      );
      if (row === undefined) return 'stale';
      const appended = await this.#insertEvent(tx, event);
      return { kind: 'committed', intent: intentFromRow(row), event: appended };
    }).catch(async (error: unknown): Promise<CommitOutcome> => {
      const holder = isKeyTaken(error)
        ? await this.findEvent(event.tenantId, event.idempotencyKey)
        : undefined;
      if (holder === undefined) throw error;
      return { kind: 'key_taken', event: holder };
    });
    if (outcome !== 'stale') return outcome;
    const intent = await this.getIntent(id);
    if (intent === undefined) return { kind: 'missing' };
    if (intent.status !== 'pending') return { kind: 'not_pending', intent };
    const voided = await this.voidIntent(id, 'expired', now);
    return voided.kind === 'voided' ? { kind: 'expired', intent: voided.intent } : voided;
  }

  async voidIntent(id: string, reason: string, now: Date): Promise<VoidOutcome> {
    const voided = await this.#write(async (tx) => {
      const [row] = await tx.query(
        `UPDATE billing_intents SET status = 'voided', resolved_at = $2, void_reason = $3
         WHERE id = $1 AND status = 'pending' RETURNING *`,
        [id, now, reason],
      );
      if (row === undefined) return undefined;
      const intent = intentFromRow(row);
      if (intent.quotaPeriod !== null) {
        await tx.query(
          'UPDATE billing_quota_usage SET used = used - 1 WHERE tenant_id = $1 AND operation = $2 AND period = $3',
          [intent.tenantId, intent.operation, intent.quotaPeriod],
        );
      }
      return intent;
    });
    return voided === undefined ? this.#notPending(id) : { kind: 'voided', intent: voided };
  }

  expireIntents(now: Date, limit: number): Promise<StoredIntent[]> {
    return this.#write(async (tx) => {
      const rows = await tx.query(
        `UPDATE billing_intents SET status = 'voided', resolved_at = $1, void_reason = 'expired'
         WHERE id IN (
           SELECT id FROM billing_intents WHERE status = 'pending' AND expires_at <= $1
           ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
         ) RETURNING *`,
        [now, limit],
      );
      const counts = new Map<
        string,
        { tenantId: string; operation: string; period: string; n: number }
      >();
      for (const row of rows) {
        if (row.quota_period === null) continue;
        const key = JSON.stringify([row.tenant_id, row.operation, row.quota_period]);
        const entry = counts.get(key) ?? {
          tenantId: String(row.tenant_id),
          operation: String(row.operation),
          period: String(row.quota_period),
          n: 0,
        };
        entry.n += 1;
        counts.set(key, entry);
      }
      // Quota rows in one order, so that two sweepers never wait on each other in a cycle.
      for (const key of [...counts.keys()].sort()) {
        const entry = counts.get(key);
        if (entry === undefined) continue;
        await tx.query(
          'UPDATE billing_quota_usage SET used = used - $4 WHERE tenant_id = $1 AND operation = $2 AND period = $3',
          [entry.tenantId, entry.operation, entry.period, entry.n],
        );
      }
      return rows.map(intentFromRow);
    });
  }

  async countIntents(status: IntentStatus, tenantId?: string): Promise<number> {
    const [row] =
      tenantId === undefined
        ? await this.#rows('SELECT COUNT(*) AS n FROM billing_intents WHERE status = $1', [status])
        : await this.#rows(
            'SELECT COUNT(*) AS n FROM billing_intents WHERE status = $1 AND tenant_id = $2',
            [status, tenantId],
          );
    return Number(row?.n ?? 0);
  }

  async quotaUsed(tenantId: string, operation: string, period: string): Promise<number> {
    const [row] = await this.#rows(
      'SELECT used FROM billing_quota_usage WHERE tenant_id = $1 AND operation = $2 AND period = $3',
      [tenantId, operation, period],
    );
    return row === undefined ? 0 : Number(row.used);
  }

  // ── quotes ──────────────────────────────────────────────────────────────

  async saveQuote(quote: StoredQuote): Promise<void> {
    await this.#rows(
      `INSERT INTO billing_quotes (id, tenant_id, session_id, operation, actor_id, actor_role, tier,
        amount, currency, created_at, expires_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        quote.id,
        quote.tenantId,
        quote.sessionId,
        quote.operation,
        quote.actor.id,
        quote.actor.role,
        quote.tier,
        quote.amount.amount,
        quote.amount.currency,
        quote.createdAt,
        quote.expiresAt,
      ],
    );
  }

  async getQuote(id: string): Promise<StoredQuote | undefined> {
    const [row] = await this.#rows('SELECT * FROM billing_quotes WHERE id = $1', [id]);
    return row === undefined ? undefined : quoteFromRow(row);
  }

  async deleteQuotes(before: Date): Promise<number> {
    const rows = await this.#rows('DELETE FROM billing_quotes WHERE expires_at < $1 RETURNING id', [
      before,
    ]);
    return rows.length;
  }
}

function headsFrom(rows: Row[]): ChainHead[] {
  return rows.map((row) => ({
    tenantId: String(row.tenant_id),
    sequence: sqlBigInt(row.sequence),
    hash: String(row.hash),
  }));
}

/** Thrown inside a transaction to roll it back when the quota is used up. */
class QuotaFull extends Error {}

/** Whether `error` is PostgreSQL refusing a second event under one tenant's idempotency key. */
function isKeyTaken(error: unknown): boolean {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === 'billing_events_idempotency';
}
