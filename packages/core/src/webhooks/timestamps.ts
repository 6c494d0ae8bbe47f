import { ValidationError, WebhookVerificationError } from '../errors/index.js';

/** Default timestamp tolerance of the Standard Webhooks and Stripe schemes: 5 minutes either way. */
export const DEFAULT_WEBHOOK_TOLERANCE_IN_SECONDS = 300;

/** How "now" is decided when checking a webhook's timestamp. */
export interface WebhookTimestampOptions {
  /**
   * How far (in seconds) the signed timestamp may be from now, either way.
   * `Infinity` turns the check off (only for events re-verified long after
   * they arrived; prefer `receivedAt`).
   */
  toleranceInSeconds?: number;
  /**
   * When the request was received, for events verified later from a queue:
   * the timestamp is checked against this instant instead of the clock.
   */
  receivedAt?: Date | number;
}

/** A clock in milliseconds since the epoch (`Date.now` by default); inject one in tests. */
export type WebhookClock = () => number;

const MAX_TIMESTAMP_DIGITS = 12;

/**
 * Parse a unix timestamp in seconds: ASCII digits only, no sign, no
 * spaces, at most 12 digits. Returns `undefined` for anything else.
 */
export function parseUnixSeconds(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > MAX_TIMESTAMP_DIGITS) return undefined;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** Check a tolerance option: a number ≥ 0 (`Infinity` allowed). */
export function checkTolerance(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new ValidationError('toleranceInSeconds must be a number of seconds ≥ 0 (or Infinity).', [
      { path: ['toleranceInSeconds'], code: 'invalid_value', message: 'must be ≥ 0' },
    ]);
  }
  return value;
}

/** The instant to check against, in milliseconds: `receivedAt` when given, else the clock. */
export function referenceTimeMs(
  receivedAt: Date | number | undefined,
  clock: WebhookClock,
): number {
  if (receivedAt === undefined) return clock();
  const ms = receivedAt instanceof Date ? receivedAt.getTime() : receivedAt;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new ValidationError('receivedAt must be a valid Date or a number of milliseconds.', [
      { path: ['receivedAt'], code: 'invalid_value', message: 'must be a valid instant' },
    ]);
  }
  return ms;
}

/**
 * Throw `timestamp_too_old` / `timestamp_too_new` when `seconds` lies more
 * than `toleranceInSeconds` from `nowMs`.
 */
export function assertTimestampWithinTolerance(
  seconds: number,
  nowMs: number,
  toleranceInSeconds: number,
): void {
  if (toleranceInSeconds === Number.POSITIVE_INFINITY) return;
  const now = Math.floor(nowMs / 1000);
  if (now - seconds > toleranceInSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `The webhook timestamp is ${now - seconds} s old, more than the ${toleranceInSeconds} s tolerance (a replay, or a queue that verified it late: pass receivedAt).`,
    );
  }
  if (seconds - now > toleranceInSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `The webhook timestamp is ${seconds - now} s in the future, more than the ${toleranceInSeconds} s tolerance (check the clocks).`,
    );
  }
}
