import { type Money, money, subtractMoney } from '@tollgate/core';
import { parseBillingPeriod } from './billing-period.js';
import type { CompiledRate } from './compiled-rate.js';
import { priceBookConfigSchema } from './config-schema.js';
import type { PriceBookConfig } from './config-types.js';
import { roundExact } from './exact-amount.js';
import { pricingError } from './issue-codes.js';
import { percentageFee } from './models/percentage.js';
import { priceUnits } from './models/price-units.js';
import type {
  PriceBook,
  PriceQuote,
  QuantityRequest,
  QuoteRequest,
  RateLookup,
  ResolvedRate,
  UsageRequest,
} from './price-book-types.js';
import { priceUsageLines } from './price-usage.js';
import {
  quantityRequestSchema,
  quoteRequestSchema,
  rateLookupSchema,
  usageRequestSchema,
} from './request-schemas.js';
import {
  compileRateTable,
  compileTenantContracts,
  findRate,
  type TenantContract,
} from './tenant-contract.js';
import { validateInput } from './validate-input.js';

function requireRate(
  contract: TenantContract,
  operation: string,
  tier: string | null,
): CompiledRate {
  const rate = findRate(contract, operation, tier);
  if (rate === undefined) {
    const scope = tier === null ? operation : `${operation} (tier ${tier})`;
    throw pricingError('no_rate', `No rate prices ${scope} for tenant ${contract.tenantId}`, [
      'operation',
    ]);
  }
  return rate;
}

function checkValueCurrency(rate: CompiledRate, values: readonly Money[], path: string): void {
  const foreign = values.findIndex((value) => value.currency !== rate.currency);
  if (foreign >= 0) {
    throw pricingError(
      'currency_mismatch',
      `A transaction value is in ${values[foreign]?.currency}; the rate for ${rate.operation} is in ${rate.currency}`,
      [path],
    );
  }
}

/**
 * Build a {@link PriceBook} from a config. The config is checked whole first
 * (zod 4): a bad one throws a `ValidationError` listing every issue — negative
 * or float prices, overlapping or missing bands, unknown models, currencies
 * and plans, duplicate rates — and nothing is built.
 *
 * Rounding: every amount is computed exactly (unit prices may be finer than
 * the currency) and rounded half-even once per line; a quote is one line.
 */
export function createPriceBook(config: PriceBookConfig): PriceBook {
  const checked: PriceBookConfig = validateInput(
    priceBookConfigSchema,
    config,
    'price book config',
  );
  const bookRates = compileRateTable(checked.rates, checked.currency, 'price-book');
  const contractOf = compileTenantContracts(checked, bookRates);

  const lookUp = (lookup: RateLookup): { contract: TenantContract; rate: CompiledRate } => {
    const contract = contractOf(lookup.tenantId);
    const tier = lookup.tier ?? contract.tier;
    return { contract, rate: requireRate(contract, lookup.operation, tier) };
  };

  return Object.freeze({
    currency: checked.currency,

    billingCurrency(tenantId: string): string {
      return contractOf(tenantId).currency;
    },

    resolveRate(lookup: RateLookup): ResolvedRate {
      const checkedLookup = validateInput(rateLookupSchema, lookup, 'rate lookup');
      const { contract, rate } = lookUp(checkedLookup);
      const tier = checkedLookup.tier ?? contract.tier;
      return {
        operation: rate.operation,
        tier,
        currency: rate.currency,
        model: rate.model,
        source: rate.source,
        config: rate.config,
      };
    },

    quote(request: QuoteRequest): PriceQuote {
      const checkedRequest = validateInput(quoteRequestSchema, request, 'quote request');
      const { contract, rate } = lookUp(checkedRequest);
      const tier = checkedRequest.tier ?? contract.tier;
      const base = { operation: rate.operation, tier, model: rate.model };
      if (rate.pricing.model === 'percentage') {
        const value = checkedRequest.transactionValue;
        if (value === undefined) {
          throw pricingError(
            'missing_transaction_value',
            `${rate.operation} is priced as a share of the transaction's value: give transactionValue`,
            ['transactionValue'],
          );
        }
        checkValueCurrency(rate, [value], 'transactionValue');
        const fee = roundExact(percentageFee(rate.pricing, value.amount));
        return { ...base, amount: money(fee, rate.currency) };
      }
      // The difference of two rounded totals, so a month of quotes adds up to the month's line.
      const used = BigInt(checkedRequest.alreadyUsed ?? 0);
      const before = money(roundExact(priceUnits(rate.pricing, used, [])), rate.currency);
      const after = money(roundExact(priceUnits(rate.pricing, used + 1n, [])), rate.currency);
      return { ...base, amount: subtractMoney(after, before) };
    },

    priceQuantity(request: QuantityRequest): Money {
      const checkedRequest = validateInput(quantityRequestSchema, request, 'quantity request');
      const { rate } = lookUp(checkedRequest);
      const values = checkedRequest.transactionValues ?? [];
      if (rate.pricing.model === 'percentage') {
        if (values.length !== checkedRequest.quantity) {
          throw pricingError(
            'missing_transaction_value',
            `${rate.operation} is priced as a share of each transaction's value: give one transaction value per unit`,
            ['transactionValues'],
          );
        }
        checkValueCurrency(rate, values, 'transactionValues');
      }
      const exact = priceUnits(
        rate.pricing,
        BigInt(checkedRequest.quantity),
        values.map((value) => value.amount),
      );
      return money(roundExact(exact), rate.currency);
    },

    priceUsage(request: UsageRequest) {
      const checkedRequest = validateInput(usageRequestSchema, request, 'usage');
      const period = parseBillingPeriod(request.period);
      return priceUsageLines(contractOf(checkedRequest.tenantId), period, checkedRequest.usage);
    },
  });
}
