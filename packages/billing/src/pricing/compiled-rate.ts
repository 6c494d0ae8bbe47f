import { currencyExponent } from '@tollgate/core';
import type { RateConfig, UsageModelName } from './config-types.js';
import { type ExactAmount, exactFromMajorUnits } from './exact-amount.js';
import { type ExactDecimal, parseDecimal } from './exact-decimal.js';

/** A graduated or volume band with exact bounds and price. */
export interface CompiledBand {
  readonly from: bigint;
  /** `null` for the open last band. */
  readonly to: bigint | null;
  readonly unitPrice: ExactAmount;
}

/** A pricing model with its amounts parsed into exact minor units of the rate's currency. */
export type CompiledPricing =
  | { readonly model: 'per-unit'; readonly unitPrice: ExactAmount }
  | { readonly model: 'graduated' | 'volume'; readonly bands: readonly CompiledBand[] }
  | { readonly model: 'package'; readonly packageSize: bigint; readonly packagePrice: ExactAmount }
  | {
      readonly model: 'percentage';
      readonly share: ExactDecimal;
      readonly minimumFee: ExactAmount | undefined;
      readonly maximumFee: ExactAmount | undefined;
    };

/** Where a rate came from: the tenant's negotiated rates or the price book's list prices. */
export type RateSource = 'tenant' | 'price-book';

/** A validated rate, ready to price: its scope, currency and exact pricing. */
export interface CompiledRate {
  readonly operation: string;
  readonly tier: string | null;
  readonly currency: string;
  readonly model: UsageModelName;
  readonly source: RateSource;
  /** The rate as configured (decimal strings), for display. */
  readonly config: RateConfig;
  readonly pricing: CompiledPricing;
}

/** A validated major-unit amount string as exact minor units of `currency`. */
export function compileAmount(amount: string, currency: string): ExactAmount {
  return exactFromMajorUnits(parseDecimal(amount), currencyExponent(currency));
}

function compilePricing(rate: RateConfig, currency: string): CompiledPricing {
  switch (rate.model) {
    case 'per-unit':
      return { model: 'per-unit', unitPrice: compileAmount(rate.unitPrice, currency) };
    case 'graduated':
    case 'volume':
      return {
        model: rate.model,
        bands: rate.bands.map((band) => ({
          from: BigInt(band.from),
          to: band.to === undefined || band.to === null ? null : BigInt(band.to),
          unitPrice: compileAmount(band.unitPrice, currency),
        })),
      };
    case 'package':
      return {
        model: 'package',
        packageSize: BigInt(rate.packageSize),
        packagePrice: compileAmount(rate.packagePrice, currency),
      };
    case 'percentage':
      return {
        model: 'percentage',
        share: parseDecimal(rate.share),
        minimumFee:
          rate.minimumFee === undefined ? undefined : compileAmount(rate.minimumFee, currency),
        maximumFee:
          rate.maximumFee === undefined ? undefined : compileAmount(rate.maximumFee, currency),
      };
  }
}

/** Compile a validated rate; `defaultCurrency` applies when the rate names none. */
export function compileRate(
  rate: RateConfig,
  defaultCurrency: string,
  source: RateSource,
): CompiledRate {
  const currency = rate.currency ?? defaultCurrency;
  return {
    operation: rate.operation,
    tier: rate.tier ?? null,
    currency,
    model: rate.model,
    source,
    config: rate,
    pricing: compilePricing(rate, currency),
  };
}
