import { randomUUID } from 'node:crypto';
import { type Money, PaymentRequiredError } from '@tollgate/core';
import type { BillingActor } from '../ledger/types.js';
import type { Store, StoredQuote } from '../stores/types.js';

/** Why a consent was refused (the 402's `reason`). */
export type ConsentFailure =
  /** No consent was given. */
  | 'consent_required'
  /** The quote id is not one this store issued. */
  | 'quote_unknown'
  /** The quote was made for another tenant, session, operation or payer. */
  | 'quote_mismatch'
  /** The quote's offer ran out. */
  | 'quote_expired'
  /** The price changed since the quote: consent to the new one. */
  | 'price_changed'
  /** The quote already paid for another request. */
  | 'quote_used';

/** What a quote is bound to: who pays, for what, on which session. */
export interface QuoteSubject {
  tenantId: string;
  sessionId: string | null;
  operation: string;
  actor: BillingActor;
  tier: string | null;
}

const MESSAGES: Record<ConsentFailure, string> = {
  consent_required: 'consent to this charge first (repeat the request with consent: quoteId)',
  quote_unknown: 'the consent names an unknown quote',
  quote_mismatch: 'the consent names a quote made for another request or payer',
  quote_expired: 'the quote has expired',
  price_changed: 'the price changed since the quote',
  quote_used: 'the quote was already used for another request',
};

/** Write a new quote for `subject` at `amount`, valid for `ttlMs` from `now`. */
export async function issueQuote(
  store: Store,
  subject: QuoteSubject,
  amount: Money,
  now: Date,
  ttlMs: number,
): Promise<StoredQuote> {
  const quote: StoredQuote = {
    id: `quote_${randomUUID()}`,
    ...subject,
    amount,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttlMs),
  };
  await store.saveQuote(quote);
  return quote;
}

/**
 * Why the quote `quoteId` does not let `subject` be charged `amount` now, or
 * `undefined` when it does: it must exist, be bound to the same tenant,
 * session, operation and payer, not have expired, and name today's price.
 */
export async function checkConsent(
  store: Store,
  quoteId: string,
  subject: QuoteSubject,
  amount: Money,
  now: Date,
): Promise<ConsentFailure | undefined> {
  const quote = await store.getQuote(quoteId);
  if (quote === undefined) return 'quote_unknown';
  if (
    quote.tenantId !== subject.tenantId ||
    quote.sessionId !== subject.sessionId ||
    quote.operation !== subject.operation ||
    quote.actor.id !== subject.actor.id ||
    quote.actor.role !== subject.actor.role
  ) {
    return 'quote_mismatch';
  }
  if (quote.expiresAt.getTime() <= now.getTime()) return 'quote_expired';
  if (quote.amount.amount !== amount.amount || quote.amount.currency !== amount.currency) {
    return 'price_changed';
  }
  return undefined;
}

/** The 402 for `quote`: the payer must consent to it; `reason` says why the last try was refused. */
export function paymentRequired(quote: StoredQuote, reason: ConsentFailure): PaymentRequiredError {
  return new PaymentRequiredError(
    `Payment required for ${quote.operation}: ${MESSAGES[reason]}`,
    {
      quoteId: quote.id,
      operation: quote.operation,
      amount: quote.amount.amount,
      currency: quote.amount.currency,
      expiresAt: quote.expiresAt,
    },
    { operation: quote.operation, details: { reason } },
  );
}
