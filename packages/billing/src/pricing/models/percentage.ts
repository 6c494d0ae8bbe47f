import {
  addExact,
  clampExact,
  type ExactAmount,
  exactFromMinorUnits,
  multiplyExactByDecimal,
  ZERO_AMOUNT,
} from '../exact-amount.js';
import type { ExactDecimal } from '../exact-decimal.js';

/** The parts of a percentage rate that price a transaction. */
export interface PercentageTerms {
  readonly share: ExactDecimal;
  readonly minimumFee: ExactAmount | undefined;
  readonly maximumFee: ExactAmount | undefined;
}

/**
 * The fee on one transaction: `value × share`, held between the minimum and
 * maximum fee, exact (not rounded). 0.5 % of 1,001.00 is 5.005, of 50.00 is
 * 0.25 (raised to a 0.50 minimum).
 */
export function percentageFee(terms: PercentageTerms, transactionValue: bigint): ExactAmount {
  const fee = multiplyExactByDecimal(exactFromMinorUnits(transactionValue), terms.share);
  return clampExact(fee, terms.minimumFee, terms.maximumFee);
}

/** Percentage pricing: the exact sum of each transaction's fee, rounded by the caller once per line. */
export function pricePercentage(
  terms: PercentageTerms,
  transactionValues: readonly bigint[],
): ExactAmount {
  return transactionValues.reduce(
    (total, value) => addExact(total, percentageFee(terms, value)),
    ZERO_AMOUNT,
  );
}
