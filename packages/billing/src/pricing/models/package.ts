import { type ExactAmount, multiplyExact } from '../exact-amount.js';

/**
 * Package pricing: blocks of `packageSize` units at `packagePrice` each; a
 * partial block costs a full one. At 40.00 per 10, 23 units are 3 blocks, 120.00.
 */
export function pricePackages(
  packageSize: bigint,
  packagePrice: ExactAmount,
  quantity: bigint,
): ExactAmount {
  const packages = (quantity + packageSize - 1n) / packageSize;
  return multiplyExact(packagePrice, packages);
}
