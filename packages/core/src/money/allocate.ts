import { type ExactDecimal, parseExactDecimal, powerOfTen } from './decimal.js';
import { checkMoney, createCheckedMoney, type Money } from './money.js';
import { moneyError } from './money-errors.js';

/** The most parts {@link splitMoney} makes: the longest possible array. */
const MAX_PARTS = 2 ** 32 - 1;

function ratioToDecimal(ratio: unknown, index: number): ExactDecimal {
  const path = ['ratios', index];
  if (typeof ratio === 'bigint') return { digits: ratio, scale: 0 };
  if (typeof ratio === 'number') {
    if (!Number.isSafeInteger(ratio)) {
      throw moneyError(
        'invalid_ratios',
        `Ratio ${index} is not a whole JS number; pass fractional ratios as decimal strings ("0.5")`,
        path,
      );
    }
    return { digits: BigInt(ratio), scale: 0 };
  }
  return parseExactDecimal(ratio, `ratio ${index}`, path);
}

/**
 * Split `m` in proportion to `ratios` without losing or creating a minor unit:
 * the parts always add up to `m` exactly, in `m`'s currency.
 *
 * Ratios are bigints, whole JS numbers or decimal strings (`[70n, 30n]`,
 * `[1, 1, 1]`, `["0.7", "0.3"]`, mixed is fine); none negative, at least one
 * greater than zero. Each part first gets its share rounded toward zero; the
 * minor units left over go one each to the parts with the largest remainders,
 * ties to the lower index (the largest remainder method), so the result is
 * deterministic and a zero ratio always gets zero. A negative amount is split
 * like its absolute value, then negated.
 *
 * `allocateMoney(money(100n, 'USD'), [1, 1, 1])` → 34n, 33n, 33n.
 */
export function allocateMoney(m: Money, ratios: ReadonlyArray<bigint | number | string>): Money[] {
  const value = checkMoney(m);
  if (!Array.isArray(ratios) || ratios.length === 0) {
    throw moneyError('invalid_ratios', 'Give at least one ratio', ['ratios']);
  }
  const decimals = ratios.map((ratio, index) => ratioToDecimal(ratio, index));
  const scale = decimals.reduce((max, d) => Math.max(max, d.scale), 0);
  const weights = decimals.map((d) => d.digits * powerOfTen(scale - d.scale));
  weights.forEach((weight, index) => {
    if (weight < 0n) {
      throw moneyError('invalid_ratios', `Ratio ${index} is negative`, ['ratios', index]);
    }
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n) {
    throw moneyError('invalid_ratios', 'At least one ratio must be greater than zero', ['ratios']);
  }

  const negative = value.amount < 0n;
  const whole = negative ? -value.amount : value.amount;
  const shares = weights.map((weight) => (whole * weight) / total);
  const remainders = weights.map((weight) => (whole * weight) % total);
  let leftover = whole - shares.reduce((sum, share) => sum + share, 0n);
  const byRemainder = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  // leftover < the number of non-zero remainders, so one pass is enough.
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return shares.map((share) => createCheckedMoney(negative ? -share : share, value.currency));
}

/**
 * Split `m` into `parts` equal parts that add up to `m` exactly; the first parts
 * get one more minor unit when it does not divide evenly:
 * `splitMoney(money(100n, 'USD'), 3)` → 34n, 33n, 33n.
 */
export function splitMoney(m: Money, parts: number): Money[] {
  if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) {
    throw moneyError('invalid_parts', 'The number of parts must be a whole number of at least 1', [
      'parts',
    ]);
  }
  return allocateMoney(m, new Array<bigint>(parts).fill(1n));
}
