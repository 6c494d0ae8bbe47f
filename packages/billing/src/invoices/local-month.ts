import type { BillingPeriod } from '../pricing/index.js';

/** Formatters are costly to build and few in practice (one per time zone); the cap bounds odd callers. */
const MAX_CACHED_FORMATTERS = 200;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  // Gregorian calendar and Latin digits whatever the runtime's default locale.
  const formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  });
  if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

/**
 * The IANA name `Intl` knows `timeZone` by (`'asia/dhaka'` → `'Asia/Dhaka'`),
 * or `undefined` when it is not a time zone.
 */
export function canonicalTimeZone(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number.parseInt(parts.find((candidate) => candidate.type === type)?.value ?? '', 10);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/**
 * The calendar month `instant` falls in, in `timeZone`: 2026-10-31T19:30Z is
 * November 2026 in `Asia/Dhaka` (UTC+6). `timeZone` must be valid.
 */
export function localMonthOf(instant: Date, timeZone: string): BillingPeriod {
  const { year, month } = wallClockOf(instant, timeZone);
  return { year, month };
}

/** Milliseconds `timeZone` is ahead of UTC at `epochMs`. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallClockOf(new Date(epochMs), timeZone);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

function startOfMonth(year: number, month: number, timeZone: string): Date {
  const wallMidnight = Date.UTC(year, month - 1, 1);
  // Two passes: the offset at the first guess may differ from the one at local midnight.
  const guess = wallMidnight - offsetAt(wallMidnight, timeZone);
  return new Date(wallMidnight - offsetAt(guess, timeZone));
}

/**
 * The instants a billing period spans in `timeZone`, `start` included and
 * `end` excluded: November 2026 in `Asia/Dhaka` is 2026-10-31T18:00Z to
 * 2026-11-30T18:00Z. Use it to ask the ledger for a period's events.
 */
export function billingPeriodRange(
  period: BillingPeriod,
  timeZone: string,
): { start: Date; end: Date } {
  const next =
    period.month === 12
      ? { year: period.year + 1, month: 1 }
      : { year: period.year, month: period.month + 1 };
  return {
    start: startOfMonth(period.year, period.month, timeZone),
    end: startOfMonth(next.year, next.month, timeZone),
  };
}
