/**
 * Money-market day-count conventions used by forward quotes: the year
 * fraction of `days` is `days / 360` (ACT/360) or `days / 365` (ACT/365 Fixed).
 */
export type DayCount = 'ACT/360' | 'ACT/365';

/** Every {@link DayCount}. */
export const DAY_COUNTS: readonly DayCount[] = ['ACT/360', 'ACT/365'];

/**
 * Currencies whose money markets count ACT/365 (Fixed), after their overnight
 * benchmarks (SONIA, TONA, AONIA, CORRA, NZD OCR, HONIA, SORA, ZARONIA, …).
 * Every other currency counts ACT/360 (SOFR, €STR, SARON, …). BRL's
 * business/252 is not modelled: BRL falls back to ACT/360 unless configured.
 */
export const ACT_365_CURRENCIES: readonly string[] = Object.freeze([
  'AUD',
  'CAD',
  'GBP',
  'HKD',
  'ILS',
  'INR',
  'JPY',
  'KRW',
  'MYR',
  'NZD',
  'PLN',
  'SGD',
  'THB',
  'ZAR',
]);

/** The day count of `currency`: an override if given, else {@link ACT_365_CURRENCIES} or ACT/360. */
export function dayCountFor(
  currency: string,
  overrides: Readonly<Record<string, DayCount>> = {},
): DayCount {
  if (Object.hasOwn(overrides, currency)) return overrides[currency] as DayCount;
  return ACT_365_CURRENCIES.includes(currency) ? 'ACT/365' : 'ACT/360';
}

/** The denominator of a {@link DayCount}'s year fraction: 360 or 365. */
export function daysInYear(dayCount: DayCount): bigint {
  return dayCount === 'ACT/365' ? 365n : 360n;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written `YYYY-MM-DD` (`2024-02-30` is not). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const [, year, month, day] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return new Date(time).toISOString().slice(0, 10) === text;
}

/** Actual days from `start` to `end` (both `YYYY-MM-DD`), negative when `end` is earlier. */
export function daysBetween(start: string, end: string): number {
  return Math.round(
    (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000,
  );
}
