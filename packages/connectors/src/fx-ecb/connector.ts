import { defineConnector } from '@tollgate/core';
import { fxOperationsFromReferenceRates, quoteRates, type RatePrecision } from '../fx/index.js';
import { ECB_FILES } from './ecb-files.js';
import { loadEcbHistory, loadEcbReferenceRates, toReferenceRates } from './load-rates.js';
import {
  type FxEcbConfig,
  type FxEcbCredentials,
  fxEcbConfig,
  fxEcbCredentials,
  fxEcbHistoryInput,
  fxEcbHistoryOutput,
} from './schema.js';

/** The connector's id. */
export const FX_ECB_ID = 'fx-ecb';

/** Where the sandbox answers by default (nothing resolves there: the sandbox's `fetch` does). */
export const FX_ECB_SANDBOX_URL = 'https://sandbox.ecb-eurofxref.test';

/** Cross and inverse rates: the configured significant digits, rounded half-even. */
function precisionOf(config: FxEcbConfig): RatePrecision {
  return { significantDigits: config.crossRateSignificantDigits, rounding: 'half-even' };
}

/**
 * The ECB's euro foreign exchange reference rates as an FX provider: public
 * XML files, no credentials, ~30 currencies against EUR, one publication per
 * TARGET business day around 16:00 CET.
 *
 * Operations: the FX contract's `rates`, `convert` (billable `fx.conversion`)
 * and `forwardQuote` (indicative, from configured interest rates), plus
 * `history` (the 90-day file, or the full history for older ranges). No
 * webhooks: the ECB sends none. `check()` sends `HEAD` for the daily file.
 */
export const fxEcb = defineConnector({
  id: FX_ECB_ID,
  kind: 'fx',
  displayName: 'ECB euro foreign exchange reference rates',
  description:
    "Reference rates from the European Central Bank's eurofxref XML files, with exact cross rates, conversions and indicative forwards",
  config: fxEcbConfig,
  credentials: fxEcbCredentials,
  environments: { sandbox: FX_ECB_SANDBOX_URL, production: 'https://www.ecb.europa.eu' },
  transport: { timeoutMs: 10_000, retry: { maxAttempts: 3, baseDelayMs: 500 } },
  operations: {
    ...fxOperationsFromReferenceRates<FxEcbConfig, FxEcbCredentials>({
      connectorId: FX_ECB_ID,
      load: ({ http, config }, operation) =>
        loadEcbReferenceRates({ http, config, connectorId: FX_ECB_ID, operation }),
      precision: precisionOf,
      forward: (config) => ({
        interestRatesPercent: config.interestRatesPercent,
        dayCounts: config.dayCounts,
      }),
    }),
    history: {
      description: 'Reference rates per publication day over a date range, oldest first',
      input: fxEcbHistoryInput,
      output: fxEcbHistoryOutput,
      idempotent: true,
      run: async (input, { http, config }) => {
        const context = { http, config, connectorId: FX_ECB_ID, operation: 'history' };
        const days = await loadEcbHistory(context, { from: input.from, to: input.to });
        const options = {
          precision: precisionOf(config),
          context: { connectorId: FX_ECB_ID, operation: 'history' },
        };
        return {
          base: input.base,
          days: days.map((day) => {
            const { rates } = quoteRates(
              toReferenceRates(day),
              { base: input.base, ...(input.symbols ? { symbols: input.symbols } : {}) },
              options,
            );
            return { date: day.date, rates };
          }),
        };
      },
    },
  },
  check: async ({ http }) => {
    const response = await http.request({ method: 'HEAD', path: ECB_FILES.daily });
    const type = response.headers.get('content-type') ?? '';
    if (!/\bxml\b/i.test(type)) {
      return {
        ok: false,
        reason: `the daily file answered with ${type || 'no content type'}, not XML`,
      };
    }
    return { ok: true };
  },
});
