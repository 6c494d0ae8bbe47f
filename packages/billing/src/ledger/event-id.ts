import { randomUUID } from 'node:crypto';

/** How far (ms) ids may run ahead of the clock before they follow it back. */
const MAX_LEAD_MS = 1000;
let lastMs = -1;
let counter = 0;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/**
 * A new UUID version 7 (RFC 9562) for the instant `now` (Unix ms): 48 bits of
 * milliseconds, a 12-bit counter (so ids made in the same millisecond by this
 * process sort in order), then random bits. The ledger stamps each event with
 * the millisecond its id carries, so the order of ids is exactly the order of
 * (`createdAt`, `id`), which lets one index serve both. Ids run ahead of the
 * clock only under 4096 ids a millisecond or a clock stepped back by less than
 * a second; a larger step back is followed.
 */
export function newEventId(now: number = Date.now()): string {
  let ms = Math.max(0, Math.floor(now));
  // A clock a little behind the last id (a small step back, or a burst that
  // used up a millisecond) keeps counting there, so ids stay in call order.
  if (ms < lastMs && lastMs - ms <= MAX_LEAD_MS) ms = lastMs;
  if (ms === lastMs && counter < 0xfff) {
    counter += 1;
  } else {
    // A new millisecond, a clock that went back, or 4096 ids in one millisecond
    // (then the next one is used): start the counter at a random low value.
    if (ms === lastMs) ms += 1;
    counter = Math.floor(Math.random() * 0x400);
  }
  lastMs = ms;
  const time = hex(ms, 12);
  // randomUUID's last 17 characters: the RFC 9562 variant and 62 random bits.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(counter, 3)}-${randomUUID().slice(19)}`;
}

/** The Unix millisecond a UUID v7 event id carries. */
export function eventIdMs(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

/**
 * A string that sorts after every event id of an earlier millisecond than
 * `ms` and before every id of `ms` or later (byte order), for range scans.
 */
export function eventIdLowerBound(ms: number): string {
  const time = hex(Math.max(0, Math.floor(ms)), 12);
  return `${time.slice(0, 8)}-${time.slice(8)}`;
}
