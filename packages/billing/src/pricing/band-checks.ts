import type { z } from 'zod';
import { addCodedIssue } from './config-values.js';

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

function bandEnd(band: Record<string, unknown>): number | null | undefined {
  if (band.to === undefined || band.to === null) return null;
  return wholeNumber(band.to);
}

/**
 * Check that graduated or volume bands cover every quantity once: the first
 * starts at unit 1, each next one starts right after the previous one ends (no
 * overlap, no gap), each ends at or after its start, and only the last is open.
 * Runs even when some bands have other problems, so every issue is reported;
 * a band whose bounds are themselves invalid is skipped.
 */
export function checkBands(bands: unknown, ctx: z.RefinementCtx): void {
  if (!Array.isArray(bands)) return;
  let previousEnd: number | null | undefined;
  bands.forEach((band: unknown, index) => {
    if (typeof band !== 'object' || band === null) {
      previousEnd = undefined;
      return;
    }
    const fields = band as Record<string, unknown>;
    const from = wholeNumber(fields.from);
    const to = bandEnd(fields);
    const last = index === bands.length - 1;
    if (from !== undefined) {
      if (index === 0 && from !== 1) {
        addCodedIssue(ctx, 'bands_not_from_one', 'The first band must start at unit 1', [
          0,
          'from',
        ]);
      }
      if (index > 0 && typeof previousEnd === 'number') {
        if (from <= previousEnd) {
          addCodedIssue(
            ctx,
            'overlapping_bands',
            `Band ${index} starts at unit ${from}, inside band ${index - 1} (which ends at unit ${previousEnd})`,
            [index, 'from'],
          );
        } else if (from > previousEnd + 1) {
          addCodedIssue(
            ctx,
            'band_gap',
            `Units ${previousEnd + 1} to ${from - 1} are in no band; band ${index} must start at unit ${previousEnd + 1}`,
            [index, 'from'],
          );
        }
      }
      if (typeof to === 'number' && to < from) {
        addCodedIssue(
          ctx,
          'band_ends_before_start',
          `Band ${index} ends (unit ${to}) before it starts (unit ${from})`,
          [index, 'to'],
        );
      }
    }
    if (to === null && !last) {
      addCodedIssue(
        ctx,
        'open_band_not_last',
        `Band ${index} has no end but is not the last band`,
        [index, 'to'],
      );
    }
    if (typeof to === 'number' && last) {
      addCodedIssue(
        ctx,
        'last_band_closed',
        'The last band must be open (omit `to`) so that every quantity has a price',
        [index, 'to'],
      );
    }
    previousEnd = from === undefined ? undefined : to;
  });
}
