import type { CompiledBand } from '../compiled-rate.js';
import { addExact, type ExactAmount, multiplyExact, ZERO_AMOUNT } from '../exact-amount.js';

/**
 * Graduated pricing: each unit is priced by the band it falls in. With bands
 * 1–10 @ 5.00, 11–50 @ 4.00, 51+ @ 3.00, 60 units cost 10·5 + 40·4 + 10·3 = 240.00.
 */
export function priceGraduated(bands: readonly CompiledBand[], quantity: bigint): ExactAmount {
  let total = ZERO_AMOUNT;
  for (const band of bands) {
    if (quantity < band.from) break;
    const last = band.to === null || quantity < band.to ? quantity : band.to;
    total = addExact(total, multiplyExact(band.unitPrice, last - band.from + 1n));
  }
  return total;
}
