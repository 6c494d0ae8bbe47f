import type { Money } from '@tollgate/core';
import type { BillingPeriod } from './billing-period.js';
import type { RateSource } from './compiled-rate.js';
import type { PlanModelName, RateConfig, UsageModelName } from './config-types.js';

/** Which rate to find: a tenant, an operation and, optionally, a tier. */
export interface RateLookup {
  tenantId: string;
  operation: string;
  /** Omitted or `null`: the tenant's tier from its contract, if any. */
  tier?: string | null;
}

/** The rate that prices an operation for a tenant, as configured. */
export interface ResolvedRate {
  operation: string;
  /** The tier the rate was looked up for (the request's, else the tenant's, else `null`). */
  tier: string | null;
  currency: string;
  model: UsageModelName;
  /** `tenant` for a negotiated rate, `price-book` for a list price. */
  source: RateSource;
  /** The rate as configured, decimal strings and all. */
  config: RateConfig;
}

/** What `PriceBook.quote` takes. */
export interface QuoteRequest extends RateLookup {
  /** Required for a percentage rate: the value of the one transaction, in the rate's currency. */
  transactionValue?: Money;
  /** Units of this operation already used this month, for the marginal price under bands; default 0. */
  alreadyUsed?: number;
}

/** The price of one more unit, as shown in a 402 quote. */
export interface PriceQuote {
  operation: string;
  tier: string | null;
  model: UsageModelName;
  amount: Money;
}

/** What `PriceBook.priceQuantity` takes. */
export interface QuantityRequest extends RateLookup {
  quantity: number;
  /** For a percentage rate: one value per unit, in the rate's currency. */
  transactionValues?: readonly Money[];
}

/** One operation's usage in a period. Entries for the same operation and tier are added up. */
export interface UsageEntry {
  operation: string;
  /** Omitted or `null`: the tenant's tier from its contract, if any. */
  tier?: string | null;
  quantity: number;
  /** For a percentage rate: one value per unit, in the rate's currency. */
  transactionValues?: readonly Money[];
}

/** What `PriceBook.priceUsage` takes. */
export interface UsageRequest {
  tenantId: string;
  /** `'YYYY-MM'` or `{ year, month }`. */
  period: BillingPeriod | string;
  usage: readonly UsageEntry[];
}

/**
 * What a line charges for: a plan's monthly fee, units a plan includes (at no
 * charge), usage priced by a rate, or the top-up to a minimum commitment.
 */
export type PriceLineKind = 'subscription' | 'included' | 'usage' | 'minimum-commitment';

/** One priced line, in whole minor units of the tenant's currency. */
export interface PriceLine {
  kind: PriceLineKind;
  /** `null` for a subscription fee or a commitment top-up. */
  operation: string | null;
  tier: string | null;
  /** The rate's model for usage and included units, the plan's for a fee, `null` for a top-up. */
  model: UsageModelName | PlanModelName | null;
  quantity: number;
  amount: Money;
  description: string;
}

/** The priced lines of a tenant's usage for one month. */
export interface PricedUsage {
  tenantId: string;
  period: BillingPeriod;
  currency: string;
  /** The plan's fee first, then usage by operation and tier (included units before charged ones), then the commitment top-up. */
  lines: PriceLine[];
}

/** A validated price book: finds rates and prices quotes, quantities and a month's usage. */
export interface PriceBook {
  /** The price book's ISO 4217 code. */
  readonly currency: string;
  /** The currency a tenant is invoiced in: its own, else the price book's. */
  billingCurrency(tenantId: string): string;
  /** The rate that prices an operation for a tenant; a `ValidationError` (`no_rate`) when none does. */
  resolveRate(lookup: RateLookup): ResolvedRate;
  /**
   * The price of one more unit on its own, rounded half-even: no plan, no
   * included units. With `alreadyUsed`, the marginal price: the rounded price
   * of `alreadyUsed + 1` units minus that of `alreadyUsed`, so the quotes of a
   * month add up to the price of its quantity. Under volume bands that
   * difference is negative where the next unit moves the whole quantity into a
   * cheaper band. A percentage rate prices `transactionValue` and ignores
   * `alreadyUsed`.
   */
  quote(request: QuoteRequest): PriceQuote;
  /** The price of `quantity` units on their own (no plan, no included units), rounded half-even. */
  priceQuantity(request: QuantityRequest): Money;
  /** A month of usage priced into lines: plan fee, included units, usage, commitment top-up. */
  priceUsage(request: UsageRequest): PricedUsage;
}
