import { moneyError } from './money-errors.js';

/**
 * How to round a result that falls between two minor units. The names and
 * meanings are those of Java's `java.math.RoundingMode`:
 *
 * - `half-even`: to the nearest; a tie goes to the even neighbour (banker's rounding, the default);
 * - `half-up`: to the nearest; a tie goes away from zero (0.125 → 0.13, −0.125 → −0.13);
 * - `half-down`: to the nearest; a tie goes toward zero (0.125 → 0.12);
 * - `up`: away from zero (0.121 → 0.13, −0.121 → −0.13);
 * - `down`: toward zero, i.e. truncate (0.129 → 0.12, −0.129 → −0.12);
 * - `ceiling`: toward +∞ (−0.129 → −0.12);
 * - `floor`: toward −∞ (−0.121 → −0.13).
 */
export type RoundingMode =
  | 'half-even'
  | 'half-up'
  | 'half-down'
  | 'up'
  | 'down'
  | 'ceiling'
  | 'floor';

/** Every {@link RoundingMode}, for validation and option lists. */
export const ROUNDING_MODES: readonly RoundingMode[] = [
  'half-even',
  'half-up',
  'half-down',
  'up',
  'down',
  'ceiling',
  'floor',
];

/** True when `mode` is one of {@link ROUNDING_MODES}. */
export function isRoundingMode(mode: unknown): mode is RoundingMode {
  return typeof mode === 'string' && (ROUNDING_MODES as readonly string[]).includes(mode);
}

/**
 * Return `mode` if it is a {@link RoundingMode}; otherwise throw a
 * `ValidationError` with an `invalid_rounding_mode` issue listing the modes.
 */
export function checkRoundingMode(mode: unknown): RoundingMode {
  if (!isRoundingMode(mode)) {
    throw moneyError(
      'invalid_rounding_mode',
      `Unknown rounding mode; use one of ${ROUNDING_MODES.join(', ')}`,
      ['rounding'],
    );
  }
  return mode;
}

/**
 * `numerator / denominator` rounded to an integer by `mode`: the one rounding
 * primitive every money function uses, exact for any size of bigint.
 *
 * Throws a `ValidationError` when `denominator` is zero (`division_by_zero`) or
 * `mode` is not a {@link RoundingMode} (`invalid_rounding_mode`).
 */
export function roundDivide(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  checkRoundingMode(mode);
  if (typeof numerator !== 'bigint' || typeof denominator !== 'bigint') {
    throw moneyError('invalid_amount', 'roundDivide takes bigint operands');
  }
  if (denominator === 0n) throw moneyError('division_by_zero', 'Cannot divide by zero');

  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d; // bigint division truncates toward zero
  const remainder = n % d; // carries the sign of n
  if (remainder === 0n) return quotient;

  const awayFromZero = n < 0n ? quotient - 1n : quotient + 1n;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return awayFromZero;
    case 'floor':
      return n < 0n ? awayFromZero : quotient;
    case 'ceiling':
      return n > 0n ? awayFromZero : quotient;
    default: {
      const twiceRemainder = remainder < 0n ? -2n * remainder : 2n * remainder;
      if (twiceRemainder > d) return awayFromZero;
      if (twiceRemainder < d) return quotient;
      if (mode === 'half-up') return awayFromZero;
      if (mode === 'half-down') return quotient;
      return quotient % 2n === 0n ? quotient : awayFromZero;
    }
  }
}
