export type { AppendInput } from './append-input.js';
export {
  CANONICAL_VERSION,
  type CanonicalEventFields,
  canonicalEventText,
  canonicalJson,
} from './canonical.js';
export { BILLING_ERROR_CODES, BillingError, type BillingErrorCode } from './errors.js';
export { newEventId } from './event-id.js';
export { CSV_COLUMNS, csvHeader, eventToCsvRow, eventToJson, eventToJsonLine } from './export.js';
export { chainHash, GENESIS_HASH, type VerifyFailureReason } from './hash-chain.js';
export {
  createLedger,
  type EventPage,
  type Ledger,
  type LedgerOptions,
  type LedgerTotals,
  type ListEventsQuery,
  type ReverseInput,
  type TotalsQueryInput,
  type VerifyBreak,
  type VerifyResult,
} from './ledger.js';
export type {
  BillingActor,
  BillingEvent,
  ChainHead,
  LedgerCheckpoint,
  NewBillingEvent,
} from './types.js';
