import { currencyExponent, isCurrencyCode } from '@tollgate/core';
import type { z } from 'zod';
import { addCodedIssue } from './config-values.js';
import { DECIMAL_PATTERN, significantFractionDigits } from './exact-decimal.js';

type Fields = Record<string, unknown>;

function fieldsOf(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

function entriesOf(value: unknown): Array<[string, Fields]> {
  const record = fieldsOf(value);
  if (record === undefined) return [];
  return Object.entries(record).flatMap(([key, entry]) => {
    const fields = fieldsOf(entry);
    return fields === undefined ? [] : [[key, fields] as [string, Fields]];
  });
}

function ratesOf(value: unknown): Fields[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((rate: unknown): Fields[] => {
    const fields = fieldsOf(rate);
    return fields === undefined ? [] : [fields];
  });
}

function currencyOf(value: unknown, fallback: string | undefined): string | undefined {
  if (value === undefined) return fallback;
  return isCurrencyCode(value) ? value : undefined;
}

/** Fees and commitments are charged as they are, so they must be whole minor units of their currency. */
function checkWholeMinorUnits(
  ctx: z.RefinementCtx,
  amount: unknown,
  currency: string | undefined,
  path: Array<string | number>,
): void {
  if (currency === undefined || typeof amount !== 'string' || !DECIMAL_PATTERN.test(amount)) return;
  const exponent = currencyExponent(currency);
  if (significantFractionDigits(amount) > exponent) {
    addCodedIssue(
      ctx,
      'too_many_fraction_digits',
      `Has more fraction digits than ${currency} has (${exponent}); a fee or commitment must be whole minor units`,
      path,
    );
  }
}

/**
 * The checks that look across the price book: a tenant's plan exists and bills
 * in the tenant's currency; monthly fees and commitments are whole minor units
 * of their currency; an operation a hybrid plan includes units of is priced,
 * and not by a percentage (a share of a value has no units to include).
 * Defensive about shapes: other checks report malformed parts.
 */
export function checkPriceBookReferences(config: unknown, ctx: z.RefinementCtx): void {
  const book = fieldsOf(config);
  if (book === undefined) return;
  const bookCurrency = currencyOf(book.currency, undefined);
  const plans = new Map(entriesOf(book.plans));
  const tenants = entriesOf(book.tenants);

  for (const [planId, plan] of plans) {
    const currency = currencyOf(plan.currency, bookCurrency);
    checkWholeMinorUnits(ctx, plan.monthlyFee, currency, ['plans', planId, 'monthlyFee']);
    checkWholeMinorUnits(ctx, plan.minimumCommitment, currency, [
      'plans',
      planId,
      'minimumCommitment',
    ]);
  }

  for (const [tenantId, tenant] of tenants) {
    const currency = currencyOf(tenant.currency, bookCurrency);
    checkWholeMinorUnits(ctx, tenant.minimumCommitment, currency, [
      'tenants',
      tenantId,
      'minimumCommitment',
    ]);
    if (typeof tenant.plan !== 'string') continue;
    const plan = plans.get(tenant.plan);
    if (plan === undefined) {
      addCodedIssue(
        ctx,
        'unknown_plan',
        `Tenant ${tenantId} is on plan '${tenant.plan}', which is not in plans`,
        ['tenants', tenantId, 'plan'],
      );
      continue;
    }
    const planCurrency = currencyOf(plan.currency, bookCurrency);
    if (currency !== undefined && planCurrency !== undefined && currency !== planCurrency) {
      addCodedIssue(
        ctx,
        'currency_mismatch',
        `Tenant ${tenantId} is billed in ${currency} but plan '${tenant.plan}' is priced in ${planCurrency}`,
        ['tenants', tenantId, 'plan'],
      );
    }
  }

  const bookRates = ratesOf(book.rates);
  for (const [planId, plan] of plans) {
    if (plan.model !== 'hybrid') continue;
    const subscribers = tenants.filter(([, tenant]) => tenant.plan === planId);
    const rates = [...bookRates, ...subscribers.flatMap(([, tenant]) => ratesOf(tenant.rates))];
    for (const [operation] of Object.entries(fieldsOf(plan.includedUnits) ?? {})) {
      const pricing = rates.filter((rate) => rate.operation === operation);
      const path = ['plans', planId, 'includedUnits', operation];
      if (pricing.length === 0) {
        addCodedIssue(
          ctx,
          'included_operation_unpriced',
          `Plan '${planId}' includes units of ${operation}, which no rate prices`,
          path,
        );
      } else if (pricing.some((rate) => rate.model === 'percentage')) {
        addCodedIssue(
          ctx,
          'included_units_on_percentage',
          `Plan '${planId}' includes units of ${operation}, which is priced as a percentage of a value; only unit-priced operations can have included units`,
          path,
        );
      }
    }
  }
}
