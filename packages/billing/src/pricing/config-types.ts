/**
 * A non-negative amount in major units as a decimal string: `"5.00"`, `"40"`,
 * `"0.0035"` (unit prices may be finer than the currency; lines are rounded).
 * Never a JS number: money is never a float.
 */
export type DecimalString = string;

/** The name of a usage pricing model, as written in a rate's `model` field. */
export type UsageModelName = 'per-unit' | 'graduated' | 'volume' | 'package' | 'percentage';

/** The name of a plan model, as written in a plan's `model` field. */
export type PlanModelName = 'subscription' | 'hybrid';

/**
 * One band of a graduated or volume price ("tier" in some billing systems;
 * called a band here so it is not confused with a tenant's `tier`). Units are
 * counted from 1 and both ends are inclusive: `{ from: 11, to: 50 }` is the
 * 11th to the 50th unit. The last band is open (`to` omitted or `null`).
 */
export interface BandConfig {
  from: number;
  to?: number | null;
  unitPrice: DecimalString;
}

/** What every rate says besides its model: which operation and tier it prices, and in what currency. */
export interface RateScope {
  /** The billable operation (`sme.validation`, `bank.recheck` …). */
  operation: string;
  /** The tier it applies to (`basic`, `pro` …); omitted, it applies to every tier without a rate of its own. */
  tier?: string;
  /** ISO 4217 code; defaults to the tenant's currency (for an override) or the price book's. */
  currency?: string;
}

/** Every unit costs `unitPrice`. */
export interface PerUnitRateConfig extends RateScope {
  model: 'per-unit';
  unitPrice: DecimalString;
}

/** Each unit is priced by the band it falls in: 60 units over 1–10 / 11–50 / 51+ are 10 + 40 + 10. */
export interface GraduatedRateConfig extends RateScope {
  model: 'graduated';
  bands: BandConfig[];
}

/** All units are priced by the band the total quantity reaches. */
export interface VolumeRateConfig extends RateScope {
  model: 'volume';
  bands: BandConfig[];
}

/** Blocks of `packageSize` units for `packagePrice` each; a partial block is charged as a full one. */
export interface PackageRateConfig extends RateScope {
  model: 'package';
  packageSize: number;
  packagePrice: DecimalString;
}

/**
 * A share of each transaction's value (`"0.005"` is 0.5 %), held between
 * `minimumFee` and `maximumFee` per transaction.
 */
export interface PercentageRateConfig extends RateScope {
  model: 'percentage';
  /** A decimal fraction between 0 and 1: `"0.005"` for 0.5 %. */
  share: DecimalString;
  minimumFee?: DecimalString;
  maximumFee?: DecimalString;
}

/** A rate: the price of one operation (for one tier, or all), by one pricing model. */
export type RateConfig =
  | PerUnitRateConfig
  | GraduatedRateConfig
  | VolumeRateConfig
  | PackageRateConfig
  | PercentageRateConfig;

/** A flat fee per month. */
export interface SubscriptionPlanConfig {
  model: 'subscription';
  monthlyFee: DecimalString;
  /** ISO 4217 code; defaults to the price book's. */
  currency?: string;
  /** Usage charges below this in a month are topped up to it. */
  minimumCommitment?: DecimalString;
}

/** A flat fee per month that includes a number of units per operation; usage above is priced by the rates. */
export interface HybridPlanConfig {
  model: 'hybrid';
  monthlyFee: DecimalString;
  /** Units included per month, by operation: `{ 'sme.validation': 100 }`. */
  includedUnits: Record<string, number>;
  /** ISO 4217 code; defaults to the price book's. */
  currency?: string;
  /** Usage charges below this in a month are topped up to it. */
  minimumCommitment?: DecimalString;
}

/** A monthly plan a tenant subscribes to. */
export type PlanConfig = SubscriptionPlanConfig | HybridPlanConfig;

/** A tenant's contract: its tier, plan, currency and negotiated rates. */
export interface TenantConfig {
  /** The tier used when a usage or event names none. */
  tier?: string;
  /** Key of a plan in {@link PriceBookConfig.plans}. */
  plan?: string;
  /** The tenant's billing currency; defaults to the price book's. */
  currency?: string;
  /** Negotiated rates; they win over the price book's for the same operation. */
  rates?: RateConfig[];
  /** Usage charges below this in a month are topped up to it; wins over the plan's. */
  minimumCommitment?: DecimalString;
}

/** Everything `createPriceBook` takes. Amounts are decimal strings in major units. */
export interface PriceBookConfig {
  /** ISO 4217 code of the price book. */
  currency: string;
  /** The list prices. */
  rates: RateConfig[];
  /** Monthly plans by id. */
  plans?: Record<string, PlanConfig>;
  /** Tenant contracts by tenant id. */
  tenants?: Record<string, TenantConfig>;
}
