import { ValidationError } from '@tollgate/core';

/**
 * Issue codes the FX contract puts in a `ValidationError`'s `issues` (the
 * error's own `code` stays `validation_failed`). Stable: callers may switch on them.
 *
 * - `unsupported_currency`: the provider publishes no rate for that currency;
 * - `no_rates_for_date`: the provider has no rates on or before the requested date;
 * - `interest_rate_not_configured`: a forward quote needs an interest rate the config lacks;
 * - `invalid_value_date`: the forward value date is not after the spot date, or too far;
 * - `invalid_interest_rate`: a configured interest rate makes `1 + r × t` zero or negative.
 */
export const FX_ISSUE_CODES = [
  'unsupported_currency',
  'no_rates_for_date',
  'interest_rate_not_configured',
  'invalid_value_date',
  'invalid_interest_rate',
] as const;

/** One of {@link FX_ISSUE_CODES}. */
export type FxIssueCode = (typeof FX_ISSUE_CODES)[number];

/** Where an FX error happened, copied onto the error. */
export interface FxErrorContext {
  connectorId?: string;
  operation?: string;
}

/** Build the `ValidationError` for one FX rule, with non-secret `details`. */
export function fxValidationError(
  code: FxIssueCode,
  message: string,
  path: ReadonlyArray<string | number>,
  context: FxErrorContext = {},
  details: Record<string, unknown> = {},
): ValidationError {
  return new ValidationError(message, [{ path, code, message }], { ...context, details });
}

/**
 * The error for a currency the provider does not publish: names the currency
 * and lists the ones it does, e.g. "BDT is not among the currencies ECB
 * publishes (AUD, BGN, …, ZAR)".
 */
export function unsupportedCurrencyError(
  currency: string,
  supported: readonly string[],
  options: { provider: string; path: ReadonlyArray<string | number> } & FxErrorContext,
): ValidationError {
  const { provider, path, ...context } = options;
  const list = [...supported].sort();
  return fxValidationError(
    'unsupported_currency',
    `${currency} is not among the currencies ${provider} publishes (${list.join(', ')})`,
    path,
    context,
    { currency, supported_currencies: list },
  );
}
