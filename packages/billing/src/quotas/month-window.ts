/** A calendar month in a time zone: the instants it starts and ends at. */
export interface MonthWindow {
  /** `YYYY-MM`. */
  period: string;
  /** The first instant of the month, in the time zone. */
  start: Date;
  /** The first instant of the next month: when a monthly quota resets. */
  end: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    if (formatters.size > 200) formatters.clear();
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(epochMs: number, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far `timeZone` is ahead of UTC at `epochMs`, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallClock(epochMs, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant local midnight of the 1st of `month` (1–12) of `year` happens in `timeZone`. */
function startOfMonth(year: number, month: number, timeZone: string): Date {
  const wallAsUtc = Date.UTC(year, month - 1, 1);
  // Two passes settle the offset even when it changes near midnight (DST).
  let guess = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  guess = wallAsUtc - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** Whether `timeZone` is an IANA time zone `Intl` knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar month `at` falls in, in `timeZone` (IANA name): 2026-10-31T19:30Z
 * is `2026-11` in `Asia/Dhaka`, which starts at 2026-10-31T18:00Z and ends
 * (resets) at 2026-11-30T18:00Z.
 */
export function monthWindow(at: Date, timeZone: string): MonthWindow {
  const { year, month } = wallClock(at.getTime(), timeZone);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return {
    period: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
    start: startOfMonth(year, month, timeZone),
    end: startOfMonth(nextYear, nextMonth, timeZone),
  };
}
