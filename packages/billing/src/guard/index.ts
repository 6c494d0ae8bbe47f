export {
  BillingEventBus,
  type BillingEventBusOptions,
  type BillingEventMap,
  type BillingEventName,
  type BillingListener,
  createBillingEventBus,
  type QuotaEventPayload,
} from './events.js';
export {
  type AuthorizeRequest,
  type BillingGuard,
  type BillingGuardOptions,
  createBillingGuard,
  type PriceRequest,
  type PriceSource,
  type QuotaUsage,
  type RunOptions,
  type RunResult,
  type SweepResult,
} from './guard.js';
export type { BillingIntent, CommitInput } from './intents.js';
export type { ConsentFailure } from './quotes.js';
