import { type ExactAmount, multiplyExact } from '../exact-amount.js';

/** Per-unit pricing: `quantity × unitPrice`, exact. */
export function pricePerUnit(unitPrice: ExactAmount, quantity: bigint): ExactAmount {
  return multiplyExact(unitPrice, quantity);
}
