import type {
  AnyConnector,
  AnySchema,
  Connector,
  OperationContext,
  OperationDefinition,
} from '@tollgate/core';
import type { RatePrecision } from './cross-rate.js';
import type { DayCount } from './day-count.js';
import type { FxErrorContext } from './fx-errors.js';
import {
  convertWithReferenceRates,
  forwardQuoteWithReferenceRates,
  quoteRates,
  type ReferenceRates,
} from './reference-rates.js';
import {
  fxConvertInput,
  fxConvertOutput,
  fxForwardQuoteInput,
  fxForwardQuoteOutput,
  fxRatesInput,
  fxRatesOutput,
} from './schema.js';

/** The billable operation a conversion is recorded as, on every FX provider. */
export const FX_CONVERSION_BILLABLE = 'fx.conversion';

/** The operations every FX provider offers, and the contract's schemas of each. */
export const FX_OPERATIONS = Object.freeze({
  rates: { input: fxRatesInput, output: fxRatesOutput },
  convert: { input: fxConvertInput, output: fxConvertOutput },
  forwardQuote: { input: fxForwardQuoteInput, output: fxForwardQuoteOutput },
});

/** The operation schemas of the FX contract, as a connector's operation map. */
export type FxProviderOperations = {
  rates: { input: typeof fxRatesInput; output: typeof fxRatesOutput };
  convert: { input: typeof fxConvertInput; output: typeof fxConvertOutput };
  forwardQuote: { input: typeof fxForwardQuoteInput; output: typeof fxForwardQuoteOutput };
};

/**
 * A connector that implements the FX contract: `rates`, `convert` (billable
 * as `fx.conversion`) and `forwardQuote` with the schemas of
 * {@link FX_OPERATIONS}. It may offer more operations.
 */
export type FxProvider = Connector<string, AnySchema, AnySchema, FxProviderOperations, AnySchema>;

/**
 * True when `connector` is an FX provider: kind `fx`, the three contract
 * operations present, and `convert` billable as `fx.conversion`. What a server
 * checks before exposing `/integrations/fx/{id}/rates` and `/convert` over it.
 */
export function isFxProvider(connector: AnyConnector): connector is FxProvider {
  return (
    connector.kind === 'fx' &&
    Object.keys(FX_OPERATIONS).every((name) => Object.hasOwn(connector.operations, name)) &&
    connector.billableOperations.convert === FX_CONVERSION_BILLABLE
  );
}

/** How {@link fxOperationsFromReferenceRates} gets its rates and settings from a connection. */
export interface ReferenceRateSource<Config, Credentials> {
  /** Load the reference rates the connection's config asks for (one HTTP call, or a cached one). */
  load(
    context: OperationContext<Config, Credentials>,
    operation: keyof FxProviderOperations,
  ): Promise<ReferenceRates>;
  /** Rounding of derived rates for this connection; default 10 significant digits, half-even. */
  precision?(config: Config): RatePrecision;
  /** Interest rates and day-count overrides for forward quotes. */
  forward(config: Config): {
    interestRatesPercent: Readonly<Record<string, string>>;
    dayCounts?: Readonly<Record<string, DayCount>>;
  };
  /** The connector id named in errors. */
  connectorId: string;
}

/** The three contract operations as `defineConnector` takes them. */
export interface FxOperationDefinitions<Config, Credentials> {
  rates: OperationDefinition<typeof fxRatesInput, typeof fxRatesOutput, Config, Credentials>;
  convert: OperationDefinition<typeof fxConvertInput, typeof fxConvertOutput, Config, Credentials>;
  forwardQuote: OperationDefinition<
    typeof fxForwardQuoteInput,
    typeof fxForwardQuoteOutput,
    Config,
    Credentials
  >;
}

/**
 * The FX contract's operations for any provider that publishes a table of
 * reference rates against one base: give it how to load the table, and it
 * answers `rates`, `convert` (billable `fx.conversion`) and `forwardQuote`
 * with the exact math of this module. Spread the result into
 * `defineConnector({ operations: { ...fxOperationsFromReferenceRates(source) } })`.
 */
export function fxOperationsFromReferenceRates<Config, Credentials = unknown>(
  source: ReferenceRateSource<Config, Credentials>,
): FxOperationDefinitions<Config, Credentials> {
  const context = (operation: string): FxErrorContext => ({
    connectorId: source.connectorId,
    operation,
  });
  const precisionOf = (config: Config) => (source.precision ? source.precision(config) : undefined);
  return {
    rates: {
      description: 'Reference rates of every requested currency per one unit of a base currency',
      input: fxRatesInput,
      output: fxRatesOutput,
      idempotent: true,
      run: async (input, connection) => {
        const table = await source.load(connection, 'rates');
        const precision = precisionOf(connection.config);
        return quoteRates(table, input, {
          context: context('rates'),
          ...(precision ? { precision } : {}),
        });
      },
    },
    convert: {
      description: 'Convert an amount at the reference rate, rounded to whole minor units',
      input: fxConvertInput,
      output: fxConvertOutput,
      idempotent: true,
      billable: FX_CONVERSION_BILLABLE,
      run: async (input, connection) => {
        const table = await source.load(connection, 'convert');
        const precision = precisionOf(connection.config);
        return convertWithReferenceRates(table, input, {
          context: context('convert'),
          ...(precision ? { precision } : {}),
        });
      },
    },
    forwardQuote: {
      description: 'Indicative outright forward by covered interest parity from configured rates',
      input: fxForwardQuoteInput,
      output: fxForwardQuoteOutput,
      idempotent: true,
      run: async (input, connection) => {
        const table = await source.load(connection, 'forwardQuote');
        const precision = precisionOf(connection.config);
        return forwardQuoteWithReferenceRates(table, input, {
          ...source.forward(connection.config),
          context: context('forwardQuote'),
          ...(precision ? { precision } : {}),
        });
      },
    },
  };
}
