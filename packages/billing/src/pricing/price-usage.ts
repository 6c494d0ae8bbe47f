import {
  addMoney,
  compareMoney,
  type Money,
  money,
  subtractMoney,
  toDecimalString,
  ValidationError,
  type ValidationIssue,
} from '@tollgate/core';
import { type BillingPeriod, formatBillingPeriod } from './billing-period.js';
import type { CompiledRate } from './compiled-rate.js';
import { roundExact } from './exact-amount.js';
import { priceUnits } from './models/price-units.js';
import type { PricedUsage, PriceLine } from './price-book-types.js';
import { findRate, type TenantContract } from './tenant-contract.js';

/** A usage entry after validation. */
export interface CheckedUsageEntry {
  readonly operation: string;
  readonly tier?: string | null | undefined;
  readonly quantity: number;
  readonly transactionValues?: readonly Money[] | undefined;
}

interface UsageGroup {
  readonly operation: string;
  readonly tier: string | null;
  readonly firstIndex: number;
  quantity: number;
  transactionValues: Money[];
}

/** Order by operation, then tier (no tier first), by UTF-16 code units: the same in every locale. */
export function compareOperationAndTier(
  a: { operation: string | null; tier: string | null },
  b: { operation: string | null; tier: string | null },
): number {
  const byOperation = compareText(a.operation, b.operation);
  return byOperation !== 0 ? byOperation : compareText(a.tier, b.tier);
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

function groupUsage(contract: TenantContract, entries: readonly CheckedUsageEntry[]): UsageGroup[] {
  const groups = new Map<string, UsageGroup>();
  entries.forEach((entry, index) => {
    const tier = entry.tier ?? contract.tier;
    const key = JSON.stringify([entry.operation, tier]);
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        operation: entry.operation,
        tier,
        firstIndex: index,
        quantity: 0,
        transactionValues: [],
      };
      groups.set(key, group);
    }
    group.quantity += entry.quantity;
    // A loop, not push(...values): a month of transactions can exceed the argument limit.
    for (const value of entry.transactionValues ?? []) group.transactionValues.push(value);
  });
  return [...groups.values()].sort(compareOperationAndTier);
}

function countUnits(quantity: number): string {
  return quantity === 1 ? '1 unit' : `${quantity} units`;
}

function describeScope(operation: string, tier: string | null): string {
  return tier === null ? operation : `${operation} (${tier})`;
}

/** Check a group's rate and currencies; push what is wrong to `issues`. */
function checkGroup(
  group: UsageGroup,
  rate: CompiledRate | undefined,
  contract: TenantContract,
  issues: ValidationIssue[],
): rate is CompiledRate {
  const path = ['usage', group.firstIndex];
  const scope = describeScope(group.operation, group.tier);
  if (rate === undefined) {
    const message = `No rate prices ${scope} for tenant ${contract.tenantId}`;
    issues.push({ path: [...path, 'operation'], code: 'no_rate', message });
    return false;
  }
  const before = issues.length;
  if (!Number.isSafeInteger(group.quantity)) {
    const message = `${scope}: the quantities add up to more than ${Number.MAX_SAFE_INTEGER}`;
    issues.push({ path: [...path, 'quantity'], code: 'invalid_quantity', message });
  }
  if (rate.currency !== contract.currency) {
    const message = `${scope} is priced in ${rate.currency} but tenant ${contract.tenantId} is billed in ${contract.currency}`;
    issues.push({ path, code: 'currency_mismatch', message });
  }
  if (rate.pricing.model === 'percentage') {
    if (group.transactionValues.length !== group.quantity) {
      const message = `${scope} is priced as a share of each transaction's value: give one transaction value per unit (${group.quantity} units, ${group.transactionValues.length} values)`;
      issues.push({
        path: [...path, 'transactionValues'],
        code: 'missing_transaction_value',
        message,
      });
    }
    const foreign = group.transactionValues.find((value) => value.currency !== rate.currency);
    if (foreign !== undefined) {
      const message = `${scope} has a transaction value in ${foreign.currency}; its rate is in ${rate.currency}`;
      issues.push({ path: [...path, 'transactionValues'], code: 'currency_mismatch', message });
    }
  }
  return issues.length === before;
}

function usageLine(group: UsageGroup, rate: CompiledRate, quantity: number): PriceLine {
  const values = group.transactionValues.map((value) => value.amount);
  const amount = roundExact(priceUnits(rate.pricing, BigInt(quantity), values));
  return {
    kind: 'usage',
    operation: group.operation,
    tier: group.tier,
    model: rate.model,
    quantity,
    amount: money(amount, rate.currency),
    description: `${describeScope(group.operation, group.tier)}, ${rate.model}: ${countUnits(quantity)}`,
  };
}

/**
 * Price a tenant's usage for one month into lines. Usage of the same
 * operation and tier is added up; groups are priced in order of operation,
 * then tier. A hybrid plan's included units of an operation are used up in
 * that order and shown as their own zero-amount line; the rest is priced by
 * the rate as a quantity of its own (its bands start again at unit 1). Each
 * line is rounded half-even once. The plan's monthly fee comes first; when the
 * usage lines add up to less than the minimum commitment, a top-up line comes
 * last (the fee does not count toward the commitment). Every problem (no
 * rate, a currency other than the tenant's, missing transaction values) is
 * listed in one `ValidationError`.
 */
export function priceUsageLines(
  contract: TenantContract,
  period: BillingPeriod,
  entries: readonly CheckedUsageEntry[],
): PricedUsage {
  const { plan, currency } = contract;
  const groups = groupUsage(contract, entries);
  const issues: ValidationIssue[] = [];
  const priced = groups.flatMap((group) => {
    const rate = findRate(contract, group.operation, group.tier);
    return checkGroup(group, rate, contract, issues) ? [{ group, rate }] : [];
  });
  if (issues.length > 0) {
    throw new ValidationError(
      `Cannot price the usage of tenant ${contract.tenantId}: ${issues.map((issue) => issue.message).join('; ')}`,
      issues,
    );
  }

  const lines: PriceLine[] = [];
  if (plan !== undefined) {
    lines.push({
      kind: 'subscription',
      operation: null,
      tier: null,
      model: plan.model,
      quantity: 1,
      amount: plan.monthlyFee,
      description: `Plan ${plan.id}: monthly fee, ${formatBillingPeriod(period)}`,
    });
  }

  const remaining = new Map(plan?.includedUnits ?? []);
  let usageTotal = money(0n, currency);
  for (const { group, rate } of priced) {
    const allowance = remaining.get(group.operation) ?? 0;
    const included = Math.min(allowance, group.quantity);
    remaining.set(group.operation, allowance - included);
    if (included > 0 && plan !== undefined) {
      lines.push({
        kind: 'included',
        operation: group.operation,
        tier: group.tier,
        model: rate.model,
        quantity: included,
        amount: money(0n, currency),
        description: `${describeScope(group.operation, group.tier)}, included in plan ${plan.id}: ${countUnits(included)}`,
      });
    }
    const charged = group.quantity - included;
    if (charged > 0) {
      const line = usageLine(group, rate, charged);
      usageTotal = addMoney(usageTotal, line.amount);
      lines.push(line);
    }
  }

  const commitment = contract.minimumCommitment;
  if (commitment !== undefined && compareMoney(usageTotal, commitment) < 0) {
    lines.push({
      kind: 'minimum-commitment',
      operation: null,
      tier: null,
      model: null,
      quantity: 1,
      amount: subtractMoney(commitment, usageTotal),
      description: `Minimum monthly commitment of ${toDecimalString(commitment)} ${currency}: top-up`,
    });
  }
  return { tenantId: contract.tenantId, period, currency, lines };
}
