import { pricingError } from './issue-codes.js';

/** A calendar month: `{ year: 2026, month: 11 }` is November 2026 (months count from 1). */
export interface BillingPeriod {
  readonly year: number;
  readonly month: number;
}

const PERIOD_PATTERN = /^(\d{4})-(\d{2})$/;

function isValidPeriod(year: unknown, month: unknown): boolean {
  return (
    Number.isInteger(year) &&
    (year as number) >= 1 &&
    (year as number) <= 9999 &&
    Number.isInteger(month) &&
    (month as number) >= 1 &&
    (month as number) <= 12
  );
}

/**
 * Read a billing period from `'YYYY-MM'` or `{ year, month }`. Throws a
 * `ValidationError` (issue `invalid_period`) for anything else, such as
 * `'2026-13'` or `{ year: 2026, month: 0 }`.
 */
export function parseBillingPeriod(
  value: BillingPeriod | string,
  path: ReadonlyArray<string | number> = ['period'],
): BillingPeriod {
  if (typeof value === 'string') {
    const match = PERIOD_PATTERN.exec(value);
    if (match !== null) {
      const year = Number.parseInt(match[1] ?? '', 10);
      const month = Number.parseInt(match[2] ?? '', 10);
      if (isValidPeriod(year, month)) return Object.freeze({ year, month });
    }
  } else if (typeof value === 'object' && value !== null) {
    const { year, month } = value;
    if (isValidPeriod(year, month)) return Object.freeze({ year, month });
  }
  throw pricingError(
    'invalid_period',
    "A billing period is 'YYYY-MM' or { year, month } with a month from 1 to 12",
    path,
  );
}

/** `'2026-11'` for November 2026. */
export function formatBillingPeriod(period: BillingPeriod): string {
  return `${String(period.year).padStart(4, '0')}-${String(period.month).padStart(2, '0')}`;
}
