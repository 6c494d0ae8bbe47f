import { ValidationError } from '../errors/index.js';

/**
 * Every issue code the money functions put in a {@link ValidationError}'s
 * `issues`, in one place. The error's own `code` is always `validation_failed`;
 * these say which rule failed. Stable: callers may switch on them.
 */
export const MONEY_ISSUE_CODES = [
  'unknown_currency',
  'currency_mismatch',
  'number_not_allowed',
  'invalid_amount',
  'invalid_decimal',
  'too_many_fraction_digits',
  'invalid_rate',
  'invalid_ratios',
  'invalid_parts',
  'invalid_rounding_mode',
  'division_by_zero',
  'invalid_format_options',
  'invalid_json',
] as const;

/** One of {@link MONEY_ISSUE_CODES}. */
export type MoneyIssueCode = (typeof MONEY_ISSUE_CODES)[number];

/**
 * Build the {@link ValidationError} a money function throws: one issue with the
 * same message, and optional non-secret `details` for the problem document.
 */
export function moneyError(
  code: MoneyIssueCode,
  message: string,
  path: ReadonlyArray<string | number> = [],
  details?: Record<string, unknown>,
): ValidationError {
  return new ValidationError(message, [{ path, code, message }], details ? { details } : {});
}

/**
 * The message for a JS `number` given where money or an exact decimal is
 * expected: a float cannot hold every amount exactly, so it is refused rather
 * than guessed at.
 */
export function numberNotAllowedError(
  what: string,
  path: ReadonlyArray<string | number> = [],
): ValidationError {
  return moneyError(
    'number_not_allowed',
    `${what} must not be a JS number: money is never a float. ` +
      'Pass a decimal string such as "12.50", or minor units as a bigint such as 1250n',
    path,
  );
}
