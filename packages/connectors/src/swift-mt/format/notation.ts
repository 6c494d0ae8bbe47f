/**
 * The parsed form of SWIFT's format notation (`3!a15d`, `[/34x]\n4*35x`,
 * `4!a2!a2!c[3!c]\n14x`): lines of components, literals and optional groups,
 * or multi-line blocks (`100*65z`). See `spec-types.ts` for the notation.
 */
import type { FormatClass } from './charsets.js';

/** A run of characters of one class: `3!a` (exactly 3), `15d` (1 to 15), `1-3n`. */
export interface FormatComponent {
  kind: 'component';
  cls: FormatClass;
  min: number;
  max: number;
  /** As written in the format (`3!a`), for messages. */
  source: string;
}

/** Characters that must appear as written (`/`, `//`, `:`). */
export interface FormatLiteral {
  kind: 'literal';
  text: string;
}

/** `[...]`: elements that may be absent together. */
export interface FormatOptional {
  kind: 'optional';
  elements: FormatElement[];
  source: string;
}

/** One element of a format line. */
export type FormatElement = FormatComponent | FormatLiteral | FormatOptional;

/** A single value line described by elements (`6!n29x`). */
export interface FormatLine {
  kind: 'line';
  elements: FormatElement[];
  /** The whole line is made of optional groups (`[/34x]`): it may be absent. */
  optional: boolean;
  source: string;
}

/** `4*35x`: up to `maxLines` lines of up to `width` characters of `cls`. */
export interface FormatBlock {
  kind: 'block';
  cls: FormatClass;
  maxLines: number;
  width: number;
  /** Written in brackets (`[4*35x]`): may be absent. */
  optional: boolean;
  source: string;
}

/** One line (or block of lines) of a format. */
export type FormatPart = FormatLine | FormatBlock;

const CLASSES = new Set<string>(['n', 'a', 'c', 'd', 'x', 'z', 'h', 'e', 'y']);

/** Thrown for a format string that is not SWIFT notation: a programming error in a table. */
export class FormatNotationError extends Error {
  constructor(format: string, reason: string) {
    super(`Invalid SWIFT format ${JSON.stringify(format)}: ${reason}`);
    this.name = 'FormatNotationError';
  }
}

/** Parse a SWIFT format string into its lines. Throws {@link FormatNotationError} for bad notation. */
export function parseFormatNotation(format: string): FormatPart[] {
  if (format === '') throw new FormatNotationError(format, 'empty');
  return format.split('\n').map((line) => parseLine(format, line));
}

const BLOCK = /^(\[)?(\d+)\*(\d+)([nacdxzhey])(\])?$/;

function parseLine(format: string, line: string): FormatPart {
  const block = BLOCK.exec(line);
  if (block) {
    if ((block[1] === undefined) !== (block[5] === undefined)) {
      throw new FormatNotationError(format, `unbalanced brackets in ${line}`);
    }
    return {
      kind: 'block',
      cls: block[4] as FormatClass,
      maxLines: Number(block[2]),
      width: Number(block[3]),
      optional: block[1] !== undefined,
      source: line,
    };
  }
  const reader = { text: line, pos: 0 };
  const elements = parseElements(format, reader, false);
  if (elements.length === 0) throw new FormatNotationError(format, 'empty line');
  return {
    kind: 'line',
    elements,
    optional: elements.every((element) => element.kind === 'optional'),
    source: line,
  };
}

interface Reader {
  text: string;
  pos: number;
}

const COMPONENT = /(\d+)(?:(!)|-(\d+))?([nacdxzhey])/y;

function parseElements(format: string, reader: Reader, inGroup: boolean): FormatElement[] {
  const elements: FormatElement[] = [];
  while (reader.pos < reader.text.length) {
    const char = reader.text[reader.pos] ?? '';
    if (char === ']') {
      if (!inGroup) throw new FormatNotationError(format, `unexpected ']' in ${reader.text}`);
      return elements;
    }
    if (char === '[') {
      const start = reader.pos;
      reader.pos++;
      const inner = parseElements(format, reader, true);
      if (reader.text[reader.pos] !== ']') {
        throw new FormatNotationError(format, `unclosed '[' in ${reader.text}`);
      }
      reader.pos++;
      if (inner.length === 0) throw new FormatNotationError(format, 'empty []');
      elements.push({
        kind: 'optional',
        elements: inner,
        source: reader.text.slice(start, reader.pos),
      });
      continue;
    }
    if (char >= '0' && char <= '9') {
      COMPONENT.lastIndex = reader.pos;
      const match = COMPONENT.exec(reader.text);
      if (match === null) {
        throw new FormatNotationError(format, `bad length at ${reader.text.slice(reader.pos)}`);
      }
      const [source, first = '0', exact, upper, cls = 'x'] = match;
      const count = Number(first);
      const min = exact ? count : upper !== undefined ? count : cls === 'd' ? 2 : 1;
      const max = upper !== undefined ? Number(upper) : count;
      if (max < 1 || min > max) throw new FormatNotationError(format, `bad length in ${source}`);
      elements.push({ kind: 'component', cls: cls as FormatClass, min, max, source });
      reader.pos += source.length;
      continue;
    }
    if (CLASSES.has(char)) {
      throw new FormatNotationError(format, `class '${char}' without a length in ${reader.text}`);
    }
    const last = elements[elements.length - 1];
    if (last?.kind === 'literal') last.text += char;
    else elements.push({ kind: 'literal', text: char });
    reader.pos++;
  }
  if (inGroup) throw new FormatNotationError(format, `unclosed '[' in ${reader.text}`);
  return elements;
}

/** The longest a line described by `elements` can be. */
export function maxLengthOf(elements: readonly FormatElement[]): number {
  let total = 0;
  for (const element of elements) {
    if (element.kind === 'literal') total += element.text.length;
    else if (element.kind === 'component') total += element.max;
    else total += maxLengthOf(element.elements);
  }
  return total;
}

/** Every character class used by `parts`. */
export function classesOf(parts: readonly FormatPart[]): FormatClass[] {
  const result = new Set<FormatClass>();
  const visit = (elements: readonly FormatElement[]): void => {
    for (const element of elements) {
      if (element.kind === 'component') result.add(element.cls);
      else if (element.kind === 'optional') visit(element.elements);
    }
  };
  for (const part of parts) {
    if (part.kind === 'block') result.add(part.cls);
    else visit(part.elements);
  }
  return [...result];
}
