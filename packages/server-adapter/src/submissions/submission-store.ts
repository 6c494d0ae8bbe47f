import { randomUUID } from 'node:crypto';
import type { SqlSurface } from '@tollgate/billing';
import { dateColumn, migrateServerTables, optionalDateColumn } from '../storage/migrations.js';

/**
 * Where a partner submission stands: `pending` (not yet accepted by the
 * partner: the first call is running, or a retry is scheduled at
 * `nextRetryAt`), `submitted` (the partner took it and its answer is awaited),
 * `success` (the partner accepted it: an ACK) or `failed` (refused — a NAK or a
 * refused request — or out of retries). Every submission the partner took was
 * billed (`submitted`, `success`, and `failed` after a NAK); a `pending` one, or
 * one `failed` before the partner took it, was not.
 */
export type SubmissionStatus = 'pending' | 'submitted' | 'success' | 'failed';

/** The kinds of partner submission the server persists. */
export type SubmissionKind = 'bank' | 'customs';

/** A partner submission as stored. */
export interface Submission {
  id: string;
  tenantId: string;
  kind: SubmissionKind;
  integrationId: string;
  sessionId: string | null;
  idempotencyKey: string;
  /** Everything a retry needs to send the same request again (no secrets). */
  request: Record<string, unknown>;
  status: SubmissionStatus;
  /** The partner's own status word (`submitted`, `accepted`, `rejected`, `delivered` …). */
  statusCode: string | null;
  /** The partner's reference once it took the submission. */
  externalReference: string | null;
  billingEventId: string | null;
  /** Calls made to the partner so far. */
  attempts: number;
  nextRetryAt: Date | null;
  /** Why the last call failed or the partner refused (no secrets). */
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What opening a submission records. */
export type NewSubmission = Pick<
  Submission,
  'tenantId' | 'kind' | 'integrationId' | 'sessionId' | 'idempotencyKey' | 'request'
>;

/** Persisted partner submissions, shared by every process on the database. */
export interface SubmissionStore {
  /**
   * The submission of `(tenant, kind, idempotencyKey)`: a new `pending` one, or
   * the one already there (`created: false`), whatever its state.
   */
  open(draft: NewSubmission, now: Date): Promise<{ submission: Submission; created: boolean }>;
  /** The submission, only to its own tenant. */
  get(id: string, tenantId: string): Promise<Submission | undefined>;
  /** The partner took it: `submitted`, with its reference and the billing event. */
  markSubmitted(
    id: string,
    outcome: { externalReference: string; statusCode: string; billingEventId: string | null },
    now: Date,
  ): Promise<Submission | undefined>;
  /** A call failed and will be retried at `nextRetryAt` (`pending`). */
  scheduleRetry(id: string, error: string, nextRetryAt: Date, now: Date): Promise<void>;
  /** Refused, or out of retries: `failed`. */
  markFailed(id: string, error: string, now: Date): Promise<void>;
  /**
   * Apply the partner's later word about the submission it knows as
   * `externalReference` at `integrationId`: `success` or `failed` with its
   * status code; a settled submission (`success`, `failed`) never goes back to
   * `submitted`. Returns the updated submission, or `undefined` when none matches.
   */
  applyPartnerStatus(
    integrationId: string,
    externalReference: string,
    update: { status: 'submitted' | 'success' | 'failed'; statusCode: string; error?: string },
    now: Date,
  ): Promise<Submission | undefined>;
  /**
   * Claim up to `limit` pending submissions whose retry is due,
   * leasing them for `leaseMs` so no other worker takes them meanwhile
   * (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one atomic update).
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<Submission[]>;
  /**
   * Count a call to the partner as an attempt, due again at `recoverAt` should
   * its outcome never be recorded (the process died during the call): the
   * outcome, once recorded, replaces that time.
   */
  countAttempt(id: string, now: Date, recoverAt: Date): Promise<void>;
  /**
   * Replace the stored request of a submission never sent yet (`pending`, no
   * attempt): a repeated first call brings the payer's consent.
   */
  replaceRequest(id: string, request: Record<string, unknown>, now: Date): Promise<void>;
}

const COLUMNS = `id, tenant_id, kind, integration_id, session_id, idempotency_key, request, status,
  status_code, external_reference, billing_event_id, attempts, next_retry_at, locked_until,
  last_error, created_at, updated_at`;

function submissionFromRow(row: Record<string, unknown>): Submission {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: String(row.id),
    tenantId: String(row.tenant_id),
    kind: String(row.kind) as SubmissionKind,
    integrationId: String(row.integration_id),
    sessionId: text(row.session_id),
    idempotencyKey: String(row.idempotency_key),
    request: JSON.parse(String(row.request)) as Record<string, unknown>,
    status: String(row.status) as SubmissionStatus,
    statusCode: text(row.status_code),
    externalReference: text(row.external_reference),
    billingEventId: text(row.billing_event_id),
    attempts: Number(row.attempts),
    nextRetryAt: optionalDateColumn(row.next_retry_at),
    lastError: text(row.last_error),
    createdAt: dateColumn(row.created_at),
    updatedAt: dateColumn(row.updated_at),
  };
}

/** The submission store in the server's tables of `surface`'s database. */
export function sqlSubmissionStore(surface: SqlSurface): SubmissionStore {
  const ready = () => migrateServerTables(surface);
  const run = async (sql: string, params: Parameters<SqlSurface['query']>[1]) => {
    await ready();
    return surface.query(sql, params);
  };
  const one = async (sql: string, params: Parameters<SqlSurface['query']>[1]) => {
    const [row] = await run(sql, params);
    return row === undefined ? undefined : submissionFromRow(row);
  };

  return {
    async open(draft, now) {
      const created = await one(
        `INSERT INTO tollgate_submissions (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', NULL, NULL, NULL, 0, NULL, NULL, NULL, $8, $8)
         ON CONFLICT (tenant_id, kind, idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
        [
          `sub_${randomUUID()}`,
          draft.tenantId,
          draft.kind,
          draft.integrationId,
          draft.sessionId,
          draft.idempotencyKey,
          JSON.stringify(draft.request),
          now.getTime(),
        ],
      );
      if (created !== undefined) return { submission: created, created: true };
      const existing = await one(
        `SELECT ${COLUMNS} FROM tollgate_submissions
         WHERE tenant_id = $1 AND kind = $2 AND idempotency_key = $3`,
        [draft.tenantId, draft.kind, draft.idempotencyKey],
      );
      if (existing === undefined) throw new Error('a submission vanished between insert and read');
      return { submission: existing, created: false };
    },
    get: (id, tenantId) =>
      one(`SELECT ${COLUMNS} FROM tollgate_submissions WHERE id = $1 AND tenant_id = $2`, [
        id,
        tenantId,
      ]),
    markSubmitted: (id, outcome, now) =>
      one(
        `UPDATE tollgate_submissions SET status = 'submitted', status_code = $2,
           external_reference = $3, billing_event_id = $4, next_retry_at = NULL,
           locked_until = NULL, last_error = NULL, updated_at = $5
         WHERE id = $1 AND status IN ('pending', 'submitted') RETURNING ${COLUMNS}`,
        [id, outcome.statusCode, outcome.externalReference, outcome.billingEventId, now.getTime()],
      ),
    async scheduleRetry(id, error, nextRetryAt, now) {
      await run(
        `UPDATE tollgate_submissions SET status = 'pending', next_retry_at = $2, locked_until = NULL,
           last_error = $3, updated_at = $4
         WHERE id = $1 AND status = 'pending' RETURNING id`,
        [id, nextRetryAt.getTime(), error, now.getTime()],
      );
    },
    async markFailed(id, error, now) {
      await run(
        `UPDATE tollgate_submissions SET status = 'failed', next_retry_at = NULL, locked_until = NULL,
           last_error = $2, updated_at = $3
         WHERE id = $1 AND status = 'pending' RETURNING id`,
        [id, error, now.getTime()],
      );
    },
    applyPartnerStatus: (integrationId, externalReference, update, now) =>
      one(
        `UPDATE tollgate_submissions SET status = $3, status_code = $4,
           last_error = COALESCE($5, last_error), updated_at = $6
         WHERE integration_id = $1 AND external_reference = $2 AND status <> 'pending'
           AND NOT (status IN ('success', 'failed') AND $3 = 'submitted')
         RETURNING ${COLUMNS}`,
        [
          integrationId,
          externalReference,
          update.status,
          update.statusCode,
          update.error ?? null,
          now.getTime(),
        ],
      ),
    async claimDue(now, limit, leaseMs) {
      await ready();
      const due = `SELECT id FROM tollgate_submissions
        WHERE status = 'pending' AND next_retry_at IS NOT NULL AND next_retry_at <= $1
          AND (locked_until IS NULL OR locked_until <= $1)
        ORDER BY next_retry_at LIMIT $2`;
      const claim = `UPDATE tollgate_submissions SET locked_until = $3,
          updated_at = $1
        WHERE id IN (${surface.dialect === 'postgres' ? `${due} FOR UPDATE SKIP LOCKED` : due})
        RETURNING ${COLUMNS}`;
      const rows = await surface.query(claim, [now.getTime(), limit, now.getTime() + leaseMs]);
      return rows.map(submissionFromRow);
    },
    async replaceRequest(id, request, now) {
      await run(
        `UPDATE tollgate_submissions SET request = $2, updated_at = $3
         WHERE id = $1 AND status = 'pending' AND attempts = 0 RETURNING id`,
        [id, JSON.stringify(request), now.getTime()],
      );
    },
    async countAttempt(id, now, recoverAt) {
      await run(
        `UPDATE tollgate_submissions SET attempts = attempts + 1, updated_at = $2,
           next_retry_at = CASE WHEN status = 'pending' THEN $3 ELSE next_retry_at END
         WHERE id = $1 RETURNING id`,
        [id, now.getTime(), recoverAt.getTime()],
      );
    },
  };
}
