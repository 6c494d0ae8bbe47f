import { isMoney, type Money, moneyFromJSON } from '@tollgate/core';
import type { BillingEvent } from '../ledger/types.js';

/**
 * The metadata key under which a billing event of a percentage-priced
 * operation carries the transaction's value, as money JSON
 * (`{ "amount": "100100", "currency": "USD" }`, minor units as a string).
 */
export const TRANSACTION_VALUE_METADATA_KEY = 'transactionValue';

/**
 * The transaction value an event carries in its metadata: `undefined` when it
 * carries none, `null` when what it carries is not money or is negative.
 */
export function transactionValueOf(event: BillingEvent): Money | null | undefined {
  const raw = event.metadata[TRANSACTION_VALUE_METADATA_KEY];
  if (raw === undefined) return undefined;
  try {
    const value = isMoney(raw) ? raw : moneyFromJSON(raw);
    return value.amount < 0n ? null : value;
  } catch {
    return null;
  }
}
