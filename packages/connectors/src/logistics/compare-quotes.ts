import {
  compareMoney,
  isTollgateError,
  type Money,
  type RunOptions,
  TimeoutError,
  ValidationError,
} from '@tollgate/core';
import { UnsupportedOperationError } from './errors.js';
import type { NormalizedQuote, QuoteInput, QuoteResult } from './schema.js';

/**
 * Anything that can quote: a connected client of a logistics connector
 * (`dhlExpress.connect(...)`) or a test double. A client without `quote`
 * (an ocean carrier without a rating API) is reported as a failure.
 */
export interface QuotingClient {
  readonly connectorId: string;
  readonly operations: {
    // Method syntax on purpose: each connector's quote takes its own refinement of the input.
    quote?(input: QuoteInput, options?: RunOptions): Promise<QuoteResult>;
    /** A client's other operations, whatever they are. */
    readonly [operation: string]: unknown;
  };
}

/** Puts an amount into the comparison currency, e.g. with core's `convertMoney` and a rate you trust. */
export type MoneyConverter = (amount: Money, currency: string) => Money | Promise<Money>;

/**
 * How quotes are ordered: `price` (cheapest, then fastest: the default),
 * `transit` (fastest, then cheapest), or weights of a score that is lower for
 * better quotes: `weight.price × total / cheapest + weight.transit × (days + 1) / (fewest + 1)`.
 */
export type QuoteRanking = 'price' | 'transit' | { price: number; transit: number };

/** Options of {@link compareQuotes}. */
export interface CompareQuotesOptions {
  /** How long each carrier may take, ms. Default 10 000. A slower one is a `timeout` failure. */
  timeoutMs?: number;
  /** Aborts every carrier call. */
  signal?: AbortSignal;
  /** Sent to each carrier as `<key>:<connectorId>`. */
  idempotencyKey?: string;
  /** Default `price`. */
  rankBy?: QuoteRanking;
  /** Also rank each carrier's alternatives of the same service type. Default false. */
  includeAlternatives?: boolean;
  /**
   * The currency to compare in. With `convert`, every total is converted to it;
   * without, quotes in other currencies are ranked only among themselves.
   */
  currency?: string;
  /** Converts totals into `currency` so quotes in different currencies can be ranked together. */
  convert?: MoneyConverter;
  /**
   * Quotes in several currencies and no `convert`: `group` (default) ranks each
   * currency on its own in `byCurrency` and leaves `ranked` empty; `error` throws
   * a `ValidationError`. Amounts in different currencies are never compared as if equal.
   */
  onMixedCurrencies?: 'group' | 'error';
}

/** A quote with its place in the ranking. */
export interface RankedQuote extends NormalizedQuote {
  /** 1 for the best. */
  rank: number;
  /** The total the ranking compared: `total`, or `total` converted into the comparison currency. */
  comparableTotal: Money;
  /** The weighted score, when `rankBy` gives weights. */
  score?: number;
}

/** A carrier that gave no quote, and why. */
export interface CarrierFailure {
  carrier: string;
  /** A stable code: core's (`timeout`, `upstream_error`, `rate_limited`, `auth_failed` …) or `unsupported_operation`, `no_service_available`. */
  code: string;
  message: string;
  retryable: boolean;
  error: unknown;
}

/** What {@link compareQuotes} returns. */
export interface QuoteComparison {
  /** Every quote, best first, when they could all be compared; empty when currencies were mixed without a converter. */
  ranked: RankedQuote[];
  /** The same quotes ranked within each currency of their `comparableTotal`. */
  byCurrency: Record<string, RankedQuote[]>;
  /** Carriers that failed, timed out, or cannot quote. */
  failures: CarrierFailure[];
  /** The currency `ranked` is in, or `null` when it is empty for mixed currencies. */
  comparedIn: string | null;
  /** Whether the carriers quoted in more than one currency. */
  mixedCurrencies: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Ask several carriers for a quote at the same time and rank the answers.
 * Every carrier is asked for the same `serviceType` (default `express`) and
 * runs under its own time limit; one failing, timing out or not offering the
 * service does not hold up or sink the others, it is listed in `failures`.
 *
 * Ranking is by price then transit time (or as `rankBy` says), with amounts
 * compared as exact bigints and only within one currency: quotes in several
 * currencies are converted with `convert` into `currency`, or ranked per
 * currency (`byCurrency`), or refused (`onMixedCurrencies: 'error'`).
 *
 * @example
 * ```ts
 * const { ranked, failures } = await compareQuotes([dhl, fedex, ups], {
 *   origin: { countryCode: 'DE', city: 'Bonn' }, destination: { countryCode: 'BD', city: 'Dhaka' },
 * }, { timeoutMs: 5000 });
 * ```
 */
export async function compareQuotes(
  clients: readonly QuotingClient[] | Readonly<Record<string, QuotingClient>>,
  input: QuoteInput,
  options: CompareQuotesOptions = {},
): Promise<QuoteComparison> {
  if ((options.convert === undefined) !== (options.currency === undefined)) {
    throw new ValidationError('compareQuotes needs `convert` and `currency` together', [
      {
        path: [options.convert === undefined ? 'convert' : 'currency'],
        code: 'missing_option',
        message: 'give both a converter and the currency to convert to, or neither',
      },
    ]);
  }
  const list = Array.isArray(clients)
    ? (clients as readonly QuotingClient[])
    : Object.values(clients as Record<string, QuotingClient>);
  // Every carrier is asked for the same service type: the contract's default when none is given.
  const asked: QuoteInput = { ...input, serviceType: input.serviceType ?? 'express' };
  const settled = await Promise.allSettled(
    list.map((client) => quoteWithTimeLimit(client, asked, options)),
  );
  const failures: CarrierFailure[] = [];
  const quotes: NormalizedQuote[] = [];
  settled.forEach((outcome, index) => {
    const carrier = list[index]?.connectorId ?? `client-${index}`;
    if (outcome.status === 'rejected') {
      failures.push(describeFailure(carrier, outcome.reason));
      return;
    }
    const result = outcome.value;
    const { alternatives, ...best } = result;
    quotes.push(best);
    if (options.includeAlternatives) {
      quotes.push(...alternatives.filter((quote) => quote.serviceType === best.serviceType));
    }
  });

  const comparable = await comparableTotals(quotes, options, failures);
  const currencies = new Set(comparable.map((entry) => entry.comparableTotal.currency));
  const mixedCurrencies = new Set(quotes.map((quote) => quote.total.currency)).size > 1;
  if (currencies.size > 1 && options.onMixedCurrencies === 'error') {
    throw new ValidationError(
      `The carriers quoted in ${[...currencies].join(', ')}; pass { currency, convert } to compare them`,
      [
        {
          path: ['currency'],
          code: 'mixed_currencies',
          message: 'quotes in several currencies need a converter',
        },
      ],
    );
  }
  const byCurrency: Record<string, RankedQuote[]> = {};
  for (const currency of currencies) {
    byCurrency[currency] = rank(
      comparable.filter((entry) => entry.comparableTotal.currency === currency),
      options.rankBy ?? 'price',
    );
  }
  const only = currencies.size === 1 ? [...currencies][0] : undefined;
  return {
    ranked: only === undefined ? [] : (byCurrency[only] ?? []),
    byCurrency,
    failures,
    comparedIn: only ?? (currencies.size === 0 ? (options.currency ?? null) : null),
    mixedCurrencies,
  };
}

async function quoteWithTimeLimit(
  client: QuotingClient,
  input: QuoteInput,
  options: CompareQuotesOptions,
): Promise<QuoteResult> {
  const quote = client.operations.quote;
  if (typeof quote !== 'function') {
    throw new UnsupportedOperationError(client.connectorId, 'quote');
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timeoutError = new TimeoutError(
    `${client.connectorId} gave no quote within ${timeoutMs} ms`,
    { connectorId: client.connectorId, operation: 'quote' },
  );
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
      once: true,
    });
  });
  const onAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(timeoutError);
      reject(timeoutError);
    }, timeoutMs);
  });
  // A client that ignores the signal still loses the race: the comparison never waits past the limit.
  deadline.catch(() => undefined);
  aborted.catch(() => undefined);
  try {
    return await Promise.race([
      quote.call(client.operations, input, {
        signal: controller.signal,
        ...(options.idempotencyKey === undefined
          ? {}
          : { idempotencyKey: `${options.idempotencyKey}:${client.connectorId}` }),
      }),
      deadline,
      aborted,
    ]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function describeFailure(carrier: string, error: unknown): CarrierFailure {
  if (isTollgateError(error)) {
    return { carrier, code: error.code, message: error.message, retryable: error.retryable, error };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { carrier, code: 'internal_error', message, retryable: false, error };
}

interface ComparableQuote extends NormalizedQuote {
  comparableTotal: Money;
}

async function comparableTotals(
  quotes: readonly NormalizedQuote[],
  options: CompareQuotesOptions,
  failures: CarrierFailure[],
): Promise<ComparableQuote[]> {
  const { convert, currency } = options;
  if (convert === undefined || currency === undefined) {
    return quotes.map((quote) => ({ ...quote, comparableTotal: quote.total }));
  }
  const converted = await Promise.allSettled(
    quotes.map(async (quote) => {
      if (quote.total.currency === currency) return { ...quote, comparableTotal: quote.total };
      const total = await convert(quote.total, currency);
      if (total.currency !== currency) {
        throw new ValidationError(
          `The converter returned ${total.currency} for ${quote.carrier}, not ${currency}`,
          [{ path: ['convert'], code: 'wrong_currency', message: `must return ${currency}` }],
        );
      }
      return { ...quote, comparableTotal: total };
    }),
  );
  const result: ComparableQuote[] = [];
  converted.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') result.push(outcome.value);
    else failures.push(describeFailure(quotes[index]?.carrier ?? 'unknown', outcome.reason));
  });
  return result;
}

function rank(quotes: readonly ComparableQuote[], rankBy: QuoteRanking): RankedQuote[] {
  const byPrice = (a: ComparableQuote, b: ComparableQuote) =>
    compareMoney(a.comparableTotal, b.comparableTotal);
  const byTransit = (a: ComparableQuote, b: ComparableQuote) => {
    const difference =
      (a.transitDays ?? Number.POSITIVE_INFINITY) - (b.transitDays ?? Number.POSITIVE_INFINITY);
    return Number.isNaN(difference) ? 0 : difference;
  };
  const byName = (a: ComparableQuote, b: ComparableQuote) => {
    const left = `${a.carrier}/${a.serviceCode}`;
    const right = `${b.carrier}/${b.serviceCode}`;
    return left === right ? 0 : left < right ? -1 : 1;
  };

  if (typeof rankBy === 'object') {
    const scores = weightedScores(quotes, rankBy);
    return quotes
      .map((quote, index) => ({ quote, score: scores[index] ?? Number.POSITIVE_INFINITY }))
      .sort(
        (a, b) =>
          a.score - b.score ||
          byPrice(a.quote, b.quote) ||
          byTransit(a.quote, b.quote) ||
          byName(a.quote, b.quote),
      )
      .map(({ quote, score }, index) => ({ ...quote, rank: index + 1, score }));
  }
  const order =
    rankBy === 'transit'
      ? (a: ComparableQuote, b: ComparableQuote) => byTransit(a, b) || byPrice(a, b) || byName(a, b)
      : (a: ComparableQuote, b: ComparableQuote) =>
          byPrice(a, b) || byTransit(a, b) || byName(a, b);
  return [...quotes].sort(order).map((quote, index) => ({ ...quote, rank: index + 1 }));
}

/** Scores for ordering only (not money): price ratios are taken from bigints at a fixed scale. */
function weightedScores(
  quotes: readonly ComparableQuote[],
  weights: { price: number; transit: number },
): number[] {
  for (const [name, weight] of Object.entries(weights)) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new ValidationError(`rankBy.${name} must be a finite weight of 0 or more`, [
        { path: ['rankBy', name], code: 'invalid_weight', message: 'must be ≥ 0' },
      ]);
    }
  }
  const cheapest = quotes.reduce<bigint | undefined>((min, quote) => {
    const amount = quote.comparableTotal.amount;
    return min === undefined || amount < min ? amount : min;
  }, undefined);
  const fewestDays = Math.min(
    ...quotes.map((quote) => quote.transitDays ?? Number.POSITIVE_INFINITY),
  );
  const SCALE = 1_000_000n;
  return quotes.map((quote) => {
    const amount = quote.comparableTotal.amount;
    const priceRatio =
      cheapest === undefined || cheapest <= 0n
        ? 1
        : Number((amount * SCALE) / cheapest) / Number(SCALE);
    const transitRatio =
      quote.transitDays === null
        ? Number.POSITIVE_INFINITY
        : Number.isFinite(fewestDays)
          ? (quote.transitDays + 1) / (fewestDays + 1)
          : 1;
    const transitPart = weights.transit === 0 ? 0 : weights.transit * transitRatio;
    return weights.price * priceRatio + transitPart;
  });
}
