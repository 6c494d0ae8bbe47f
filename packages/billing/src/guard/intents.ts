import type { Money } from '@tollgate/core';
import { canonicalJson } from '../ledger/canonical.js';
import type { BillingActor, BillingEvent } from '../ledger/types.js';
import type { IntentStatus, StoredIntent } from '../stores/types.js';

/** What `intent.commit` takes. */
export interface CommitInput {
  /** The partner's or the platform's reference for the work done (submission id …). */
  reference?: string | null;
  /** Non-secret details kept on the billing event (plain JSON). */
  metadata?: Record<string, unknown>;
}

/**
 * A pending charge (the first phase of two): `commit` appends exactly one
 * billing event, `void` cancels it; either happens at most once, and an
 * intent not resolved by `expiresAt` is voided.
 */
export interface BillingIntent {
  readonly id: string;
  readonly tenantId: string;
  readonly actor: BillingActor;
  readonly sessionId: string | null;
  readonly operation: string;
  readonly tier: string | null;
  /** What committing bills. */
  readonly amount: Money;
  readonly idempotencyKey: string;
  /** The quote the payer consented to, if one was needed. */
  readonly quoteId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** The state when last seen by this handle. */
  readonly status: IntentStatus;
  /** The billing event, once committed. */
  readonly event: BillingEvent | null;
  /** True when the intent existed before this call (same tenant and idempotency key). */
  readonly replayed: boolean;
  /**
   * Append the billing event and mark the intent committed, in one transaction.
   * Throws `already_committed`, `already_voided` or `expired` (a `BillingError`)
   * when the intent is no longer pending.
   */
  commit(input?: CommitInput): Promise<BillingEvent>;
  /** Cancel the charge and give its quota back. Throws `already_committed` or `already_voided`. */
  void(reason?: string): Promise<void>;
}

/** What an intent handle needs from its guard. */
export interface IntentResolver {
  commit(intent: IntentHandle, input: CommitInput): Promise<BillingEvent>;
  void(intent: IntentHandle, reason: string): Promise<void>;
}

/** The {@link BillingIntent} a guard hands out. */
export class IntentHandle implements BillingIntent {
  readonly #resolver: IntentResolver;
  #stored: StoredIntent;
  #event: BillingEvent | null;
  readonly replayed: boolean;

  constructor(
    resolver: IntentResolver,
    stored: StoredIntent,
    event: BillingEvent | null,
    replayed: boolean,
  ) {
    this.#resolver = resolver;
    this.#stored = stored;
    this.#event = event;
    this.replayed = replayed;
  }

  get id() {
    return this.#stored.id;
  }
  get tenantId() {
    return this.#stored.tenantId;
  }
  get actor() {
    return this.#stored.actor;
  }
  get sessionId() {
    return this.#stored.sessionId;
  }
  get operation() {
    return this.#stored.operation;
  }
  get tier() {
    return this.#stored.tier;
  }
  get amount() {
    return this.#stored.amount;
  }
  get idempotencyKey() {
    return this.#stored.idempotencyKey;
  }
  get quoteId() {
    return this.#stored.quoteId;
  }
  get createdAt() {
    return this.#stored.createdAt;
  }
  get expiresAt() {
    return this.#stored.expiresAt;
  }
  get status() {
    return this.#stored.status;
  }
  get event() {
    return this.#event;
  }
  /** The stored row behind the handle. */
  get stored(): StoredIntent {
    return this.#stored;
  }

  /** Record what the store says the intent became. */
  update(stored: StoredIntent, event: BillingEvent | null = this.#event): void {
    this.#stored = stored;
    this.#event = event;
  }

  commit(input: CommitInput = {}): Promise<BillingEvent> {
    return this.#resolver.commit(this, input);
  }

  void(reason = 'voided'): Promise<void> {
    return this.#resolver.void(this, reason);
  }

  toJSON() {
    return {
      id: this.id,
      tenantId: this.tenantId,
      actor: this.actor,
      sessionId: this.sessionId,
      operation: this.operation,
      tier: this.tier,
      amount: { amount: this.amount.amount.toString(), currency: this.amount.currency },
      idempotencyKey: this.idempotencyKey,
      quoteId: this.quoteId,
      createdAt: this.createdAt.toISOString(),
      expiresAt: this.expiresAt.toISOString(),
      status: this.status,
      eventId: this.#event?.id ?? null,
    };
  }
}

/** What makes two authorizations "the same request" under one idempotency key. */
export function intentFingerprint(request: {
  operation: string;
  sessionId: string | null;
  actor: BillingActor;
  tier: string | null;
  amount: Money;
}): string {
  return canonicalJson({
    operation: request.operation,
    sessionId: request.sessionId,
    actor: { id: request.actor.id, role: request.actor.role },
    tier: request.tier,
    amount: request.amount.amount,
    currency: request.amount.currency,
  });
}
