import { fxValidationError, type ReferenceRates } from '../fx/index.js';
import { ECB_BASE_CURRENCY } from './ecb-currencies.js';
import { type EcbFetchContext, fetchEcbFile } from './ecb-files.js';
import type { EcbReferenceDay } from './ecb-xml.js';

/** The provider name in messages. */
const PROVIDER = 'the ECB';

/** One ECB day as the FX contract's reference-rate table. */
export function toReferenceRates(day: EcbReferenceDay): ReferenceRates {
  return { provider: PROVIDER, base: ECB_BASE_CURRENCY, date: day.date, rates: day.rates };
}

/**
 * The reference rates `config.historicalDate` asks for: the daily file for
 * `'latest'`; otherwise the last publication on or before that date, from the
 * 90-day file, or from the full history when the date is older than the
 * 90-day window. No publication on or before it is a `ValidationError`
 * (`no_rates_for_date`).
 */
export async function loadEcbReferenceRates(context: EcbFetchContext): Promise<ReferenceRates> {
  const date = context.config.historicalDate;
  if (date === 'latest') {
    const [latest] = await fetchEcbFile(context, 'daily');
    if (!latest) throw new RangeError('parseEcbXml returned no day'); // parseEcbXml requires one
    return toReferenceRates(latest);
  }
  const recent = await fetchEcbFile(context, 'hist90d');
  const found = lastOnOrBefore(recent, date);
  if (found) return toReferenceRates(found);
  const all = await fetchEcbFile(context, 'hist');
  const old = lastOnOrBefore(all, date);
  if (old) return toReferenceRates(old);
  throw fxValidationError(
    'no_rates_for_date',
    `The ECB published no reference rates on or before ${date}; its series starts on ${all.at(-1)?.date ?? '1999-01-04'}`,
    ['config', 'historicalDate'],
    { connectorId: context.connectorId, ...operationOf(context) },
    { date },
  );
}

/**
 * The ECB days from `from` to `to` (inclusive, either open), oldest first:
 * from the 90-day file, or from the full history when `from` is older than
 * the 90-day file's first day.
 */
export async function loadEcbHistory(
  context: EcbFetchContext,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<EcbReferenceDay[]> {
  const recent = await fetchEcbFile(context, 'hist90d');
  const oldest = recent.at(-1)?.date;
  const needsFull = range.from !== undefined && oldest !== undefined && range.from < oldest;
  const days = needsFull ? await fetchEcbFile(context, 'hist') : recent;
  return days
    .filter(
      (day) =>
        (range.from === undefined || day.date >= range.from) &&
        (range.to === undefined || day.date <= range.to),
    )
    .reverse();
}

/** Days are newest first: the first one not after `date`. */
function lastOnOrBefore(days: EcbReferenceDay[], date: string): EcbReferenceDay | undefined {
  return days.find((day) => day.date <= date);
}

function operationOf(context: EcbFetchContext): { operation?: string } {
  return context.operation === undefined ? {} : { operation: context.operation };
}
