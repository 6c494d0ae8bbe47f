import { randomUUID } from 'node:crypto';
import { newEventId, type SqlExecutor, type SqlSurface, type SqlValue } from '@tollgate/billing';
import { ValidationError } from '@tollgate/core';
import { generateWebhookSecret } from '@tollgate/core/webhooks';
import { dateColumn, optionalDateColumn } from '../storage/migrations.js';
import {
  assertNoIssues,
  isWebhookEventType,
  MAX_EVENT_TYPE_LENGTH,
  matchesEventFilters,
  webhookEndpointIssues,
} from './filters.js';
import {
  WEBHOOK_DELIVERIES_TABLE as DELIVERIES,
  WEBHOOK_ENDPOINTS_TABLE as ENDPOINTS,
  migrateWebhookTables,
} from './migrations.js';

/**
 * When each attempt of a delivery is due, in ms after its first attempt:
 * attempt 1 at +0, 2 at +2 min, 3 at +4 min, 4 at +8 min, 5 at +16 min. After
 * attempt n (n < 5) fails, attempt n + 1 is due `WEBHOOK_RETRY_OFFSETS_MS[n]`
 * after the first attempt started (2^n minutes); after the 5th failure the
 * delivery is `dead`.
 */
export const WEBHOOK_RETRY_OFFSETS_MS: readonly number[] = [0, 2, 4, 8, 16].map(
  (minutes) => minutes * 60_000,
);

/** How many attempts a delivery gets before it is dead-lettered (5). */
export const MAX_WEBHOOK_ATTEMPTS = WEBHOOK_RETRY_OFFSETS_MS.length;

/** The most enabled endpoints one tenant may have. */
export const MAX_WEBHOOK_ENDPOINTS_PER_TENANT = 20;

/** The largest event payload (`{ type, timestamp, data }` as JSON) `publish` accepts, in bytes. */
export const MAX_WEBHOOK_PAYLOAD_BYTES = 256 * 1024;

/** The longest `last_error` kept, in characters. */
const MAX_ERROR_LENGTH = 300;

/** Where a delivery stands: `pending` (not attempted yet), `failed` (retry scheduled), `delivered`, `dead`. */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dead';

/** The delivery statuses, in the order of {@link WebhookDeliveryStatus}. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead'] as const;

/** A tenant's webhook endpoint, without its secret. */
export interface WebhookEndpoint {
  /** `whe_…` */
  id: string;
  tenantId: string;
  url: string;
  /** Event filters: exact types, `prefix.*` or `*`. */
  events: string[];
  description: string | null;
  createdAt: Date;
}

/** A just-created endpoint: the only time its signing secret is handed out. */
export interface CreatedWebhookEndpoint extends WebhookEndpoint {
  /** `whsec_…`: the Standard Webhooks secret deliveries are signed with. */
  secret: string;
}

/** What an endpoint is created from. */
export interface NewWebhookEndpoint {
  tenantId: string;
  url: string;
  events: readonly string[];
  description?: string | undefined;
}

/** One delivery of one event to one endpoint, as the delivery log shows it (no secret, no payload). */
export interface WebhookDelivery {
  /** `whd_…` */
  id: string;
  endpointId: string;
  tenantId: string;
  /** `evt_…`: the `webhook-id` header, the same on every attempt and every endpoint. */
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  /** Finished attempts. */
  attempts: number;
  /** When the next attempt is due (`pending`, `failed`), else `null`. */
  nextAttemptAt: Date | null;
  /** The HTTP status of the last attempt, `null` when none answered. */
  lastStatusCode: number | null;
  /** Why the last attempt failed (`HTTP 500`, `timed out after 10000 ms` …), never a secret. */
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** An event to notify a tenant of. */
export interface WebhookEventInput {
  tenantId: string;
  /** A concrete event type, `session.validated`. */
  type: string;
  /** Anything JSON can carry; sent as the payload's `data`. */
  data: unknown;
}

/** What {@link WebhookStore.publish} enqueued. */
export interface PublishedWebhookEvent {
  /** `evt_` + a UUID v7. */
  eventId: string;
  type: string;
  timestamp: Date;
  /** One per matching enabled endpoint of the tenant (empty when none matched). */
  deliveries: Array<{ id: string; endpointId: string }>;
}

/** A delivery a worker holds a lease on, with what it needs to attempt it. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  url: string;
  /** The endpoint's signing secret: sign with it, never log or store it. */
  secret: string;
  eventId: string;
  eventType: string;
  /** The exact JSON body to POST (`{ type, timestamp, data }`). */
  payload: string;
  /** Which attempt this is, 1-based. */
  attempt: number;
  /** When attempt 1 started: the retry schedule's anchor. */
  firstAttemptAt: Date;
  /** Identifies this claim: only its holder can record the outcome. */
  claimToken: string;
}

/** How one attempt went. `error` must not contain secrets (it is stored and shown). */
export type WebhookAttemptOutcome =
  | { ok: true; statusCode: number }
  | { ok: false; statusCode: number | null; error: string };

/** What {@link WebhookStore.replayDelivery} did. */
export type WebhookReplayOutcome =
  | { status: 'replayed'; delivery: WebhookDelivery }
  /** The delivery is still `pending` or `failed`: it is already queued. */
  | { status: 'not_replayable'; delivery: WebhookDelivery };

/** Options of {@link sqlWebhookStore}. */
export interface WebhookStoreOptions {
  /** The clock; default `() => new Date()`. */
  clock?: () => Date;
  /** Accept `http://localhost` and `http://127.0.0.1` endpoint URLs (development); default false. */
  allowInsecureLocalhost?: boolean;
}

/**
 * Outgoing-webhook endpoints and deliveries in a SQL database. Every method
 * that takes a tenant only sees that tenant's endpoints; a disabled endpoint
 * is gone for every method.
 */
export interface WebhookStore {
  readonly surface: SqlSurface;
  /** Create or upgrade the tables (idempotent; also done on first use). */
  migrate(): Promise<void>;
  /** Subscribe an endpoint; throws `ValidationError` on a bad URL or filter, writing nothing. */
  createEndpoint(input: NewWebhookEndpoint): Promise<CreatedWebhookEndpoint>;
  /** The tenant's enabled endpoints, oldest first. */
  listEndpoints(tenantId: string): Promise<WebhookEndpoint[]>;
  /** One enabled endpoint of the tenant, or `undefined`. */
  getEndpoint(tenantId: string, endpointId: string): Promise<WebhookEndpoint | undefined>;
  /**
   * Disable an endpoint: it gets no new deliveries, its queued ones are
   * marked `dead` (`last_error` "endpoint disabled"), its secret is erased.
   * False when the tenant has no such enabled endpoint.
   */
  disableEndpoint(tenantId: string, endpointId: string): Promise<boolean>;
  /** The endpoint's delivery log, newest first; `undefined` when the tenant has no such endpoint. */
  listDeliveries(
    tenantId: string,
    endpointId: string,
    options?: { limit?: number; status?: WebhookDeliveryStatus },
  ): Promise<WebhookDelivery[] | undefined>;
  /**
   * Queue a `delivered` or `dead` delivery again, due now, with a fresh
   * attempt count and schedule (same event id). `undefined` when the tenant
   * has no such endpoint or delivery.
   */
  replayDelivery(
    tenantId: string,
    endpointId: string,
    deliveryId: string,
  ): Promise<WebhookReplayOutcome | undefined>;
  /**
   * Enqueue one delivery of the event per enabled endpoint of the tenant whose
   * filters match its type. Throws `ValidationError` on a bad type or payload.
   */
  publish(event: WebhookEventInput): Promise<PublishedWebhookEvent>;
  /**
   * Lease up to `limit` due deliveries for `leaseMs` (the worker's side).
   * PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` and the lease in one short
   * transaction; SQLite: one atomic `UPDATE … RETURNING`. A delivery whose
   * lease is running is never handed out again until the lease ends.
   */
  claimDue(options: { limit: number; leaseMs: number }): Promise<ClaimedDelivery[]>;
  /**
   * Record an attempt's outcome for a claim: `delivered`, `failed` with the
   * next attempt scheduled, or `dead` after the last one. Ignored (returns
   * `undefined`) when the claim is no longer held (lease taken over, endpoint disabled).
   */
  recordAttempt(
    claim: ClaimedDelivery,
    outcome: WebhookAttemptOutcome,
  ): Promise<WebhookDelivery | undefined>;
}

const ENDPOINT_COLUMNS = 'id, tenant_id, url, events, description, created_at';
const DELIVERY_COLUMNS =
  'id, endpoint_id, tenant_id, event_id, event_type, status, attempts, next_attempt_at, ' +
  'last_status_code, last_error, created_at, delivered_at';
const CLAIM_COLUMNS = 'id, endpoint_id, event_id, event_type, payload, attempts, first_attempt_at';
/** A delivery that may be attempted at `$1`: queued, due, not leased, its endpoint enabled. */
const DUE = `d.status IN ('pending', 'failed') AND d.next_attempt_at <= $1
  AND (d.locked_until IS NULL OR d.locked_until <= $1) AND e.disabled_at IS NULL`;

type Row = Record<string, unknown>;

function endpointFromRow(row: Row): WebhookEndpoint {
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    url: String(row.url),
    events: JSON.parse(String(row.events)) as string[],
    description: row.description === null ? null : String(row.description),
    createdAt: dateColumn(row.created_at),
  };
}

function optionalNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function deliveryFromRow(row: Row): WebhookDelivery {
  return {
    id: String(row.id),
    endpointId: String(row.endpoint_id),
    tenantId: String(row.tenant_id),
    eventId: String(row.event_id),
    eventType: String(row.event_type),
    status: String(row.status) as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: optionalDateColumn(row.next_attempt_at),
    lastStatusCode: optionalNumber(row.last_status_code),
    lastError: row.last_error === null ? null : String(row.last_error),
    createdAt: dateColumn(row.created_at),
    deliveredAt: optionalDateColumn(row.delivered_at),
  };
}

/** `$from, $from+1 …` for `count` values. */
function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, index) => `$${from + index}`).join(', ');
}

function requireTenant(tenantId: unknown): string {
  if (typeof tenantId !== 'string' || tenantId.length === 0) {
    throw new ValidationError('A tenant id is required.', [
      { path: ['tenantId'], code: 'invalid_type', message: 'A non-empty string is required.' },
    ]);
  }
  return tenantId;
}

function payloadOf(type: string, timestamp: Date, data: unknown): string {
  let payload: string;
  try {
    payload = JSON.stringify({ type, timestamp: timestamp.toISOString(), data: data ?? null });
  } catch (cause) {
    throw new ValidationError(
      'The event data cannot be serialized as JSON.',
      [{ path: ['data'], code: 'invalid_type', message: 'The data must be JSON-serializable.' }],
      { cause },
    );
  }
  if (Buffer.byteLength(payload, 'utf8') > MAX_WEBHOOK_PAYLOAD_BYTES) {
    throw new ValidationError('The event payload is too large.', [
      {
        path: ['data'],
        code: 'too_big',
        message: `A webhook payload has at most ${MAX_WEBHOOK_PAYLOAD_BYTES} bytes.`,
      },
    ]);
  }
  return payload;
}

/** Lease due deliveries; PostgreSQL: row locks skip what another worker is claiming. */
async function claimRows(
  surface: SqlSurface,
  now: number,
  leaseUntil: number,
  token: string,
  limit: number,
): Promise<Row[]> {
  const lease = `first_attempt_at = COALESCE(first_attempt_at, $1), locked_until = $2, claim_token = $3`;
  if (surface.dialect === 'postgres') {
    return surface.transaction(async (tx: SqlExecutor) => {
      const picked = await tx.query(
        `SELECT d.id FROM ${DELIVERIES} d JOIN ${ENDPOINTS} e ON e.id = d.endpoint_id
         WHERE ${DUE} ORDER BY d.next_attempt_at, d.id LIMIT $2
         FOR UPDATE OF d SKIP LOCKED`,
        [now, limit],
      );
      if (picked.length === 0) return [];
      return tx.query(
        `UPDATE ${DELIVERIES} SET ${lease}
         WHERE id IN (${placeholders(4, picked.length)}) RETURNING ${CLAIM_COLUMNS}`,
        [now, leaseUntil, token, ...picked.map((row) => String(row.id))],
      );
    });
  }
  // SQLite: one statement is one write transaction; no lock is held across awaits.
  return surface.query(
    `UPDATE ${DELIVERIES} SET ${lease}
     WHERE id IN (
       SELECT d.id FROM ${DELIVERIES} d JOIN ${ENDPOINTS} e ON e.id = d.endpoint_id
       WHERE ${DUE} ORDER BY d.next_attempt_at, d.id LIMIT $4
     ) RETURNING ${CLAIM_COLUMNS}`,
    [now, leaseUntil, token, limit],
  );
}

/**
 * The outgoing-webhook store in the billing store's database (`store.sql`,
 * SQLite or PostgreSQL): endpoints and their delivery log survive restarts,
 * and every process sharing the database sees the same queue. Tables are
 * created on first use ({@link WEBHOOK_MIGRATIONS}). No method holds a SQLite
 * write lock across an await: each write is one statement.
 */
export function sqlWebhookStore(
  surface: SqlSurface,
  options: WebhookStoreOptions = {},
): WebhookStore {
  const clock = options.clock ?? (() => new Date());
  const allowInsecureLocalhost = options.allowInsecureLocalhost ?? false;
  const ready = async () => {
    await migrateWebhookTables(surface);
  };

  const getEndpoint = async (tenantId: string, endpointId: string) => {
    await ready();
    const [row] = await surface.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM ${ENDPOINTS}
       WHERE id = $1 AND tenant_id = $2 AND disabled_at IS NULL`,
      [endpointId, tenantId],
    );
    return row === undefined ? undefined : endpointFromRow(row);
  };

  return {
    surface,
    migrate: ready,
    getEndpoint,

    async createEndpoint(input) {
      const tenantId = requireTenant(input.tenantId);
      assertNoIssues(
        webhookEndpointIssues(input, allowInsecureLocalhost),
        'webhook endpoint request',
      );
      await ready();
      const [count] = await surface.query(
        `SELECT COUNT(*) AS n FROM ${ENDPOINTS} WHERE tenant_id = $1 AND disabled_at IS NULL`,
        [tenantId],
      );
      if (Number(count?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS_PER_TENANT) {
        throw new ValidationError('This tenant has too many webhook endpoints.', [
          {
            path: [],
            code: 'too_many_endpoints',
            message: `A tenant has at most ${MAX_WEBHOOK_ENDPOINTS_PER_TENANT} endpoints; delete one first.`,
          },
        ]);
      }
      const createdAt = clock();
      const endpoint: CreatedWebhookEndpoint = {
        id: `whe_${newEventId(createdAt.getTime())}`,
        tenantId,
        url: new URL(input.url).href,
        events: [...new Set(input.events)],
        description: input.description ?? null,
        createdAt,
        secret: generateWebhookSecret(32),
      };
      await surface.query(
        `INSERT INTO ${ENDPOINTS} (id, tenant_id, url, events, description, secret, created_at, disabled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`,
        [
          endpoint.id,
          tenantId,
          endpoint.url,
          JSON.stringify(endpoint.events),
          endpoint.description,
          endpoint.secret,
          createdAt.getTime(),
        ],
      );
      return endpoint;
    },

    async listEndpoints(tenantId) {
      await ready();
      const rows = await surface.query(
        `SELECT ${ENDPOINT_COLUMNS} FROM ${ENDPOINTS}
         WHERE tenant_id = $1 AND disabled_at IS NULL ORDER BY created_at, id`,
        [tenantId],
      );
      return rows.map(endpointFromRow);
    },

    async disableEndpoint(tenantId, endpointId) {
      await ready();
      const now = clock().getTime();
      // One transaction: an endpoint is never left disabled with deliveries still queued.
      return surface.transaction(async (tx) => {
        const disabled = await tx.query(
          `UPDATE ${ENDPOINTS} SET disabled_at = $3, secret = ''
           WHERE id = $1 AND tenant_id = $2 AND disabled_at IS NULL RETURNING id`,
          [endpointId, tenantId, now],
        );
        if (disabled.length === 0) return false;
        await tx.query(
          `UPDATE ${DELIVERIES} SET status = 'dead', next_attempt_at = NULL, locked_until = NULL,
             claim_token = NULL, last_error = 'endpoint disabled'
           WHERE endpoint_id = $1 AND status IN ('pending', 'failed')`,
          [endpointId],
        );
        return true;
      });
    },

    async listDeliveries(tenantId, endpointId, query = {}) {
      if ((await getEndpoint(tenantId, endpointId)) === undefined) return undefined;
      const limit = Math.max(1, Math.min(500, Math.floor(query.limit ?? 50)));
      const params: SqlValue[] = [endpointId, limit];
      let where = 'endpoint_id = $1';
      if (query.status !== undefined) {
        where += ' AND status = $3';
        params.push(query.status);
      }
      const rows = await surface.query(
        `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERIES} WHERE ${where}
         ORDER BY created_at DESC, id DESC LIMIT $2`,
        params,
      );
      return rows.map(deliveryFromRow);
    },

    async replayDelivery(tenantId, endpointId, deliveryId) {
      if ((await getEndpoint(tenantId, endpointId)) === undefined) return undefined;
      const [replayed] = await surface.query(
        `UPDATE ${DELIVERIES} SET status = 'pending', attempts = 0, first_attempt_at = NULL,
           next_attempt_at = $3, delivered_at = NULL, locked_until = NULL, claim_token = NULL
         WHERE id = $1 AND endpoint_id = $2 AND status IN ('delivered', 'dead')
         RETURNING ${DELIVERY_COLUMNS}`,
        [deliveryId, endpointId, clock().getTime()],
      );
      if (replayed !== undefined)
        return { status: 'replayed', delivery: deliveryFromRow(replayed) };
      const [existing] = await surface.query(
        `SELECT ${DELIVERY_COLUMNS} FROM ${DELIVERIES} WHERE id = $1 AND endpoint_id = $2`,
        [deliveryId, endpointId],
      );
      return existing === undefined
        ? undefined
        : { status: 'not_replayable', delivery: deliveryFromRow(existing) };
    },

    async publish(event) {
      const tenantId = requireTenant(event.tenantId);
      if (!isWebhookEventType(event.type)) {
        throw new ValidationError('The event type is invalid.', [
          {
            path: ['type'],
            code: 'invalid_event_type',
            message: `An event type is dot-separated segments of letters, digits, _ and - (at most ${MAX_EVENT_TYPE_LENGTH} characters), without wildcards.`,
          },
        ]);
      }
      const timestamp = clock();
      const payload = payloadOf(event.type, timestamp, event.data);
      const eventId = `evt_${newEventId(timestamp.getTime())}`;
      await ready();
      const endpoints = await surface.query(
        `SELECT id, events FROM ${ENDPOINTS} WHERE tenant_id = $1 AND disabled_at IS NULL`,
        [tenantId],
      );
      const matching = endpoints
        .filter((row) =>
          matchesEventFilters(JSON.parse(String(row.events)) as string[], event.type),
        )
        .map((row) => String(row.id));
      if (matching.length === 0) return { eventId, type: event.type, timestamp, deliveries: [] };
      const values = matching.map((_, index) => `(${placeholders(6 + index * 2, 2)})`).join(', ');
      // INSERT … SELECT: an endpoint disabled since it was read gets nothing.
      const rows = await surface.query(
        `INSERT INTO ${DELIVERIES} (id, endpoint_id, tenant_id, event_id, event_type, payload,
           status, attempts, next_attempt_at, created_at)
         SELECT v.column1, e.id, e.tenant_id, CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT),
           'pending', 0, CAST($4 AS BIGINT), CAST($4 AS BIGINT)
         FROM (VALUES ${values}) AS v JOIN ${ENDPOINTS} e ON e.id = v.column2
         WHERE e.tenant_id = $5 AND e.disabled_at IS NULL
         RETURNING id, endpoint_id`,
        [
          eventId,
          event.type,
          payload,
          timestamp.getTime(),
          tenantId,
          ...matching.flatMap((endpointId) => [
            `whd_${newEventId(timestamp.getTime())}`,
            endpointId,
          ]),
        ],
      );
      return {
        eventId,
        type: event.type,
        timestamp,
        deliveries: rows.map((row) => ({
          id: String(row.id),
          endpointId: String(row.endpoint_id),
        })),
      };
    },

    async claimDue({ limit, leaseMs }) {
      await ready();
      const now = clock().getTime();
      const token = randomUUID();
      const rows = await claimRows(surface, now, now + leaseMs, token, Math.max(1, limit));
      if (rows.length === 0) return [];
      const endpointIds = [...new Set(rows.map((row) => String(row.endpoint_id)))];
      const endpoints = await surface.query(
        `SELECT id, url, secret FROM ${ENDPOINTS}
         WHERE id IN (${placeholders(1, endpointIds.length)}) AND disabled_at IS NULL`,
        endpointIds,
      );
      const byId = new Map(endpoints.map((row) => [String(row.id), row]));
      return rows.flatMap((row): ClaimedDelivery[] => {
        const endpoint = byId.get(String(row.endpoint_id));
        // Disabled since the claim: its deliveries are dead already; nothing to attempt.
        if (endpoint === undefined) return [];
        return [
          {
            id: String(row.id),
            endpointId: String(row.endpoint_id),
            url: String(endpoint.url),
            secret: String(endpoint.secret),
            eventId: String(row.event_id),
            eventType: String(row.event_type),
            payload: String(row.payload),
            attempt: Number(row.attempts) + 1,
            firstAttemptAt: dateColumn(row.first_attempt_at),
            claimToken: token,
          },
        ];
      });
    },

    async recordAttempt(claim, outcome) {
      await ready();
      const held = `id = $1 AND claim_token = $2 AND status IN ('pending', 'failed')`;
      const release = 'attempts = attempts + 1, locked_until = NULL, claim_token = NULL';
      let rows: Row[];
      if (outcome.ok) {
        rows = await surface.query(
          `UPDATE ${DELIVERIES} SET status = 'delivered', ${release}, delivered_at = $3,
             next_attempt_at = NULL, last_status_code = $4, last_error = NULL
           WHERE ${held} RETURNING ${DELIVERY_COLUMNS}`,
          [claim.id, claim.claimToken, clock().getTime(), outcome.statusCode],
        );
      } else {
        const offset = WEBHOOK_RETRY_OFFSETS_MS[claim.attempt];
        const dead = claim.attempt >= MAX_WEBHOOK_ATTEMPTS || offset === undefined;
        rows = await surface.query(
          `UPDATE ${DELIVERIES} SET status = $3, ${release}, next_attempt_at = $4,
             last_status_code = $5, last_error = $6
           WHERE ${held} RETURNING ${DELIVERY_COLUMNS}`,
          [
            claim.id,
            claim.claimToken,
            dead ? 'dead' : 'failed',
            dead ? null : claim.firstAttemptAt.getTime() + offset,
            outcome.statusCode,
            outcome.error.slice(0, MAX_ERROR_LENGTH),
          ],
        );
      }
      const [row] = rows;
      return row === undefined ? undefined : deliveryFromRow(row);
    },
  };
}
