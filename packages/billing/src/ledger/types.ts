import type { Money } from '@tollgate/core';

/** Who caused a billing event. */
export interface BillingActor {
  id: string;
  /** `sme`, `bank`, `partner`, `admin` — or a role of the platform's own. */
  role: 'sme' | 'bank' | 'partner' | 'admin' | (string & {});
}

/** What `ledger.append` takes: everything but the fields the ledger assigns. */
export interface NewBillingEvent {
  tenantId: string;
  actor: BillingActor;
  sessionId: string | null;
  /** The billable operation: `sme.validation`, `bank.recheck`, `customs.submission`, … (open-ended). */
  operation: string;
  /** Pricing tier the amount was computed for, if any. */
  tier: string | null;
  /** Minor units; negative for a reversing (correction) event. */
  amount: Money;
  /** Unique per tenant: the same key never appends twice. */
  idempotencyKey: string;
  /** The partner's or the platform's reference (submission id, quote id …). */
  externalReference: string | null;
  /** For a reversing event: the id of the event it corrects. */
  reverses: string | null;
  /** Non-secret details; values must be JSON. */
  metadata: Record<string, unknown>;
}

/** A billing event as stored: immutable, hash-chained. */
export interface BillingEvent extends NewBillingEvent {
  /** A UUID v7, made by the ledger. */
  id: string;
  /** Position in its tenant's chain (each tenant has its own chain), from 1. */
  sequence: bigint;
  /** When it was appended: the millisecond its id (a UUID v7) carries, so id order is time order. */
  createdAt: Date;
  /** Hash of the previous event in the tenant's chain (`''` for the first). */
  prevHash: string;
  /** SHA-256 (hex) over `prevHash` followed by `canonical` (UTF-8). */
  hash: string;
  /**
   * The exact canonical text that was hashed (every field above but
   * `sequence`, `prevHash` and `hash`), stored so SQL alone can re-check the chain.
   */
  canonical: string;
}

/** The last event of one tenant's chain. */
export interface ChainHead {
  tenantId: string;
  /** Sequence of the tenant's last event (its event count). */
  sequence: bigint;
  /** Hash of the tenant's last event. */
  hash: string;
}

/**
 * A checkpoint: every tenant's chain head at one moment, in a chain of its own,
 * so that deleting a whole tenant's events (or the tail of a chain) is noticed.
 */
export interface LedgerCheckpoint {
  /** Position in the checkpoint chain, from 1. */
  sequence: bigint;
  createdAt: Date;
  /** Every chain head at the time, by tenant id. */
  heads: ChainHead[];
  /** Hash of the previous checkpoint (`''` for the first). */
  prevHash: string;
  /** SHA-256 (hex) over `prevHash` and `canonical`. */
  hash: string;
  /** The exact canonical text that was hashed. */
  canonical: string;
}
