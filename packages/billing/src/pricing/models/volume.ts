import type { CompiledBand } from '../compiled-rate.js';
import { type ExactAmount, multiplyExact, ZERO_AMOUNT } from '../exact-amount.js';

/**
 * Volume pricing: every unit is priced by the band the total quantity reaches.
 * With bands 1–10 @ 5.00, 11–50 @ 4.00, 51+ @ 3.00, 60 units cost 60·3 = 180.00.
 */
export function priceVolume(bands: readonly CompiledBand[], quantity: bigint): ExactAmount {
  const band = bands.find(
    (candidate) =>
      quantity >= candidate.from && (candidate.to === null || quantity <= candidate.to),
  );
  return band === undefined ? ZERO_AMOUNT : multiplyExact(band.unitPrice, quantity);
}
