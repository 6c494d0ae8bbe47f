/** One minute in ms: the granularity of the call window. */
export const MINUTE_MS = 60_000;

/** Minutes in the call window: one hour, one bucket per minute. */
export const WINDOW_MINUTES = 60;

/** Ratio between consecutive latency-histogram edges: a reported p95 is at most 10% high. */
export const LATENCY_BUCKET_RATIO = 1.1;

/** Durations the histogram resolves: from 1 ms up to 10 minutes (beyond: one overflow bucket). */
export const LATENCY_RANGE_MS = { min: 1, max: 600_000 } as const;

/**
 * The upper edges of the latency histogram's buckets, ascending:
 * `thresholdMs × 1.1^k` for every integer `k` that covers
 * {@link LATENCY_RANGE_MS}. `thresholdMs` itself is an edge (`k = 0`), so
 * "is the p95 above the threshold?" is answered exactly, whatever the
 * bucket width. Bucket `i` holds durations in `(edges[i-1], edges[i]]`
 * (bucket 0 everything up to `edges[0]`, bucket `edges.length` the overflow).
 */
export function latencyEdges(thresholdMs: number): number[] {
  const log = Math.log(LATENCY_BUCKET_RATIO);
  const below =
    thresholdMs > LATENCY_RANGE_MS.min
      ? Math.ceil(Math.log(thresholdMs / LATENCY_RANGE_MS.min) / log)
      : 0;
  const above =
    thresholdMs < LATENCY_RANGE_MS.max
      ? Math.ceil(Math.log(LATENCY_RANGE_MS.max / thresholdMs) / log)
      : 0;
  const edges: number[] = [];
  for (let k = -below; k <= above; k += 1) {
    edges.push(k === 0 ? thresholdMs : thresholdMs * LATENCY_BUCKET_RATIO ** k);
  }
  return edges;
}

/** What {@link CallWindow.snapshot} reports of the last hour. */
export interface CallWindowSnapshot {
  /** Calls in the window. */
  calls: number;
  /** Failed calls in the window. */
  failures: number;
  /** Histogram bucket of the p95 (nearest rank: the ⌈0.95·n⌉-th smallest duration); -1 without calls. */
  p95Bucket: number;
  /**
   * An upper bound of the p95 in ms: its bucket's upper edge, or the window's
   * longest call when that is smaller; `null` without calls.
   */
  p95Ms: number | null;
}

interface Slot {
  /** Minutes since the epoch this slot counts; -Infinity when empty. */
  minute: number;
  calls: number;
  failures: number;
  maxMs: number;
  counts: Uint32Array;
}

/**
 * A sliding one-hour window of one integration's calls in bounded memory: 60
 * per-minute slots, each with its call and failure counts and a latency
 * histogram of fixed buckets ({@link latencyEdges}), plus running totals so
 * a snapshot costs one pass over the buckets, not over the calls.
 *
 * The window at time `t` is the minute of `t` and the 59 before it: a call
 * drops out between 59 and 60 minutes after it was recorded, never later.
 * The clock may stand still; when it steps back, calls count in the latest
 * minute seen.
 */
export class CallWindow {
  readonly #edges: readonly number[];
  readonly #slots: Slot[] = [];
  readonly #totals: Uint32Array;
  #calls = 0;
  #failures = 0;
  #latestMinute = Number.NEGATIVE_INFINITY;

  /** A window whose latency buckets have `edges` as upper edges (ascending). */
  constructor(edges: readonly number[]) {
    this.#edges = edges;
    this.#totals = new Uint32Array(edges.length + 1);
  }

  /** The histogram bucket of a duration in ms (NaN and negatives count as 0). */
  bucketOf(durationMs: number): number {
    const value = Number.isNaN(durationMs) || durationMs < 0 ? 0 : durationMs;
    let low = 0;
    let high = this.#edges.length; // the overflow bucket
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (value <= (this.#edges[middle] as number)) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Record one call at `nowMs`. */
  record(nowMs: number, ok: boolean, durationMs: number): void {
    const minute = this.#advance(nowMs);
    const index = ((minute % WINDOW_MINUTES) + WINDOW_MINUTES) % WINDOW_MINUTES;
    let slot = this.#slots[index];
    if (slot === undefined) {
      slot = {
        minute,
        calls: 0,
        failures: 0,
        maxMs: 0,
        counts: new Uint32Array(this.#edges.length + 1),
      };
      this.#slots[index] = slot;
    }
    slot.minute = minute;
    const bucket = this.bucketOf(durationMs);
    const duration = Number.isNaN(durationMs) || durationMs < 0 ? 0 : durationMs;
    slot.calls += 1;
    slot.counts[bucket] = (slot.counts[bucket] as number) + 1;
    slot.maxMs = Math.max(slot.maxMs, duration);
    this.#calls += 1;
    this.#totals[bucket] = (this.#totals[bucket] as number) + 1;
    if (!ok) {
      slot.failures += 1;
      this.#failures += 1;
    }
  }

  /** The window's counts and p95 at `nowMs` (older minutes are dropped first). */
  snapshot(nowMs: number): CallWindowSnapshot {
    this.#advance(nowMs);
    if (this.#calls === 0) return { calls: 0, failures: 0, p95Bucket: -1, p95Ms: null };
    const rank = Math.ceil(0.95 * this.#calls);
    let seen = 0;
    let bucket = 0;
    for (; bucket < this.#totals.length; bucket += 1) {
      seen += this.#totals[bucket] as number;
      if (seen >= rank) break;
    }
    let maxMs = 0;
    for (const slot of this.#slots) {
      if (slot !== undefined && slot.calls > 0) maxMs = Math.max(maxMs, slot.maxMs);
    }
    const edge = this.#edges[bucket] ?? Number.POSITIVE_INFINITY;
    return {
      calls: this.#calls,
      failures: this.#failures,
      p95Bucket: bucket,
      p95Ms: Math.min(edge, maxMs),
    };
  }

  /** Move the window to the minute of `nowMs` (never backwards); returns that minute. */
  #advance(nowMs: number): number {
    const minute = Math.max(Math.floor(nowMs / MINUTE_MS), this.#latestMinute);
    this.#latestMinute = minute;
    for (const slot of this.#slots) {
      if (slot === undefined || slot.calls === 0 || slot.minute > minute - WINDOW_MINUTES) continue;
      this.#calls -= slot.calls;
      this.#failures -= slot.failures;
      for (let bucket = 0; bucket < slot.counts.length; bucket += 1) {
        const count = slot.counts[bucket] as number;
        if (count > 0) this.#totals[bucket] = (this.#totals[bucket] as number) - count;
      }
      slot.counts.fill(0);
      slot.calls = 0;
      slot.failures = 0;
      slot.maxMs = 0;
      slot.minute = Number.NEGATIVE_INFINITY;
    }
    return minute;
  }
}
