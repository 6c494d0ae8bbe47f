import { isCurrencyCode, unknownCurrencyError } from './currencies.js';
import { parseExactDecimal, powerOfTen } from './decimal.js';
import { checkMoney, createCheckedMoney, currencyExponentOf, type Money } from './money.js';
import { moneyError, numberNotAllowedError } from './money-errors.js';
import { checkRoundingMode, type RoundingMode, roundDivide } from './rounding.js';

function checkSameCurrency(a: Money, b: Money, what: string): void {
  if (a.currency !== b.currency) {
    throw moneyError(
      'currency_mismatch',
      `Cannot ${what}: the currencies differ (${a.currency} and ${b.currency}); convert one first`,
      ['currency'],
      { currencies: [a.currency, b.currency] },
    );
  }
}

/** `a + b`. Throws a `ValidationError` with a `currency_mismatch` issue when the currencies differ. */
export function addMoney(a: Money, b: Money): Money {
  const left = checkMoney(a, ['a']);
  const right = checkMoney(b, ['b']);
  checkSameCurrency(left, right, 'add');
  return createCheckedMoney(left.amount + right.amount, left.currency);
}

/** `a − b`. Throws a `ValidationError` with a `currency_mismatch` issue when the currencies differ. */
export function subtractMoney(a: Money, b: Money): Money {
  const left = checkMoney(a, ['a']);
  const right = checkMoney(b, ['b']);
  checkSameCurrency(left, right, 'subtract');
  return createCheckedMoney(left.amount - right.amount, left.currency);
}

/**
 * `-1`, `0` or `1` as `a` is less than, equal to or greater than `b`; usable as
 * an `Array.prototype.sort` comparator. Throws a `ValidationError` with a
 * `currency_mismatch` issue when the currencies differ.
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const left = checkMoney(a, ['a']);
  const right = checkMoney(b, ['b']);
  checkSameCurrency(left, right, 'compare');
  if (left.amount === right.amount) return 0;
  return left.amount < right.amount ? -1 : 1;
}

/** `-m`, e.g. the reversing entry of a charge. */
export function negateMoney(m: Money): Money {
  const value = checkMoney(m);
  return createCheckedMoney(-value.amount, value.currency);
}

/** True when the amount is zero minor units. */
export function isZeroMoney(m: Money): boolean {
  return checkMoney(m).amount === 0n;
}

/**
 * `m × factor`, rounded to whole minor units by `rounding` (default
 * `half-even`). `factor` is an exact decimal string (`"1.08725"`, `"0.025"` for
 * 2.5 %, `"-1"`) or a bigint; a JS number is refused (`number_not_allowed`).
 * This is the step behind revenue shares and percentage fees.
 */
export function multiplyMoney(
  m: Money,
  factor: string | bigint,
  rounding: RoundingMode = 'half-even',
): Money {
  const value = checkMoney(m);
  const mode = checkRoundingMode(rounding);
  if (typeof factor === 'bigint') {
    return createCheckedMoney(value.amount * factor, value.currency);
  }
  if (typeof factor === 'number') throw numberNotAllowedError('Factor', ['factor']);
  const decimal = parseExactDecimal(factor, 'factor', ['factor']);
  const amount = roundDivide(value.amount * decimal.digits, powerOfTen(decimal.scale), mode);
  return createCheckedMoney(amount, value.currency);
}

/**
 * Convert `m` into currency `to` at `rate`, rounding to whole minor units of
 * `to` by `rounding` (default `half-even`). `rate` is how many major units of
 * `to` one major unit of `m.currency` is worth, as an exact decimal string
 * (EUR→USD `"1.08725"`) or a bigint; it must be greater than zero. Exponents
 * are handled: 1000n JPY at `"0.00203"` to KWD is 2030n (2.030 KWD).
 */
export function convertMoney(
  m: Money,
  to: string,
  rate: string | bigint,
  rounding: RoundingMode = 'half-even',
): Money {
  const value = checkMoney(m);
  if (!isCurrencyCode(to)) throw unknownCurrencyError(to, ['to']);
  const mode = checkRoundingMode(rounding);
  if (typeof rate === 'number') throw numberNotAllowedError('Rate', ['rate']);
  const decimal =
    typeof rate === 'bigint'
      ? { digits: rate, scale: 0 }
      : parseExactDecimal(rate, 'rate', ['rate']);
  if (decimal.digits <= 0n) {
    throw moneyError('invalid_rate', 'Rate must be greater than zero', ['rate']);
  }
  // amount / 10^from × rate × 10^to, kept as one fraction so there is a single rounding.
  const numerator = value.amount * decimal.digits * powerOfTen(currencyExponentOf(to));
  const denominator = powerOfTen(decimal.scale + currencyExponentOf(value.currency));
  return createCheckedMoney(roundDivide(numerator, denominator, mode), to);
}
