export { type BillingPeriod, formatBillingPeriod, parseBillingPeriod } from './billing-period.js';
export type { RateSource } from './compiled-rate.js';
export type {
  BandConfig,
  DecimalString,
  GraduatedRateConfig,
  HybridPlanConfig,
  PackageRateConfig,
  PercentageRateConfig,
  PerUnitRateConfig,
  PlanConfig,
  PlanModelName,
  PriceBookConfig,
  RateConfig,
  RateScope,
  SubscriptionPlanConfig,
  TenantConfig,
  UsageModelName,
  VolumeRateConfig,
} from './config-types.js';
export { PRICING_ISSUE_CODES, type PricingIssueCode } from './issue-codes.js';
export { createPriceBook } from './price-book.js';
export type {
  PriceBook,
  PricedUsage,
  PriceLine,
  PriceLineKind,
  PriceQuote,
  QuantityRequest,
  QuoteRequest,
  RateLookup,
  ResolvedRate,
  UsageEntry,
  UsageRequest,
} from './price-book-types.js';
