import { UpstreamError } from '@tollgate/core';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import {
  type DecimalRate,
  type FxErrorContext,
  isoDateSchema,
  parseDecimalRate,
  rateSchema,
} from '../fx/index.js';
import { ECB_BASE_CURRENCY } from './ecb-currencies.js';

/** One day of the ECB's euro reference rates: units of each currency per 1 EUR, exact. */
export interface EcbReferenceDay {
  /** The day, `YYYY-MM-DD` (the `time` attribute). */
  date: string;
  /** Rates as published (`"0.85620"` keeps its scale), keyed by ISO 4217 code. */
  rates: Readonly<Record<string, DecimalRate>>;
}

/** Longest raw body kept on a parse error. */
const MAX_ERROR_BODY = 2048;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  ignoreDeclaration: true,
  parseAttributeValue: false,
  parseTagValue: false,
  // No DTD entity expansion: the ECB files need none, and it keeps entity tricks out.
  processEntities: false,
  isArray: (name) => name === 'Cube',
});

const rateCube = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
  rate: rateSchema,
});

const dayCube = z.object({
  time: isoDateSchema,
  Cube: z.array(rateCube).min(1, 'a day must list at least one rate'),
});

/** The eurofxref envelope: `Envelope > Cube > Cube[time] > Cube[currency, rate]`. */
const envelope = z.object({
  Envelope: z.object({
    Cube: z
      .array(z.object({ Cube: z.array(dayCube).min(1, 'the file must hold at least one day') }))
      .length(1, 'the envelope must hold exactly one outer Cube'),
  }),
});

/**
 * Parse an ECB eurofxref file (`eurofxref-daily.xml`, `eurofxref-hist-90d.xml`
 * or `eurofxref-hist.xml`, same shape) into its days, newest first:
 *
 * ```html
 * <gesmes:Envelope …><Cube><Cube time='2024-02-27'><Cube currency='USD' rate='1.0856'/>…
 * ```
 *
 * Rates stay exact decimals. A body that is not well-formed XML, or not this
 * shape (a missing `time`, a rate that is not a positive decimal, a currency
 * listed twice in a day, a day listed twice), throws an `UpstreamError`
 * (status 502, not retryable) that says what is wrong and keeps the start of
 * the body; it never crashes.
 */
export function parseEcbXml(
  text: string,
  context: FxErrorContext & { file?: string } = {},
): EcbReferenceDay[] {
  const { file = 'eurofxref file', ...where } = context;
  const fail = (problem: string, cause?: unknown) =>
    new UpstreamError(`The ECB's ${file} is not a eurofxref reference-rate file: ${problem}`, {
      ...where,
      status: 502,
      retryable: false,
      body: text.slice(0, MAX_ERROR_BODY),
      cause,
    });

  let tree: unknown;
  try {
    tree = parser.parse(text, true);
  } catch (error) {
    throw fail(`not well-formed XML (${firstLine(error)})`, error);
  }
  const parsed = envelope.safeParse(tree);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(root)';
    throw fail(`${where}: ${issue?.message ?? 'unexpected shape'}`, parsed.error);
  }

  const days: EcbReferenceDay[] = [];
  const seenDates = new Set<string>();
  for (const day of parsed.data.Envelope.Cube[0]?.Cube ?? []) {
    if (seenDates.has(day.time)) throw fail(`the day ${day.time} is listed twice`);
    seenDates.add(day.time);
    const rates: Record<string, DecimalRate> = {};
    for (const { currency, rate } of day.Cube) {
      if (currency === ECB_BASE_CURRENCY) throw fail(`${day.time} lists a rate for EUR itself`);
      if (Object.hasOwn(rates, currency)) {
        throw fail(`${currency} is listed twice on ${day.time}`);
      }
      rates[currency] = parseDecimalRate(rate);
    }
    days.push({ date: day.time, rates: Object.freeze(rates) });
  }
  return days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 200) ?? 'parse error';
}
