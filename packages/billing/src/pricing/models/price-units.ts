import type { CompiledPricing } from '../compiled-rate.js';
import type { ExactAmount } from '../exact-amount.js';
import { priceGraduated } from './graduated.js';
import { pricePackages } from './package.js';
import { pricePerUnit } from './per-unit.js';
import { pricePercentage } from './percentage.js';
import { priceVolume } from './volume.js';

/**
 * The exact price of `quantity` units under `pricing`, before rounding. A
 * percentage rate prices `transactionValues` (minor units, one per unit) instead.
 */
export function priceUnits(
  pricing: CompiledPricing,
  quantity: bigint,
  transactionValues: readonly bigint[],
): ExactAmount {
  switch (pricing.model) {
    case 'per-unit':
      return pricePerUnit(pricing.unitPrice, quantity);
    case 'graduated':
      return priceGraduated(pricing.bands, quantity);
    case 'volume':
      return priceVolume(pricing.bands, quantity);
    case 'package':
      return pricePackages(pricing.packageSize, pricing.packagePrice, quantity);
    case 'percentage':
      return pricePercentage(pricing, transactionValues);
  }
}
