import { type Money, parseMoney } from '@tollgate/core';
import { type CompiledRate, compileRate, type RateSource } from './compiled-rate.js';
import type { PlanConfig, PlanModelName, PriceBookConfig, RateConfig } from './config-types.js';

/** A plan with its fee and commitment as money. */
export interface CompiledPlan {
  readonly id: string;
  readonly model: PlanModelName;
  readonly currency: string;
  readonly monthlyFee: Money;
  /** Units included per month, by operation (empty for a subscription). */
  readonly includedUnits: ReadonlyMap<string, number>;
  readonly minimumCommitment: Money | undefined;
}

/** Everything that prices one tenant: its tier, currency, plan, rates and commitment. */
export interface TenantContract {
  readonly tenantId: string;
  readonly tier: string | null;
  readonly currency: string;
  readonly plan: CompiledPlan | undefined;
  readonly minimumCommitment: Money | undefined;
  /** The tenant's negotiated rates, then the price book's, each keyed by {@link rateKey}. */
  readonly rateTables: readonly ReadonlyMap<string, CompiledRate>[];
}

/** The lookup key of a rate for `operation` and `tier` (`null`: the rate for every tier). */
export function rateKey(operation: string, tier: string | null): string {
  return JSON.stringify([operation, tier]);
}

/** Compile validated rates into a table keyed by {@link rateKey}. */
export function compileRateTable(
  rates: readonly RateConfig[],
  currency: string,
  source: RateSource,
): ReadonlyMap<string, CompiledRate> {
  return new Map(
    rates.map((rate) => {
      const compiled = compileRate(rate, currency, source);
      return [rateKey(compiled.operation, compiled.tier), compiled];
    }),
  );
}

/** Compile a validated plan; `bookCurrency` applies when the plan names none. */
export function compilePlan(id: string, plan: PlanConfig, bookCurrency: string): CompiledPlan {
  const currency = plan.currency ?? bookCurrency;
  const included = plan.model === 'hybrid' ? Object.entries(plan.includedUnits) : [];
  return {
    id,
    model: plan.model,
    currency,
    monthlyFee: parseMoney(plan.monthlyFee, currency),
    includedUnits: new Map(included),
    minimumCommitment:
      plan.minimumCommitment === undefined
        ? undefined
        : parseMoney(plan.minimumCommitment, currency),
  };
}

/**
 * Compile every tenant's contract from a validated config. A tenant not in
 * the config gets the price book's rates, no tier, no plan, no commitment.
 */
export function compileTenantContracts(
  config: PriceBookConfig,
  bookRates: ReadonlyMap<string, CompiledRate>,
): (tenantId: string) => TenantContract {
  const plans = new Map(
    Object.entries(config.plans ?? {}).map(([id, plan]) => [
      id,
      compilePlan(id, plan, config.currency),
    ]),
  );
  const contracts = new Map<string, TenantContract>();
  for (const [tenantId, tenant] of Object.entries(config.tenants ?? {})) {
    const currency = tenant.currency ?? config.currency;
    const plan = tenant.plan === undefined ? undefined : plans.get(tenant.plan);
    contracts.set(tenantId, {
      tenantId,
      tier: tenant.tier ?? null,
      currency,
      plan,
      minimumCommitment:
        tenant.minimumCommitment === undefined
          ? plan?.minimumCommitment
          : parseMoney(tenant.minimumCommitment, currency),
      rateTables: [compileRateTable(tenant.rates ?? [], currency, 'tenant'), bookRates],
    });
  }
  return (tenantId) =>
    contracts.get(tenantId) ?? {
      tenantId,
      tier: null,
      currency: config.currency,
      plan: undefined,
      minimumCommitment: undefined,
      rateTables: [bookRates],
    };
}

/**
 * The rate that prices `operation` for a tenant at `tier`: the tenant's rate
 * for that tier, else the tenant's rate for every tier, else the price book's
 * rate for that tier, else the price book's rate for every tier.
 */
export function findRate(
  contract: TenantContract,
  operation: string,
  tier: string | null,
): CompiledRate | undefined {
  for (const table of contract.rateTables) {
    const rate =
      (tier === null ? undefined : table.get(rateKey(operation, tier))) ??
      table.get(rateKey(operation, null));
    if (rate !== undefined) return rate;
  }
  return undefined;
}
