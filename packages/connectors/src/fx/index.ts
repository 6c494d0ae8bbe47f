/**
 * `@tollgate/connectors/fx`: the FX provider contract (`rates`, `convert`,
 * `forwardQuote`: zod schemas and types) and the exact money math every FX
 * provider reuses — decimal rates, cross rates at a stated precision,
 * conversions in bigint minor units with an explicit rounding mode, and
 * indicative forwards by covered interest parity. No floats anywhere.
 * @packageDocumentation
 */
export { convertAtRate, DEFAULT_CONVERSION_ROUNDING } from './conversion.js';
export {
  crossRate,
  DEFAULT_RATE_PRECISION,
  invertRate,
  type RatePrecision,
} from './cross-rate.js';
export {
  ACT_365_CURRENCIES,
  DAY_COUNTS,
  type DayCount,
  dayCountFor,
  daysBetween,
  daysInYear,
  isIsoDate,
} from './day-count.js';
export {
  type DecimalRate,
  divideToSignificantDigits,
  formatDecimal,
  formatDecimalRate,
  MAX_RATE_LENGTH,
  parseDecimalRate,
  parseSignedDecimal,
  RATE_PATTERN,
  SIGNED_DECIMAL_PATTERN,
  sameRate,
  stripTrailingZeros,
} from './decimal-rate.js';
export { type ForwardRateInput, forwardPoints, forwardRate, type PercentRate } from './forward.js';
export {
  FX_ISSUE_CODES,
  type FxErrorContext,
  type FxIssueCode,
  fxValidationError,
  unsupportedCurrencyError,
} from './fx-errors.js';
export {
  FX_CONVERSION_BILLABLE,
  FX_OPERATIONS,
  type FxOperationDefinitions,
  type FxProvider,
  type FxProviderOperations,
  fxOperationsFromReferenceRates,
  isFxProvider,
  type ReferenceRateSource,
} from './provider.js';
export {
  assertSupported,
  convertWithReferenceRates,
  type ForwardQuoteOptions,
  forwardQuoteWithReferenceRates,
  MAX_FORWARD_DAYS,
  quoteRates,
  type ReferenceRateOptions,
  type ReferenceRates,
  rateBetween,
  supportedCurrencies,
} from './reference-rates.js';
export {
  currencyCodeSchema,
  currencyPairSchema,
  dayCountSchema,
  type FxConvertInput,
  type FxConvertOutput,
  type FxForwardQuoteInput,
  type FxForwardQuoteOutput,
  type FxRatesInput,
  type FxRatesOutput,
  fxConvertInput,
  fxConvertOutput,
  fxForwardQuoteInput,
  fxForwardQuoteOutput,
  fxRatesInput,
  fxRatesOutput,
  isoDateSchema,
  MAX_AMOUNT_DIGITS,
  type MoneyInput,
  moneyInputSchema,
  moneySchema,
  percentSchema,
  rateSchema,
  roundingSchema,
} from './schema.js';
