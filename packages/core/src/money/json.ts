import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { isCurrencyCode, unknownCurrencyError } from './currencies.js';
import { typeName } from './decimal.js';
import { checkMoney, createCheckedMoney, type Money } from './money.js';
import { moneyError } from './money-errors.js';

/** The JSON form of {@link Money}: minor units as a string, so no JSON parser turns them into a float. */
export interface MoneyJSON {
  /** Minor units as a base-10 integer string: `"15000"` USD is $150.00. */
  amount: string;
  /** ISO 4217 code, e.g. `"USD"`. */
  currency: string;
}

/** Longest `amount` string accepted; matches the decimal parser's cap. */
const MAX_AMOUNT_LENGTH = 100;
const MINOR_UNITS = /^-?\d+$/;

/** `{ amount: "15000", currency: "USD" }` for 15000n USD. `JSON.stringify(m)` gives the same. */
export function moneyToJSON(m: Money): MoneyJSON {
  const value = checkMoney(m);
  return { amount: value.amount.toString(), currency: value.currency };
}

/**
 * Read a {@link MoneyJSON} (already `JSON.parse`d) back into {@link Money}.
 * Throws a `ValidationError` listing every problem: not an object
 * (`invalid_json`), an amount that is a number (`number_not_allowed`) or not an
 * integer string (`invalid_amount`), an unknown currency (`unknown_currency`).
 */
export function moneyFromJSON(json: unknown): Money {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw moneyError(
      'invalid_json',
      `Money JSON must be an object { amount, currency }, not ${typeName(json)}`,
    );
  }
  const { amount, currency } = json as { amount?: unknown; currency?: unknown };
  const issues: ValidationIssue[] = [];
  if (typeof amount === 'number') {
    issues.push({
      path: ['amount'],
      code: 'number_not_allowed',
      message: 'amount must be a string of minor units such as "15000", not a JSON number',
    });
  } else if (
    typeof amount !== 'string' ||
    amount.length > MAX_AMOUNT_LENGTH ||
    !MINOR_UNITS.test(amount)
  ) {
    issues.push({
      path: ['amount'],
      code: 'invalid_amount',
      message: 'amount must be a string of minor units such as "15000" or "-250"',
    });
  }
  if (!isCurrencyCode(currency)) issues.push(...unknownCurrencyError(currency).issues);
  if (issues.length > 0 || typeof amount !== 'string' || !isCurrencyCode(currency)) {
    const message = `Invalid money JSON: ${issues.map((issue) => issue.message).join('; ')}`;
    throw new ValidationError(message, issues);
  }
  return createCheckedMoney(BigInt(amount), currency);
}
