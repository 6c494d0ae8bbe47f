import { ValidationError } from '@tollgate/core';
import { SwiftParseError } from './errors.js';
import {
  applicationHeaderProblem,
  basicHeaderProblem,
  readApplicationHeader,
  readBasicHeader,
} from './headers.js';
import { IssueCollector, LineIndex } from './issues.js';
import { textBlockValidator } from './mt/index.js';
import { readTagList } from './tag-list.js';
import { splitFields } from './text-block.js';
import type { SwiftBlocks, SwiftField, SwiftMessage, SwiftParseOptions } from './types.js';

const OPEN = 123; // {
const CLOSE = 125; // }
const COLON = 58;

/**
 * Parse a FIN message: blocks 1–5 (`{1:…}{2:…}{3:{108:…}}{4:\r\n:20:…\r\n-}{5:{CHK:…}}`)
 * with CRLF or LF line breaks, or a bare text block (`:20:…` lines, or
 * `{4:…-}` alone; its type then comes from `options.type`).
 *
 * Structural problems (a missing `-}`, an unknown or duplicate block, a
 * malformed block 1/2/3/5, text outside the blocks, an empty field, …; see
 * `SWIFT_PARSE_RULES`) are issues with rule and 1-based line: `errors` in
 * strict mode (the default), `warnings` in lenient mode. When `validate` is
 * not `false` and the type has a field table (700, 707, 720, 750), the text
 * block is validated too and its findings are merged.
 *
 * @throws SwiftParseError only when nothing sensible can be read: not a
 *   string, empty, no text block at all, or a header block that never closes.
 * @throws ValidationError when `options.mode` is neither `strict` nor `lenient`.
 */
export function parseSwiftMessage(text: string, options: SwiftParseOptions = {}): SwiftMessage {
  if (typeof text !== 'string') {
    throw new SwiftParseError('a SWIFT message must be a string', [
      { rule: 'input.type', message: `expected a string, got ${describeType(text)}` },
    ]);
  }
  const mode = options.mode ?? 'strict';
  if (mode !== 'strict' && mode !== 'lenient') {
    throw new ValidationError('the parse mode must be strict or lenient', [
      { path: ['mode'], code: 'invalid_value', message: 'expected strict or lenient' },
    ]);
  }
  const issues = new IssueCollector(mode);
  const start = skipWhitespace(text, 0);
  if (start === text.length) {
    throw new SwiftParseError('the SWIFT message is empty', [
      { rule: 'input.empty', message: 'the input is empty or only whitespace', line: 1 },
    ]);
  }

  const blocks: SwiftBlocks = {};
  const lines = new LineIndex(text);
  const fields =
    text.charCodeAt(start) === COLON
      ? readBareTextBlock(text, lines, start, issues)
      : readBlocks(text, lines, start, blocks, issues);

  const type = blocks.applicationHeader?.messageType ?? options.type ?? '';
  const message: SwiftMessage = {
    type,
    blocks,
    fields,
    errors: issues.errors,
    warnings: issues.warnings,
  };
  if (options.validate !== false && type !== '') {
    const validate = textBlockValidator(type);
    if (validate !== undefined) {
      const found = validate(fields, mode);
      for (const issue of found.errors) message.errors.push(issue);
      for (const issue of found.warnings) message.warnings.push(issue);
    }
  }
  return message;
}

/** `:20:…` lines without any block; a last line `-` or `-}` is taken as the terminator. */
function readBareTextBlock(
  text: string,
  lines: LineIndex,
  start: number,
  issues: IssueCollector,
): SwiftField[] {
  let end = text.length;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  // Trailing spaces belong to the last line's value; only trailing line breaks and blank lines go.
  while (end < text.length && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
  const lastBreak = text.lastIndexOf('\n', end - 1);
  if (lastBreak >= start) {
    const lastLine = text.slice(lastBreak + 1, end);
    if (lastLine === '-' || lastLine === '-}') {
      end = lastBreak > start && text.charCodeAt(lastBreak - 1) === 13 ? lastBreak - 1 : lastBreak;
    }
  }
  const { fields } = splitFields(text, start, end, lines.at(start), false, false, issues);
  if (fields.length === 0) throw noTextBlock();
  return fields;
}

/** The block sequence; fills `blocks` and returns block 4's fields. */
function readBlocks(
  text: string,
  lines: LineIndex,
  start: number,
  blocks: SwiftBlocks,
  issues: IssueCollector,
): SwiftField[] {
  let fields: SwiftField[] | undefined;
  let seen = 0; // bit n set: block n was read
  let lastNumber = 0;
  let position = start;
  const length = text.length;

  while (position < length) {
    const code = text.charCodeAt(position);
    if (isWhitespace(code)) {
      position++;
      continue;
    }
    if (code !== OPEN) {
      const next = text.indexOf('{', position);
      issues.violation('text.outside-blocks', 'text outside the blocks', lines.at(position));
      position = next === -1 ? length : next;
      continue;
    }

    const blockStart = position;
    const id = blockId(text, blockStart);
    if (id === '4') {
      const duplicate = (seen & 16) !== 0;
      const block = readTextBlock(text, lines, blockStart + 3, duplicate ? undefined : issues);
      if (duplicate) {
        issues.violation('block.duplicate', 'block 4 appears more than once', lines.at(blockStart));
      } else {
        if (lastNumber > 4) {
          issues.violation('block.order', 'block 4 comes after block 5', lines.at(blockStart));
        }
        fields = block.fields;
      }
      seen |= 16;
      lastNumber = Math.max(lastNumber, 4);
      position = block.next;
      continue;
    }

    let close: number;
    if (id === '1' || id === '2') {
      // Blocks 1 and 2 hold no braces: a `{` before the `}` starts the next block.
      close = flatBlockEnd(text, blockStart);
      if (close === -1 || text.charCodeAt(close) !== CLOSE) {
        issues.violation('block.unbalanced', `block ${id} does not close`, lines.at(blockStart));
        if (close === -1) close = length;
        position = close;
      } else {
        position = close + 1;
      }
    } else {
      close = matchingBrace(text, blockStart);
      if (close === -1) {
        if (fields === undefined) throw unbalanced(lines.at(blockStart), id);
        issues.violation(
          'block.unbalanced',
          `block ${id ?? '?'} does not close`,
          lines.at(blockStart),
        );
        break;
      }
      position = close + 1;
    }

    if (id === undefined) {
      issues.violation('block.malformed', 'a { that does not open a block', lines.at(blockStart));
      continue;
    }
    const number = id === '1' || id === '2' || id === '3' || id === '5' ? Number(id) : 0;
    if (number === 0) {
      issues.violation('block.unknown', `unknown block ${id}`, lines.at(blockStart));
      continue;
    }
    if (seen & (1 << number)) {
      issues.violation(
        'block.duplicate',
        `block ${id} appears more than once`,
        lines.at(blockStart),
      );
      continue;
    }
    if (number < lastNumber) {
      issues.violation(
        'block.order',
        `block ${id} comes after a later block`,
        lines.at(blockStart),
      );
    }
    seen |= 1 << number;
    lastNumber = Math.max(lastNumber, number);
    const content = text.slice(blockStart + id.length + 2, close);
    readHeaderBlock(number, content, lines, blockStart, blocks, issues);
  }

  if (fields === undefined) throw noTextBlock();
  return fields;
}

/** Decode block 1, 2, 3 or 5 (found at `blockStart`) into `blocks`. */
function readHeaderBlock(
  number: number,
  content: string,
  lines: LineIndex,
  blockStart: number,
  blocks: SwiftBlocks,
  issues: IssueCollector,
): void {
  let rule: 'block1.format' | 'block2.format' | 'block3.format' | 'block5.format';
  let problem: string | undefined;
  if (number === 1) {
    rule = 'block1.format';
    if (content === '') {
      problem = 'block 1 is empty';
    } else {
      blocks.basicHeader = readBasicHeader(content);
      problem = basicHeaderProblem(blocks.basicHeader);
    }
  } else if (number === 2) {
    rule = 'block2.format';
    const header = readApplicationHeader(content);
    if (header === undefined) {
      problem = 'it must start with I (input) or O (output)';
    } else {
      blocks.applicationHeader = header;
      problem = applicationHeaderProblem(header);
    }
  } else {
    rule = number === 3 ? 'block3.format' : 'block5.format';
    const list = readTagList(content);
    if (number === 3) blocks.userHeader = list.tags;
    else blocks.trailer = list.tags;
    problem = list.problem;
  }
  if (problem !== undefined) {
    issues.violation(rule, `block ${number}: ${problem}`, lines.at(blockStart));
  }
}

/**
 * Block 4 from `contentStart` (just after `{4:`): its fields and where the
 * text after it starts. Without `issues` (a duplicate block 4) it is only
 * skipped.
 */
function readTextBlock(
  text: string,
  lines: LineIndex,
  contentStart: number,
  issues: IssueCollector | undefined,
): { fields: SwiftField[]; next: number } {
  if (text.charCodeAt(contentStart) === OPEN) {
    // A `{177:…}{451:0}` block (system and service messages), not a text block.
    const close = matchingBrace(text, contentStart - 3);
    if (close === -1) {
      if (issues === undefined) return { fields: [], next: text.length };
      throw unbalanced(lines.at(contentStart), '4');
    }
    issues?.violation(
      'block4.format',
      'block 4 is not a text block of fields',
      lines.at(contentStart),
    );
    return { fields: [], next: close + 1 };
  }

  if (issues === undefined) {
    const terminator = text.indexOf('\n-}', contentStart);
    return {
      fields: [],
      next: terminator === -1 ? recoverTextBlockEnd(text, contentStart).next : terminator + 3,
    };
  }
  const firstLine = lines.at(contentStart);
  const mark = issues.mark();
  let { fields, contentEnd } = splitFields(
    text,
    contentStart,
    text.length,
    firstLine,
    true,
    true,
    issues,
  );
  let next: number;
  if (contentEnd !== -1) {
    next = text.indexOf('}', contentEnd) + 1;
  } else {
    // No line starts with `-}`: find the end another way and split again.
    issues.rollback(mark);
    const recovered = recoverTextBlockEnd(text, contentStart);
    next = recovered.next;
    contentEnd = recovered.contentEnd;
    fields = splitFields(text, contentStart, contentEnd, firstLine, true, false, issues).fields;
    issues.violation(
      'block4.terminator',
      'the text block does not end with a line break and -}',
      lines.at(contentEnd),
    );
  }
  if (fields.length === 0)
    issues.violation('block4.empty', 'the text block has no field', firstLine);
  return { fields, next };
}

/**
 * Where a text block without its `CRLF-}` ends: before the `{5:` (or `{S:`)
 * that follows it, else at the end of the input; a `}` and a `-` left before
 * that end and one trailing line break are dropped.
 */
function recoverTextBlockEnd(
  text: string,
  contentStart: number,
): { contentEnd: number; next: number } {
  let next = firstOf(text.indexOf('{5:', contentStart), text.indexOf('{S:', contentStart));
  let end = next;
  if (next === -1) {
    end = text.length;
    while (end > contentStart && isWhitespace(text.charCodeAt(end - 1))) end--;
    next = end;
  }
  if (end > contentStart && text.charCodeAt(end - 1) === CLOSE) end--;
  if (end > contentStart && text.charCodeAt(end - 1) === 45 /* - */) end--;
  if (end > contentStart && text.charCodeAt(end - 1) === 10) {
    end--;
    if (end > contentStart && text.charCodeAt(end - 1) === 13) end--;
  }
  return { contentEnd: end, next };
}

/** The block id of the `{` at `position` (`1`, `4`, `S`, …), or `undefined` when `{` is not followed by an id and `:`. */
function blockId(text: string, position: number): string | undefined {
  for (let i = position + 1; i < position + 5 && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === COLON) return i > position + 1 ? text.slice(position + 1, i) : undefined;
    if (
      !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))
    ) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The `}` closing the block at `position`, or -1. Braces nest (block 3's
 * `{108:…}` pairs).
 */
function matchingBrace(text: string, position: number): number {
  let depth = 0;
  for (let i = position; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === OPEN) depth++;
    else if (code === CLOSE && --depth === 0) return i;
  }
  return -1;
}

/**
 * The end of a block that cannot contain braces (1, 2): its `}`, or the next
 * `{` when the `}` is missing, or -1 at the end of the input.
 */
function flatBlockEnd(text: string, position: number): number {
  for (let i = position + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === CLOSE || code === OPEN) return i;
  }
  return -1;
}

function firstOf(a: number, b: number): number {
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}

function skipWhitespace(text: string, position: number): number {
  while (position < text.length && isWhitespace(text.charCodeAt(position))) position++;
  return position;
}

/** Space, tab, CR, LF (and a byte order mark, which editors leave at the start of uploads). */
function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 0xfeff;
}

function noTextBlock(): SwiftParseError {
  return new SwiftParseError('the SWIFT message has no text block', [
    { rule: 'block.missing', message: 'no text block (block 4) and no :tag: lines' },
  ]);
}

function unbalanced(line: number, id: string | undefined): SwiftParseError {
  return new SwiftParseError(`block ${id ?? '?'} does not close before the end of the input`, [
    { rule: 'block.unbalanced', message: `block ${id ?? '?'} does not close`, line },
  ]);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
