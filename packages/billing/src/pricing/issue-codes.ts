import { ValidationError } from '@tollgate/core';

/**
 * Every issue code the pricing module puts in a `ValidationError`'s
 * `issues`, besides zod's own (`invalid_type`, `unrecognized_keys`, `too_small`
 * …), in one place. The error's `code` is always `validation_failed`; these say
 * which rule failed. Stable: callers may switch on them.
 */
export const PRICING_ISSUE_CODES = [
  'number_not_allowed',
  'invalid_decimal',
  'negative_amount',
  'too_many_fraction_digits',
  'fraction_above_one',
  'unknown_currency',
  'unknown_model',
  'bands_not_from_one',
  'overlapping_bands',
  'band_gap',
  'band_ends_before_start',
  'open_band_not_last',
  'last_band_closed',
  'minimum_above_maximum',
  'duplicate_rate',
  'unknown_plan',
  'included_operation_unpriced',
  'included_units_on_percentage',
  'currency_mismatch',
  'no_rate',
  'invalid_quantity',
  'missing_transaction_value',
  'invalid_transaction_value',
  'invalid_period',
] as const;

/** One of {@link PRICING_ISSUE_CODES}. */
export type PricingIssueCode = (typeof PRICING_ISSUE_CODES)[number];

/** A `ValidationError` with one pricing issue carrying the same message. */
export function pricingError(
  code: PricingIssueCode,
  message: string,
  path: ReadonlyArray<string | number> = [],
): ValidationError {
  return new ValidationError(message, [{ path, code, message }]);
}
