import { buildCheckpoint, chainHash, GENESIS_HASH, sameChainHeads } from '../ledger/hash-chain.js';
import type { BillingEvent, ChainHead, LedgerCheckpoint } from '../ledger/types.js';
import type {
  AppendOutcome,
  CommitOutcome,
  EventDraft,
  EventQuery,
  IntentDraft,
  IntentStatus,
  OpenIntentOutcome,
  QuotaReservation,
  Store,
  StoredIntent,
  StoredQuote,
  TotalsQuery,
  TotalsRow,
  VoidOutcome,
} from './types.js';

/** The memory store's tables, reachable only through {@link memoryStoreTables} (tests use it to tamper). */
interface MemoryTables {
  events: BillingEvent[];
  heads: Map<string, ChainHead>;
  checkpoints: LedgerCheckpoint[];
  intents: Map<string, StoredIntent>;
  quotaUsage: Map<string, number>;
  quotes: Map<string, StoredQuote>;
}

const tablesOf = new WeakMap<Store, MemoryTables>();

/**
 * The raw tables of a {@link memoryStore}, for tests that play an attacker
 * editing rows behind the store's back. Not part of the public API.
 */
export function memoryStoreTables(store: Store): MemoryTables | undefined {
  return tablesOf.get(store);
}

function quotaKey(tenantId: string, operation: string, period: string): string {
  return JSON.stringify([tenantId, operation, period]);
}

function compareIds(a: BillingEvent, b: BillingEvent): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function matches(event: BillingEvent, query: Omit<EventQuery, 'limit'> & TotalsQuery): boolean {
  const at = event.createdAt.getTime();
  if (query.tenantId !== undefined && event.tenantId !== query.tenantId) return false;
  if (query.sessionId !== undefined && event.sessionId !== query.sessionId) return false;
  if (query.operation !== undefined && event.operation !== query.operation) return false;
  if (query.actorRole !== undefined && event.actor.role !== query.actorRole) return false;
  if (query.from !== undefined && at < query.from.getTime()) return false;
  if (query.to !== undefined && at >= query.to.getTime()) return false;
  if (query.fromId !== undefined && event.id < query.fromId) return false;
  if (query.toId !== undefined && event.id >= query.toId) return false;
  if (query.after !== undefined && event.id <= query.after) return false;
  return true;
}

/**
 * A store in memory, for tests and examples: the same behaviour as the SQL
 * stores (idempotency, chains per tenant, quota counting, intents resolving
 * once), nothing kept after the process ends, no SQL surface. Events are
 * frozen and no method updates or deletes them.
 */
export function memoryStore(): Store {
  const tables: MemoryTables = {
    events: [],
    heads: new Map(),
    checkpoints: [],
    intents: new Map(),
    quotaUsage: new Map(),
    quotes: new Map(),
  };
  const byId = new Map<string, BillingEvent>();
  const byKey = new Map<string, BillingEvent>();
  const reversals = new Map<string, BillingEvent>();
  const activeIntents = new Map<string, StoredIntent>();
  const eventKey = (tenantId: string, key: string) => JSON.stringify([tenantId, key]);

  const eventOf = (event: BillingEvent): BillingEvent => {
    // Look up by id in the (possibly tampered) table, so tests see what an attacker left.
    return tables.events.find((candidate) => candidate.id === event.id) ?? event;
  };

  function append(draft: EventDraft): AppendOutcome {
    const existing = byKey.get(eventKey(draft.tenantId, draft.idempotencyKey));
    if (existing !== undefined) return { event: eventOf(existing), created: false };
    if (draft.reverses !== null && reversals.has(draft.reverses)) {
      throw Object.assign(new Error('billing_events_one_reversal: event already reversed'), {
        code: 'unique_violation',
      });
    }
    const head = tables.heads.get(draft.tenantId);
    const sequence = (head?.sequence ?? 0n) + 1n;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const hash = chainHash(prevHash, draft.canonical);
    const { canonical, ...fields } = draft;
    const event: BillingEvent = Object.freeze({
      ...fields,
      actor: Object.freeze({ ...fields.actor }),
      metadata: structuredClone(fields.metadata),
      sequence,
      prevHash,
      hash,
      canonical,
    });
    tables.events.push(event);
    byId.set(event.id, event);
    byKey.set(eventKey(event.tenantId, event.idempotencyKey), event);
    if (event.reverses !== null) reversals.set(event.reverses, event);
    tables.heads.set(event.tenantId, { tenantId: event.tenantId, sequence, hash });
    return { event, created: true };
  }

  function intentKey(tenantId: string, key: string) {
    return JSON.stringify([tenantId, key]);
  }

  function voidNow(id: string, reason: string, now: Date): VoidOutcome {
    const intent = tables.intents.get(id);
    if (intent === undefined) return { kind: 'missing' };
    if (intent.status !== 'pending') return { kind: 'not_pending', intent: { ...intent } };
    const voided: StoredIntent = {
      ...intent,
      status: 'voided',
      resolvedAt: now,
      voidReason: reason,
    };
    tables.intents.set(id, voided);
    activeIntents.delete(intentKey(intent.tenantId, intent.idempotencyKey));
    if (intent.quotaPeriod !== null) {
      const key = quotaKey(intent.tenantId, intent.operation, intent.quotaPeriod);
      tables.quotaUsage.set(key, (tables.quotaUsage.get(key) ?? 0) - 1);
    }
    return { kind: 'voided', intent: { ...voided } };
  }

  const store: Store = {
    dialect: 'memory',
    sql: undefined,
    async migrate() {},
    async close() {},

    async appendEvent(draft) {
      return append(draft);
    },
    async getEvent(id) {
      const event = byId.get(id);
      return event === undefined ? undefined : eventOf(event);
    },
    async findEvent(tenantId, idempotencyKey) {
      const event = byKey.get(eventKey(tenantId, idempotencyKey));
      return event === undefined ? undefined : eventOf(event);
    },
    async findReversal(eventId) {
      const event = reversals.get(eventId);
      return event === undefined ? undefined : eventOf(event);
    },
    async listEvents(query) {
      return tables.events
        .filter((event) => matches(event, query))
        .sort(compareIds)
        .slice(0, query.limit);
    },
    async totals(query) {
      const rows = new Map<string, TotalsRow>();
      for (const event of tables.events) {
        if (!matches(event, query)) continue;
        const key = JSON.stringify([event.tenantId, event.operation, event.amount.currency]);
        const row = rows.get(key) ?? {
          tenantId: event.tenantId,
          operation: event.operation,
          currency: event.amount.currency,
          charges: 0,
          reversals: 0,
          net: 0n,
        };
        if (event.reverses === null) row.charges += 1;
        else row.reversals += 1;
        row.net += event.amount.amount;
        rows.set(key, row);
      }
      return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
    },
    async readChain(tenantId, afterSequence, limit) {
      return tables.events
        .filter((event) => event.tenantId === tenantId && event.sequence > afterSequence)
        .sort((a, b) => (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : 0))
        .slice(0, limit);
    },
    async eventTenants() {
      return [...new Set(tables.events.map((event) => event.tenantId))].sort();
    },
    async chainHeads() {
      return [...tables.heads.values()]
        .map((head) => ({ ...head }))
        .sort((a, b) => (a.tenantId < b.tenantId ? -1 : 1));
    },
    async appendCheckpoint(createdAt) {
      const heads = await store.chainHeads();
      const last = tables.checkpoints.at(-1);
      if (last !== undefined && sameChainHeads(last.heads, heads)) return undefined;
      const checkpoint = buildCheckpoint(last, createdAt, heads);
      tables.checkpoints.push(Object.freeze(checkpoint));
      return checkpoint;
    },
    async readCheckpoints(afterSequence, limit) {
      return tables.checkpoints.filter((c) => c.sequence > afterSequence).slice(0, limit);
    },

    async openIntent(
      draft: IntentDraft,
      quota: QuotaReservation | undefined,
    ): Promise<OpenIntentOutcome> {
      const existing = activeIntents.get(intentKey(draft.tenantId, draft.idempotencyKey));
      if (existing !== undefined) return { kind: 'existing', intent: { ...existing } };
      let used: number | null = null;
      const usageKey = quota && quotaKey(draft.tenantId, draft.operation, quota.period);
      if (quota !== undefined && usageKey !== undefined) {
        const before = tables.quotaUsage.get(usageKey) ?? 0;
        if (before >= quota.limit) return { kind: 'quota_exceeded', used: before };
        used = before + 1;
      }
      if (draft.quoteId !== null) {
        for (const intent of activeIntents.values()) {
          if (intent.quoteId === draft.quoteId) return { kind: 'quote_used' };
        }
      }
      const intent: StoredIntent = {
        ...draft,
        metadata: structuredClone(draft.metadata),
        status: 'pending',
        resolvedAt: null,
        voidReason: null,
        eventId: null,
        quotaPeriod: quota?.period ?? null,
      };
      tables.intents.set(intent.id, intent);
      activeIntents.set(intentKey(intent.tenantId, intent.idempotencyKey), intent);
      if (usageKey !== undefined && used !== null) tables.quotaUsage.set(usageKey, used);
      return { kind: 'created', intent: { ...intent }, used };
    },
    async getIntent(id) {
      const intent = tables.intents.get(id);
      return intent === undefined ? undefined : { ...intent };
    },
    async findIntent(tenantId, idempotencyKey) {
      const intent = activeIntents.get(intentKey(tenantId, idempotencyKey));
      return intent === undefined ? undefined : { ...intent };
    },
    async commitIntent(id: string, now: Date, draft: EventDraft): Promise<CommitOutcome> {
      const intent = tables.intents.get(id);
      if (intent === undefined) return { kind: 'missing' };
      if (intent.status !== 'pending') return { kind: 'not_pending', intent: { ...intent } };
      if (intent.expiresAt.getTime() <= now.getTime()) {
        const voided = voidNow(id, 'expired', now);
        return voided.kind === 'voided' ? { kind: 'expired', intent: voided.intent } : voided;
      }
      const appended = append(draft);
      if (!appended.created) return { kind: 'key_taken', event: appended.event };
      const committed: StoredIntent = {
        ...intent,
        status: 'committed',
        resolvedAt: now,
        eventId: appended.event.id,
      };
      tables.intents.set(id, committed);
      activeIntents.set(intentKey(intent.tenantId, intent.idempotencyKey), committed);
      return { kind: 'committed', intent: { ...committed }, event: appended.event };
    },
    async voidIntent(id, reason, now) {
      return voidNow(id, reason, now);
    },
    async expireIntents(now, limit) {
      const due = [...tables.intents.values()]
        .filter((intent) => intent.status === 'pending' && intent.expiresAt <= now)
        .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
        .slice(0, limit);
      const voided: StoredIntent[] = [];
      for (const intent of due) {
        const outcome = voidNow(intent.id, 'expired', now);
        if (outcome.kind === 'voided') voided.push(outcome.intent);
      }
      return voided;
    },
    async countIntents(status: IntentStatus, tenantId?: string) {
      let n = 0;
      for (const intent of tables.intents.values()) {
        if (intent.status === status && (tenantId === undefined || intent.tenantId === tenantId)) {
          n += 1;
        }
      }
      return n;
    },
    async quotaUsed(tenantId, operation, period) {
      return tables.quotaUsage.get(quotaKey(tenantId, operation, period)) ?? 0;
    },

    async saveQuote(quote) {
      if (tables.quotes.has(quote.id)) throw new Error(`quote ${quote.id} already exists`);
      tables.quotes.set(quote.id, { ...quote });
    },
    async getQuote(id) {
      const quote = tables.quotes.get(id);
      return quote === undefined ? undefined : { ...quote };
    },
    async deleteQuotes(before) {
      let n = 0;
      for (const [id, quote] of tables.quotes) {
        if (quote.expiresAt < before) {
          tables.quotes.delete(id);
          n += 1;
        }
      }
      return n;
    },
  };
  tablesOf.set(store, tables);
  return store;
}
