import { createHash } from 'node:crypto';
import { CANONICAL_VERSION, canonicalEventText, canonicalJson } from './canonical.js';
import type { BillingEvent, ChainHead, LedgerCheckpoint } from './types.js';

/** The `prevHash` of the first link of a chain. */
export const GENESIS_HASH = '';

/**
 * SHA-256 (lower-case hex) over `prevHash` followed by `canonical`, as UTF-8.
 * PostgreSQL computes the same value in SQL:
 * `encode(sha256(convert_to(prev_hash || canonical, 'UTF8')), 'hex')`.
 */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/** Why `ledger.verify()` found a chain broken. */
export type VerifyFailureReason =
  /** Sequences do not run 1, 2, 3 … (a row was deleted or inserted). */
  | 'sequence_gap'
  /** `prevHash` is not the hash of the event before. */
  | 'prev_hash_mismatch'
  /** `hash` is not SHA-256 over `prevHash` and `canonical`. */
  | 'hash_mismatch'
  /** A column no longer says what the hashed canonical text says. */
  | 'row_mismatch'
  /** The stored chain head does not match the chain's last event. */
  | 'head_mismatch'
  /** A checkpoint's own chain is broken (sequence, prev hash, hash or text). */
  | 'checkpoint_broken'
  /** A tenant a checkpoint recorded is gone, or its chain is shorter than recorded. */
  | 'checkpoint_mismatch';

/** One broken link found while walking a chain. */
export interface LinkFailure {
  reason: VerifyFailureReason;
  detail: string;
}

/**
 * Check one event against the link before it (`previous`, or `undefined` for
 * the first event of a chain): its sequence, its `prevHash`, its hash, and
 * that its columns still say what its canonical text says.
 */
export function checkEventLink(
  previous: { sequence: bigint; hash: string } | undefined,
  event: BillingEvent,
): LinkFailure | undefined {
  const expectedSequence = (previous?.sequence ?? 0n) + 1n;
  if (event.sequence !== expectedSequence) {
    return {
      reason: 'sequence_gap',
      detail: `expected sequence ${expectedSequence}, found ${event.sequence}`,
    };
  }
  const expectedPrev = previous?.hash ?? GENESIS_HASH;
  if (event.prevHash !== expectedPrev) {
    return {
      reason: 'prev_hash_mismatch',
      detail: 'prev_hash is not the hash of the event before',
    };
  }
  if (chainHash(event.prevHash, event.canonical) !== event.hash) {
    return { reason: 'hash_mismatch', detail: 'hash is not SHA-256(prev_hash || canonical)' };
  }
  let rebuilt: string;
  try {
    rebuilt = canonicalEventText(event);
  } catch (error) {
    return { reason: 'row_mismatch', detail: `the row cannot be serialized: ${String(error)}` };
  }
  if (rebuilt !== event.canonical) {
    return { reason: 'row_mismatch', detail: 'the columns differ from the hashed canonical text' };
  }
  return undefined;
}

/** The canonical text of a checkpoint over `heads` (sorted by tenant id here). */
export function canonicalCheckpointText(
  sequence: bigint,
  createdAt: Date,
  heads: readonly ChainHead[],
): string {
  const sorted = [...heads].sort((a, b) =>
    a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0,
  );
  return canonicalJson({
    v: CANONICAL_VERSION,
    type: 'checkpoint',
    sequence,
    createdAt,
    heads: sorted.map((head) => ({
      tenantId: head.tenantId,
      sequence: head.sequence,
      hash: head.hash,
    })),
  });
}

/** Build the next checkpoint after `previous` over `heads`. */
export function buildCheckpoint(
  previous: Pick<LedgerCheckpoint, 'sequence' | 'hash'> | undefined,
  createdAt: Date,
  heads: readonly ChainHead[],
): LedgerCheckpoint {
  const sequence = (previous?.sequence ?? 0n) + 1n;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const canonical = canonicalCheckpointText(sequence, createdAt, heads);
  const sorted = [...heads].sort((a, b) =>
    a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0,
  );
  return {
    sequence,
    createdAt,
    heads: sorted,
    prevHash,
    hash: chainHash(prevHash, canonical),
    canonical,
  };
}

/** Check one checkpoint against the one before it, as {@link checkEventLink} does for events. */
export function checkCheckpointLink(
  previous: LedgerCheckpoint | undefined,
  checkpoint: LedgerCheckpoint,
): LinkFailure | undefined {
  const expectedSequence = (previous?.sequence ?? 0n) + 1n;
  if (checkpoint.sequence !== expectedSequence) {
    return {
      reason: 'checkpoint_broken',
      detail: `expected checkpoint ${expectedSequence}, found ${checkpoint.sequence}`,
    };
  }
  if (checkpoint.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    return {
      reason: 'checkpoint_broken',
      detail: 'prev_hash is not the hash of the checkpoint before',
    };
  }
  if (chainHash(checkpoint.prevHash, checkpoint.canonical) !== checkpoint.hash) {
    return { reason: 'checkpoint_broken', detail: 'hash is not SHA-256(prev_hash || canonical)' };
  }
  const rebuilt = canonicalCheckpointText(
    checkpoint.sequence,
    checkpoint.createdAt,
    checkpoint.heads,
  );
  if (rebuilt !== checkpoint.canonical) {
    return {
      reason: 'checkpoint_broken',
      detail: 'the columns differ from the hashed canonical text',
    };
  }
  return undefined;
}

/** Whether two lists of chain heads name the same tenants at the same sequences and hashes. */
export function sameChainHeads(a: readonly ChainHead[], b: readonly ChainHead[]): boolean {
  if (a.length !== b.length) return false;
  const byTenant = new Map(a.map((head) => [head.tenantId, head]));
  return b.every((head) => {
    const other = byTenant.get(head.tenantId);
    return other !== undefined && other.sequence === head.sequence && other.hash === head.hash;
  });
}
