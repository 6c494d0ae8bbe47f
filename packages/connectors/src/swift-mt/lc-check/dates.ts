/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so the result never depends on the machine's zone. */

const DAY_MS = 86_400_000;

function toUtc(isoDate: string): number {
  return Date.UTC(
    Number(isoDate.slice(0, 4)),
    Number(isoDate.slice(5, 7)) - 1,
    Number(isoDate.slice(8, 10)),
  );
}

/** `isoDate` plus `days` calendar days: `addDays('2025-06-30', 21)` → `'2025-07-21'`. */
export function addDays(isoDate: string, days: number): string {
  return new Date(toUtc(isoDate) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The UTC calendar date of `instant` as `YYYY-MM-DD`. */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
