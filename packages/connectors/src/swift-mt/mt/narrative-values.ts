/**
 * The narratives of the documentary-credit messages: the `+`-item lists of
 * 45A/46A/47A and the ADD/DELETE/REPALL changes of the MT707 amendment
 * narratives (45B, 46B, 47B, 49M, 49N).
 */
import { fieldLines } from './field-values.js';

/**
 * The items of a `+`-list narrative (46A documents required, 47A additional
 * conditions, 45A goods): each line that starts with `+` opens an item and
 * the lines after it continue it (joined with a space, or directly after a
 * line that ends in a hyphen). Text before the
 * first `+` is an item of its own. Empty items are dropped.
 */
export function splitNarrativeItems(value: string): string[] {
  const items: string[] = [];
  let current: string[] | undefined;
  for (const raw of fieldLines(value)) {
    const line = raw.trim();
    if (raw.startsWith('+')) {
      if (current) items.push(current.join(' '));
      current = [line.slice(1).trim()];
    } else if (current) {
      // A line ending in a hyphen continues the word on the next line (NON-\nNEGOTIABLE).
      const last = current.length - 1;
      if ((current[last] ?? '').endsWith('-')) current[last] += line;
      else current.push(line);
    } else {
      current = [line];
    }
  }
  if (current) items.push(current.join(' '));
  return items.map((item) => item.replace(/\s+/g, ' ').trim()).filter((item) => item !== '');
}

/** The change one line code of 45B/46B/47B/49M/49N introduces. */
export type AmendmentCode = 'ADD' | 'DELETE' | 'REPALL';

/** One change of an amendment narrative: `/ADD/text`, `/DELETE/text` or `/REPALL/text`. */
export interface NarrativeChange {
  /** The code as sent (`ADD`, `DELETE`, `REPALL`); `''` for text before any code (malformed). */
  code: string;
  /** The text after the code, its continuation lines joined with `\n`. */
  text: string;
}

/** A change to write. */
export interface NarrativeChangeInput {
  code: AmendmentCode;
  text: string;
}

const LINE_CODE = /^\/([A-Z0-9]{1,6})\/(.*)$/;

/** Split an amendment narrative into its changes: each line starting with `/CODE/` opens one. */
export function parseNarrativeChanges(value: string): NarrativeChange[] {
  const changes: NarrativeChange[] = [];
  for (const line of fieldLines(value)) {
    const match = LINE_CODE.exec(line);
    const current = changes[changes.length - 1];
    if (match !== null) changes.push({ code: match[1] ?? '', text: match[2] ?? '' });
    else if (current !== undefined) current.text += `\n${line}`;
    else changes.push({ code: '', text: line });
  }
  return changes;
}

/** The line-code form of `changes` (before wrapping): `/ADD/…`. */
export function formatNarrativeChanges(changes: readonly NarrativeChangeInput[]): string {
  return changes.map((change) => `/${change.code}/${change.text}`).join('\n');
}
