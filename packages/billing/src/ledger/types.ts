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
  id: string;
  /** Position in its chain (per ledger or per tenant, see the ledger's docs), from 1. */
  sequence: bigint;
  createdAt: Date;
  /** Hash of the previous event in the chain (`''` for the first). */
  prevHash: string;
  /** SHA-256 (hex) over `prevHash` and `canonical`. */
  hash: string;
  /** The exact canonical text that was hashed, stored so SQL alone can re-check the chain. */
  canonical: string;
}
