import { randomUUID } from 'node:crypto';
import {
  IdempotencyConflictError,
  isMoney,
  type Money,
  moneyToJSON,
  QuotaExceededError,
} from '@tollgate/core';
import { z } from 'zod';
import { actorSchema, invalid, metadataSchema, operationSchema } from '../ledger/append-input.js';
import { BillingError } from '../ledger/errors.js';
import type { Ledger } from '../ledger/ledger.js';
import { prepareEvent } from '../ledger/ledger.js';
import type { BillingActor, BillingEvent } from '../ledger/types.js';
import type { QuotaPolicy } from '../quotas/quotas.js';
import { quotaWindow } from '../quotas/quotas.js';
import type { IntentDraft, StoredIntent } from '../stores/types.js';
import { BillingEventBus } from './events.js';
import {
  type BillingIntent,
  type CommitInput,
  IntentHandle,
  type IntentResolver,
  intentFingerprint,
} from './intents.js';
import { checkConsent, issueQuote, paymentRequired, type QuoteSubject } from './quotes.js';

/** What a price source is asked: the price of one unit of `operation` for `tenantId`. */
export interface PriceRequest {
  tenantId: string;
  operation: string;
  tier?: string | null;
  /** For a percentage-priced operation: the value of the transaction. */
  transactionValue?: Money;
}

/**
 * Anything that prices one operation: the price book's `quote` fits
 * (`{ operation, tier, amount, model }`). Only `amount` (and `tier`, when the
 * source resolved one) is used.
 */
export interface PriceSource {
  quote(
    request: PriceRequest,
  ): { amount: Money; tier?: string | null } | Promise<{ amount: Money; tier?: string | null }>;
}

/** What `guard.authorize` takes. */
export interface AuthorizeRequest {
  tenantId: string;
  actor: BillingActor;
  /** The session (document, submission) the operation is about; `null` when none. */
  sessionId?: string | null;
  operation: string;
  /** Unique per tenant: the same key returns the same intent and never bills twice. */
  idempotencyKey: string;
  tier?: string | null;
  /** The `quoteId` of a 402, when the payer consents to its own charge. */
  consent?: string;
  /** For a percentage-priced operation: the transaction's value (kept on the event). */
  transactionValue?: Money;
  /** Non-secret details for the billing event. */
  metadata?: Record<string, unknown>;
}

/** What `guard.run` returns: `fn`'s result and the billing event, or the earlier event on a replay. */
export type RunResult<T> =
  | { result: T; event: BillingEvent; replayed: false }
  /** The key was already committed: `fn` was not run again and nothing was billed. */
  | { result: undefined; event: BillingEvent; replayed: true };

/** Options of `guard.run`. */
export interface RunOptions<T> {
  /** The reference and metadata of the billing event, from `fn`'s result. */
  commit?: (result: T) => CommitInput;
  /**
   * How long to wait for another caller's pending intent under the same key
   * before giving up with `in_progress` (409); default 10 s.
   */
  waitMs?: number;
}

/** A quota's state for one tenant and operation this month. */
export interface QuotaUsage {
  tenantId: string;
  operation: string;
  period: string;
  used: number;
  /** `null`: no limit. */
  limit: number | null;
  resetsAt: Date;
}

/** Options of {@link createBillingGuard}. */
export interface BillingGuardOptions {
  ledger: Ledger;
  prices: PriceSource;
  /** Monthly limits; none when omitted. */
  quotas?: QuotaPolicy;
  /** Where `billing.*`, `quote.created` and `quota.*` events go; a new bus when omitted. */
  events?: BillingEventBus;
  /** Default `() => new Date()`. */
  clock?: () => Date;
  /** How long an intent stays pending before it is voided; default 5 minutes. */
  intentTimeoutMs?: number;
  /** How long a 402's quote can be consented to; default 15 minutes. */
  quoteTtlMs?: number;
  /** Whether the tenant may use the operation at all (entitlement); default: any priced operation. */
  entitled?: (request: AuthorizeRequest) => boolean | Promise<boolean>;
  /**
   * Whether the payer must consent to its own charge (402 with a quote first).
   * Default: an actor with role `bank` asking for anything on a session.
   */
  requiresConsent?: (request: AuthorizeRequest) => boolean;
}

/** What `guard.sweep` did. */
export interface SweepResult {
  /** Pending intents voided because they expired. */
  expired: number;
  /** Quotes deleted a day after they expired. */
  quotesDeleted: number;
  /** Whether a ledger checkpoint was appended. */
  checkpointed: boolean;
}

/** The billing guard: two-phase charges (authorize → commit or void) over a ledger. */
export interface BillingGuard {
  readonly ledger: Ledger;
  readonly events: BillingEventBus;
  /**
   * Check entitlement, consent and quota and write a pending intent. Throws
   * `PaymentRequiredError` (402, with a quote), `QuotaExceededError` (429),
   * `IdempotencyConflictError` (409) or `ValidationError` (400).
   */
  authorize(request: AuthorizeRequest): Promise<BillingIntent>;
  /**
   * Authorize, run `fn`, commit when it succeeds and void when it throws (then
   * `fn`'s error is rethrown). A key already committed returns its event
   * without running `fn`; a key pending elsewhere is waited for (up to
   * `waitMs`, then `in_progress`), and run afresh if that attempt is voided.
   */
  run<T>(
    request: AuthorizeRequest,
    fn: (intent: BillingIntent) => T | Promise<T>,
    options?: RunOptions<T>,
  ): Promise<RunResult<T>>;
  /** An intent by id (an expired pending one is voided first). */
  getIntent(id: string): Promise<BillingIntent | undefined>;
  /** Void expired intents, delete stale quotes and (when asked) checkpoint the ledger. */
  sweep(options?: { limit?: number; checkpoint?: boolean }): Promise<SweepResult>;
  /** Run {@link sweep} every `intervalMs` (default 10 s) until the returned function is called. */
  startSweeper(options?: { intervalMs?: number; checkpoint?: boolean }): () => void;
  /** This month's quota usage of a tenant's operation. */
  quotaUsage(tenantId: string, operation: string): Promise<QuotaUsage>;
}

const authorizeSchema = z.object({
  tenantId: z.string().min(1).max(256),
  actor: actorSchema,
  sessionId: z.string().min(1).max(256).nullable().optional(),
  operation: operationSchema,
  idempotencyKey: z.string().min(1).max(256),
  tier: z.string().min(1).max(256).nullable().optional(),
  consent: z.string().min(1).max(256).optional(),
  transactionValue: z
    .custom<Money>(isMoney, { message: 'transactionValue must be Money' })
    .optional(),
  metadata: metadataSchema.optional(),
});

const DEFAULT_INTENT_TIMEOUT_MS = 5 * 60_000;
const DEFAULT_QUOTE_TTL_MS = 15 * 60_000;
const QUOTE_RETENTION_MS = 24 * 60 * 60_000;
const DEFAULT_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? `failed: ${code}` : 'failed';
}

/** Create a billing guard. */
export function createBillingGuard(options: BillingGuardOptions): BillingGuard {
  const { ledger, prices, quotas } = options;
  const { store } = ledger;
  const events = options.events ?? new BillingEventBus();
  const clock = options.clock ?? (() => new Date());
  const intentTimeoutMs = options.intentTimeoutMs ?? DEFAULT_INTENT_TIMEOUT_MS;
  const quoteTtlMs = options.quoteTtlMs ?? DEFAULT_QUOTE_TTL_MS;
  const requiresConsent =
    options.requiresConsent ??
    ((request: AuthorizeRequest) => request.actor.role === 'bank' && !!request.sessionId);

  function resolutionError(intent: StoredIntent): BillingError {
    if (intent.status === 'committed') {
      return new BillingError(
        'already_committed',
        `Billing intent ${intent.id} is already committed`,
        {
          details: { intent_id: intent.id, event_id: intent.eventId },
        },
      );
    }
    if (intent.voidReason === 'expired') {
      return new BillingError(
        'expired',
        `Billing intent ${intent.id} expired before it was committed`,
        {
          details: { intent_id: intent.id },
        },
      );
    }
    return new BillingError('already_voided', `Billing intent ${intent.id} is already voided`, {
      details: { intent_id: intent.id, reason: intent.voidReason },
    });
  }

  function emitVoided(intent: StoredIntent): void {
    events.emit('billing.voided', {
      intentId: intent.id,
      tenantId: intent.tenantId,
      operation: intent.operation,
      reason: intent.voidReason ?? 'voided',
    });
  }

  const resolver: IntentResolver = {
    async commit(handle, input) {
      const metadata: Record<string, unknown> = {
        ...handle.stored.metadata,
        ...input.metadata,
        intentId: handle.id,
      };
      if (handle.quoteId !== null) metadata.quoteId = handle.quoteId;
      const checked = metadataSchema.safeParse(metadata);
      if (!checked.success) invalid('commit metadata', checked.error);
      const now = clock();
      const draft = prepareEvent(
        {
          tenantId: handle.tenantId,
          actor: handle.actor,
          sessionId: handle.sessionId,
          operation: handle.operation,
          tier: handle.tier,
          amount: handle.amount,
          idempotencyKey: handle.idempotencyKey,
          externalReference: input.reference ?? null,
          reverses: null,
          metadata,
        },
        now,
      );
      const outcome = await store.commitIntent(handle.id, now, draft);
      switch (outcome.kind) {
        case 'committed':
          handle.update(outcome.intent, outcome.event);
          events.emit('billing.committed', { intentId: handle.id, event: outcome.event });
          return outcome.event;
        case 'expired':
          handle.update(outcome.intent);
          emitVoided(outcome.intent);
          throw resolutionError(outcome.intent);
        case 'not_pending':
          handle.update(outcome.intent);
          throw resolutionError(outcome.intent);
        case 'key_taken':
          throw new IdempotencyConflictError(
            `Idempotency key "${handle.idempotencyKey}" already names another billing event`,
            { details: { event_id: outcome.event.id } },
          );
        case 'missing':
          throw new BillingError('intent_not_found', `Billing intent ${handle.id} does not exist`);
      }
    },

    async void(handle, reason) {
      const outcome = await store.voidIntent(handle.id, reason, clock());
      if (outcome.kind === 'missing') {
        throw new BillingError('intent_not_found', `Billing intent ${handle.id} does not exist`);
      }
      handle.update(outcome.intent);
      if (outcome.kind === 'not_pending') throw resolutionError(outcome.intent);
      emitVoided(outcome.intent);
    },
  };

  async function handleFor(intent: StoredIntent, replayed: boolean): Promise<IntentHandle> {
    const event =
      intent.status === 'committed' && intent.eventId !== null
        ? ((await store.getEvent(intent.eventId)) ?? null)
        : null;
    return new IntentHandle(resolver, intent, event, replayed);
  }

  /** Void `intent` if it is pending past its expiry; return what it is now. */
  async function settleExpiry(intent: StoredIntent, now: Date): Promise<StoredIntent> {
    if (intent.status !== 'pending' || intent.expiresAt.getTime() > now.getTime()) return intent;
    const outcome = await store.voidIntent(intent.id, 'expired', now);
    if (outcome.kind === 'voided') emitVoided(outcome.intent);
    return outcome.kind === 'missing' ? intent : outcome.intent;
  }

  async function replay(existing: StoredIntent, fingerprint: string): Promise<IntentHandle> {
    if (existing.fingerprint !== fingerprint) {
      throw new IdempotencyConflictError(
        `Idempotency key "${existing.idempotencyKey}" was already used by tenant ${existing.tenantId} for a different request`,
        { details: { intent_id: existing.id } },
      );
    }
    return handleFor(existing, true);
  }

  function emitQuota(
    tenantId: string,
    operation: string,
    used: number,
    limit: number,
    period: string,
    resetsAt: Date,
  ) {
    const payload = { tenantId, operation, period, used, limit, resetsAt };
    const threshold = Math.ceil(limit * (quotas?.warningRatio ?? 0.8));
    if (used === threshold) events.emit('quota.warning', payload);
    if (used === limit) events.emit('quota.exhausted', payload);
  }

  async function authorize(input: AuthorizeRequest): Promise<BillingIntent> {
    const parsed = authorizeSchema.safeParse(input);
    if (!parsed.success) invalid('authorization request', parsed.error);
    const request = parsed.data as AuthorizeRequest;
    const now = clock();
    const sessionId = request.sessionId ?? null;
    const actor = { id: request.actor.id, role: request.actor.role };

    const priced = await prices.quote({
      tenantId: request.tenantId,
      operation: request.operation,
      ...(request.tier === undefined ? {} : { tier: request.tier }),
      ...(request.transactionValue === undefined
        ? {}
        : { transactionValue: request.transactionValue }),
    });
    const amount = priced.amount;
    const tier = priced.tier ?? request.tier ?? null;
    const fingerprint = intentFingerprint({
      operation: request.operation,
      sessionId,
      actor,
      tier,
      amount,
    });

    // A repeated key is answered before consent and entitlement are asked for. Without
    // either, the intent's write below finds it itself, and this read is saved.
    if (requiresConsent(request) || options.entitled !== undefined) {
      const found = await store.findIntent(request.tenantId, request.idempotencyKey);
      const existing = found === undefined ? undefined : await settleExpiry(found, now);
      if (existing !== undefined && existing.status !== 'voided') {
        return replay(existing, fingerprint);
      }
    }

    if (options.entitled !== undefined && !(await options.entitled(request))) {
      throw new BillingError(
        'not_entitled',
        `Tenant ${request.tenantId} is not entitled to ${request.operation}`,
        { operation: request.operation },
      );
    }

    const subject: QuoteSubject = {
      tenantId: request.tenantId,
      sessionId,
      operation: request.operation,
      actor,
      tier,
    };
    let quoteId: string | null = null;
    if (requiresConsent(request)) {
      const failure =
        request.consent === undefined
          ? 'consent_required'
          : await checkConsent(store, request.consent, subject, amount, now);
      if (failure !== undefined) {
        const quote = await issueQuote(store, subject, amount, now, quoteTtlMs);
        events.emit('quote.created', {
          quoteId: quote.id,
          tenantId: quote.tenantId,
          sessionId: quote.sessionId,
          operation: quote.operation,
          actor: quote.actor,
          amount: quote.amount,
          expiresAt: quote.expiresAt,
        });
        throw paymentRequired(quote, failure);
      }
      quoteId = request.consent ?? null;
    }

    const limit = quotas?.limitFor(request.tenantId, request.operation) ?? null;
    const window = quotas === undefined ? undefined : quotaWindow(quotas, request.tenantId, now);
    const metadata: Record<string, unknown> = { ...request.metadata };
    if (request.transactionValue !== undefined) {
      metadata.transactionValue = moneyToJSON(request.transactionValue);
    }
    const draft: IntentDraft = {
      id: `intent_${randomUUID()}`,
      tenantId: request.tenantId,
      actor,
      sessionId,
      operation: request.operation,
      tier,
      amount,
      idempotencyKey: request.idempotencyKey,
      fingerprint,
      quoteId,
      metadata,
      createdAt: now,
      expiresAt: new Date(now.getTime() + intentTimeoutMs),
    };
    const reservation =
      limit === null || window === undefined ? undefined : { period: window.period, limit };
    let outcome = await store.openIntent(draft, reservation);
    if (outcome.kind === 'existing') {
      const current = await settleExpiry(outcome.intent, now);
      if (current.status !== 'voided') return replay(current, fingerprint);
      // Left pending past its expiry (its caller crashed), it is void now: the key is free again.
      outcome = await store.openIntent(draft, reservation);
    }
    switch (outcome.kind) {
      case 'existing':
        return replay(await settleExpiry(outcome.intent, now), fingerprint);
      case 'quota_exceeded':
        throw new QuotaExceededError(
          `Tenant ${request.tenantId} has used its ${limit} ${request.operation} this month`,
          {
            operation: request.operation,
            ...(window === undefined ? {} : { resetsAt: window.end }),
            details: { limit, used: outcome.used, period: window?.period },
          },
        );
      case 'quote_used': {
        const quote = await issueQuote(store, subject, amount, now, quoteTtlMs);
        throw paymentRequired(quote, 'quote_used');
      }
      case 'created': {
        const { intent, used } = outcome;
        events.emit('billing.authorized', {
          intentId: intent.id,
          tenantId: intent.tenantId,
          actor: intent.actor,
          operation: intent.operation,
          amount: intent.amount,
          expiresAt: intent.expiresAt,
        });
        if (used !== null && limit !== null && window !== undefined) {
          emitQuota(intent.tenantId, intent.operation, used, limit, window.period, window.end);
        }
        return new IntentHandle(resolver, intent, null, false);
      }
    }
  }

  /** Wait until someone else's pending intent resolves (or expires); return what it became. */
  async function settled(intent: BillingIntent, waitMs: number): Promise<StoredIntent | undefined> {
    const giveUpAt = Date.now() + waitMs;
    let delay = 10;
    for (;;) {
      const current = await store.getIntent(intent.id);
      if (current === undefined) return undefined;
      const after = await settleExpiry(current, clock());
      if (after.status !== 'pending') return after;
      if (Date.now() >= giveUpAt) {
        throw new BillingError(
          'in_progress',
          `A request with idempotency key "${intent.idempotencyKey}" is still running; try again later`,
          {
            retryable: true,
            details: { intent_id: intent.id, expires_at: intent.expiresAt.toISOString() },
          },
        );
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 250);
    }
  }

  async function run<T>(
    request: AuthorizeRequest,
    fn: (intent: BillingIntent) => T | Promise<T>,
    runOptions: RunOptions<T> = {},
  ): Promise<RunResult<T>> {
    for (;;) {
      const intent = await authorize(request);
      if (intent.status === 'committed' && intent.event !== null) {
        return { result: undefined, event: intent.event, replayed: true };
      }
      if (intent.replayed) {
        const outcome = await settled(intent, runOptions.waitMs ?? DEFAULT_WAIT_MS);
        if (outcome?.status === 'committed' && outcome.eventId !== null) {
          const event = await store.getEvent(outcome.eventId);
          if (event !== undefined) return { result: undefined, event, replayed: true };
        }
        continue; // voided (the other attempt failed or expired): authorize afresh
      }
      let result: T;
      try {
        result = await fn(intent);
      } catch (error) {
        await intent.void(reasonOf(error)).catch(() => undefined);
        throw error;
      }
      const event = await intent.commit(runOptions.commit?.(result) ?? {});
      return { result, event, replayed: false };
    }
  }

  async function sweep(
    sweepOptions: { limit?: number; checkpoint?: boolean } = {},
  ): Promise<SweepResult> {
    const now = clock();
    const limit = sweepOptions.limit ?? 1000;
    let expired = 0;
    for (;;) {
      const voided = await store.expireIntents(now, limit);
      for (const intent of voided) emitVoided(intent);
      expired += voided.length;
      if (voided.length < limit) break;
    }
    const quotesDeleted = await store.deleteQuotes(new Date(now.getTime() - QUOTE_RETENTION_MS));
    const checkpointed = sweepOptions.checkpoint
      ? (await ledger.checkpoint()) !== undefined
      : false;
    return { expired, quotesDeleted, checkpointed };
  }

  return {
    ledger,
    events,
    authorize,
    run,
    async getIntent(id) {
      const found = await store.getIntent(id);
      if (found === undefined) return undefined;
      return handleFor(await settleExpiry(found, clock()), true);
    },
    sweep,
    startSweeper(sweeperOptions = {}) {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        sweep({ checkpoint: sweeperOptions.checkpoint ?? true })
          .catch((error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            console.error(`[tollgate] billing sweep failed: ${message}`);
          })
          .finally(() => {
            running = false;
          });
      }, sweeperOptions.intervalMs ?? 10_000);
      timer.unref?.();
      return () => clearInterval(timer);
    },
    async quotaUsage(tenantId, operation) {
      const window = quotaWindow(
        quotas ?? { limitFor: () => null, timeZoneOf: () => 'UTC' },
        tenantId,
        clock(),
      );
      return {
        tenantId,
        operation,
        period: window.period,
        used: await store.quotaUsed(tenantId, operation, window.period),
        limit: quotas?.limitFor(tenantId, operation) ?? null,
        resetsAt: window.end,
      };
    },
  };
}
