import { isDigitCode, isUpperCode } from './char-classes.js';
import type { IssueCollector } from './issues.js';
import type { SwiftField } from './types.js';

/**
 * Block 4: splitting the text into fields in one pass with `indexOf` and
 * `charCodeAt`. A field starts at a line that begins with `:` + 2 digits +
 * an optional upper-case option letter + `:`, exactly as FIN does; any other
 * line (a `:` inside 45A narrative, a blank line) continues the field before.
 * Internal.
 */

const COLON = 58;
const CR = 13;
const DASH = 45;
const CLOSE_BRACE = 125;

/**
 * When a field tag (`:20:`, `:32B:`) starts at `position` and ends before
 * `lineEnd`, the offset of its closing `:`; otherwise -1.
 */
export function fieldTagEnd(text: string, position: number, lineEnd: number): number {
  if (
    position + 3 >= lineEnd ||
    text.charCodeAt(position) !== COLON ||
    !isDigitCode(text.charCodeAt(position + 1)) ||
    !isDigitCode(text.charCodeAt(position + 2))
  ) {
    return -1;
  }
  const next = text.charCodeAt(position + 3);
  if (next === COLON) return position + 3;
  if (isUpperCode(next) && position + 4 < lineEnd && text.charCodeAt(position + 4) === COLON) {
    return position + 4;
  }
  return -1;
}

/** What {@link splitFields} found. */
export interface SplitFields {
  fields: SwiftField[];
  /**
   * With `findTerminator`: the offset where the text block's content ends
   * (before the line break that precedes `-}`), or -1 when no line starts
   * with `-}`. Otherwise `end`.
   */
  contentEnd: number;
}

/**
 * Split `text[start, end)` into fields. `firstLine` is the 1-based line of
 * `start`. With `leadingBreak` (a `{4:` block) the first line is expected to
 * be empty (the line break after `{4:`); without it (a bare text block) the
 * first line is the first field. With `findTerminator` the split stops at
 * the first later line that starts with `-}` (FIN's end of text block), so
 * the block is read in one pass. Values keep inner line breaks as `\n`.
 */
export function splitFields(
  text: string,
  start: number,
  end: number,
  firstLine: number,
  leadingBreak: boolean,
  findTerminator: boolean,
  issues: IssueCollector,
): SplitFields {
  const fields: SwiftField[] = [];
  let tag = '';
  let valueStart = 0;
  let valueEnd = 0;
  let fieldLine = 0;
  let crlfInside = false;
  let previousCr = false;
  let strayReported = false;
  let contentEnd = findTerminator ? -1 : end;

  let position = start;
  let line = firstLine;
  for (;;) {
    let newline = text.indexOf('\n', position);
    const last = newline === -1 || newline >= end;
    if (last) newline = end;
    const lineEnd =
      !last && newline > position && text.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
    const endsWithCr = lineEnd !== newline;

    if (line === firstLine) {
      if (leadingBreak && lineEnd > position) {
        issues.violation(
          'block4.start',
          'the text block must start with a line break after {4:',
          line,
        );
      }
    } else if (
      findTerminator &&
      text.charCodeAt(position) === DASH &&
      text.charCodeAt(position + 1) === CLOSE_BRACE
    ) {
      contentEnd =
        position > start + 1 && text.charCodeAt(position - 2) === CR ? position - 2 : position - 1;
      break;
    }

    if (line !== firstLine || !leadingBreak || lineEnd > position) {
      const tagEnd = fieldTagEnd(text, position, lineEnd);
      if (tagEnd !== -1) {
        if (tag !== '') {
          pushField(fields, text, tag, valueStart, valueEnd, crlfInside, fieldLine, issues);
        }
        tag = text.slice(position + 1, tagEnd);
        valueStart = tagEnd + 1;
        valueEnd = lineEnd;
        fieldLine = line;
        crlfInside = false;
      } else if (tag !== '') {
        valueEnd = lineEnd;
        if (previousCr) crlfInside = true;
      } else if (!strayReported) {
        strayReported = true;
        issues.violation(
          'block4.stray-text',
          'text before the first field of the text block',
          line,
        );
      }
    }

    if (last) break;
    previousCr = endsWithCr;
    position = newline + 1;
    line++;
  }
  if (tag !== '') pushField(fields, text, tag, valueStart, valueEnd, crlfInside, fieldLine, issues);
  return { fields, contentEnd };
}

/** Close a field: its value with CRLF inside turned into `\n`. */
function pushField(
  fields: SwiftField[],
  text: string,
  tag: string,
  valueStart: number,
  valueEnd: number,
  crlfInside: boolean,
  line: number,
  issues: IssueCollector,
): void {
  const value = crlfInside
    ? joinLines(text, valueStart, valueEnd)
    : text.slice(valueStart, valueEnd);
  if (value === '') issues.violation('field.empty', `field ${tag} is empty`, line, tag);
  fields.push({ tag, value, line });
}

/**
 * `text[start, end)` with every CRLF as `\n` (a lone CR stays): the pieces
 * between the CRs that end lines, each a slice that starts with the LF
 * after its CR. One slice per line keeps the string cheap to build and to
 * flatten (the validator reads every value).
 */
function joinLines(text: string, start: number, end: number): string {
  let value = '';
  let from = start;
  let lineStart = start;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1 || newline >= end) return value + text.slice(from, end);
    if (newline > lineStart && text.charCodeAt(newline - 1) === CR) {
      value += text.slice(from, newline - 1);
      from = newline;
    }
    lineStart = newline + 1;
  }
}
