/**
 * Check a field value against its SWIFT format and explain every violation
 * precisely: which line, which part, which character. Valid values cost one
 * regular-expression test; the explanation runs only on failure.
 */
import type { SwiftIssue } from '../types.js';
import {
  CLASS_DESCRIPTION,
  CLASS_PATTERN,
  describeCharacter,
  type FormatClass,
  inCharset,
} from './charsets.js';
import { type CompiledFormat, type CompiledPart, compileFormat } from './compile.js';
import { valueMatcher } from './fast-match.js';
import type { FormatElement } from './notation.js';

/** Where a value comes from, for the issues: its tag and the input line of `:tag:`. */
export interface FieldLocation {
  tag: string;
  /** 1-based line of the field's first line in the parsed input; absent for fields built in code. */
  line?: number;
}

/** The rule ids of format issues. */
export type FormatRule = 'field.format' | 'field.charset' | 'field.lines' | 'field.width';

/**
 * The format violations of `value` (lines joined by `\n`) against `format`,
 * as issues with tag and line; empty when the value is valid. At most one
 * issue per value line, plus one for the line count.
 */
export function checkFormat(format: string, value: string, location: FieldLocation): SwiftIssue[] {
  const compiled = compileFormat(format);
  if (valueMatcher(compiled)(value)) return [];
  return explainFormat(compiled, value, location);
}

/** A format as it reads in a message: line breaks shown as `\n`. */
function shown(format: string): string {
  return format.replace(/\n/g, '\\n');
}

function makeIssue(
  rule: FormatRule,
  location: FieldLocation,
  offset: number,
  message: string,
): SwiftIssue {
  const issue: SwiftIssue = { rule, tag: location.tag, message };
  if (location.line !== undefined) issue.line = location.line + offset;
  return issue;
}

/**
 * The issues of a value that does not match `compiled` (the slow path of
 * {@link checkFormat}, for a value already known to fail). Internal.
 */
export function explainFormat(
  compiled: CompiledFormat,
  value: string,
  location: FieldLocation,
): SwiftIssue[] {
  const tag = location.tag;
  if (value === '') {
    return [
      makeIssue(
        'field.format',
        location,
        0,
        `Field ${tag} is empty (format ${shown(compiled.source)})`,
      ),
    ];
  }
  const lines = value.split('\n');
  const issues: SwiftIssue[] = [];
  const assigned = align(compiled.parts, lines.length, lines);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const where = `Field ${tag} line ${index + 1}`;
    const bad = firstOutsideCharset(compiled, line);
    if (bad !== undefined) {
      issues.push(
        makeIssue(
          'field.charset',
          location,
          index,
          `${where}: character ${describeCharacter(line.charAt(bad))} at column ${bad + 1} is not in the ${compiled.charset} character set`,
        ),
      );
      continue;
    }
    const target = assigned[index];
    if (target === undefined) continue;
    const { part, lineInPart } = target;
    if (lineInPart >= part.maxLines) {
      issues.push(
        makeIssue(
          'field.lines',
          location,
          index,
          `Field ${tag} has ${lines.length} lines; format ${shown(compiled.source)} allows at most ${compiled.maxLines}`,
        ),
      );
      break;
    }
    if (part.lineRegex.test(line)) continue;
    const mismatch = describeMismatch(part, line);
    if (mismatch === undefined) {
      issues.push(
        makeIssue(
          'field.width',
          location,
          index,
          `${where} is ${line.length} characters long; ${part.part.source} allows at most ${part.maxLength}`,
        ),
      );
    } else {
      issues.push(makeIssue('field.format', location, index, `${where}: ${mismatch}`));
    }
  }
  const extra = lines.length - assigned.filter((target) => target !== undefined).length;
  if (extra > 0 && !issues.some((issue) => issue.rule === 'field.lines')) {
    issues.push(
      makeIssue(
        'field.lines',
        location,
        lines.length - extra,
        `Field ${tag} has ${lines.length} lines; format ${shown(compiled.source)} allows at most ${compiled.maxLines}`,
      ),
    );
  }
  const missing = missingPart(compiled.parts, assigned);
  if (missing !== undefined) {
    issues.push(
      makeIssue(
        'field.format',
        location,
        lines.length - 1,
        `Field ${tag} ends too early: the line ${missing.part.source} of format ${shown(compiled.source)} is missing`,
      ),
    );
  }
  if (issues.length === 0) {
    issues.push(
      makeIssue(
        'field.format',
        location,
        0,
        `Field ${tag} does not match format ${shown(compiled.source)}`,
      ),
    );
  }
  return issues;
}

function firstOutsideCharset(compiled: CompiledFormat, line: string): number | undefined {
  for (let i = 0; i < line.length; i++) {
    if (!inCharset(compiled.charset, line.charCodeAt(i))) return i;
  }
  return undefined;
}

interface Assignment {
  part: CompiledPart;
  /** 0-based line within the part (a block's lines count up). */
  lineInPart: number;
}

/** The first character a present optional line starts with, when it starts with a literal (`/`). */
function leadingLiteral(elements: readonly FormatElement[]): string | undefined {
  const first = elements[0];
  if (first === undefined) return undefined;
  if (first.kind === 'literal') return first.text.charAt(0);
  if (first.kind === 'optional') return leadingLiteral(first.elements);
  return undefined;
}

/**
 * Assign value lines to format parts greedily, leaving enough lines for the
 * required parts after each one. An optional line is taken when it matches,
 * or starts with its leading literal; a block takes what it can; the last
 * block takes every remaining line (so that too many lines are reported).
 */
function align(
  parts: readonly CompiledPart[],
  count: number,
  lines: readonly string[],
): Array<Assignment | undefined> {
  const requiredAfter: number[] = [];
  let required = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    requiredAfter[i] = required;
    if (!parts[i]?.optional) required++;
  }
  const result: Array<Assignment | undefined> = new Array(count);
  let next = 0;
  parts.forEach((part, index) => {
    const after = requiredAfter[index] ?? 0;
    const available = count - next - after;
    if (available <= 0 || next >= count) return;
    if (part.part.kind === 'line') {
      if (part.optional) {
        const line = lines[next] ?? '';
        const literal = leadingLiteral(part.part.elements);
        const looksPresent =
          part.lineRegex.test(line) || (literal !== undefined && line.startsWith(literal));
        if (!looksPresent) return;
      }
      result[next] = { part, lineInPart: 0 };
      next++;
      return;
    }
    const isLast = index === parts.length - 1;
    const take = isLast ? available : Math.min(available, part.maxLines);
    for (let i = 0; i < take; i++) result[next + i] = { part, lineInPart: i };
    next += take;
  });
  return result;
}

function missingPart(
  parts: readonly CompiledPart[],
  assigned: ReadonlyArray<Assignment | undefined>,
): CompiledPart | undefined {
  const used = new Set(assigned.map((target) => target?.part));
  return parts.find((part) => !part.optional && !used.has(part));
}

// ---------------------------------------------------------------------------
// Which part of a line is wrong
// ---------------------------------------------------------------------------

const classRegexCache = new Map<FormatClass, RegExp>();

function classRegex(cls: FormatClass): RegExp {
  let regex = classRegexCache.get(cls);
  if (regex === undefined) {
    regex = new RegExp(`^${CLASS_PATTERN[cls]}$`);
    classRegexCache.set(cls, regex);
  }
  return regex;
}

function runLength(line: string, from: number, cls: FormatClass, max: number): number {
  const regex = classRegex(cls);
  let length = 0;
  while (length < max && from + length < line.length && regex.test(line.charAt(from + length))) {
    length++;
  }
  return length;
}

interface Walk {
  pos: number;
  failure?: string;
}

function describeComponentFailure(
  source: string,
  cls: FormatClass,
  min: number,
  max: number,
  column: number,
): string {
  const count = min === max ? `${min}` : `${min} to ${max}`;
  return `part ${source} expects ${count} ${CLASS_DESCRIPTION[cls]} at column ${column}`;
}

function describeDecimal(source: string, run: string, column: number): string | undefined {
  const commas = run.split(',').length - 1;
  if (commas === 0) return `part ${source} at column ${column} needs a decimal comma (e.g. 1000,)`;
  if (commas > 1)
    return `part ${source} at column ${column} has ${commas} commas; exactly one is allowed`;
  if (run.startsWith(','))
    return `part ${source} at column ${column} needs a digit before the comma`;
  return undefined;
}

function walkElements(elements: readonly FormatElement[], line: string, start: number): Walk {
  let pos = start;
  for (const element of elements) {
    if (element.kind === 'literal') {
      if (!line.startsWith(element.text, pos)) {
        return { pos, failure: `expected '${element.text}' at column ${pos + 1}` };
      }
      pos += element.text.length;
      continue;
    }
    if (element.kind === 'optional') {
      const inner = walkElements(element.elements, line, pos);
      if (inner.failure === undefined && inner.pos > pos) pos = inner.pos;
      continue;
    }
    const { cls, min, max, source } = element;
    if (cls === 'd') {
      const length = runLength(line, pos, 'd', line.length);
      const run = line.slice(pos, pos + length);
      const reason = describeDecimal(source, run, pos + 1);
      if (reason !== undefined) return { pos, failure: reason };
      // Longer than allowed (comma included) is a width problem, reported by the caller.
      if (length < min)
        return { pos, failure: describeComponentFailure(source, cls, min, max, pos + 1) };
      pos += length;
      continue;
    }
    const length = runLength(line, pos, cls, max);
    if (length < min)
      return { pos, failure: describeComponentFailure(source, cls, min, max, pos + 1) };
    pos += length;
  }
  return { pos };
}

/**
 * Why `line` does not match its part: the first element that fails, or
 * unexpected trailing text; `undefined` when the only problem is the length.
 */
function describeMismatch(part: CompiledPart, line: string): string | undefined {
  const format = part.part;
  if (format.kind === 'block') {
    if (line === '') return `an empty line is not allowed in ${format.source}`;
    return line.length > part.maxLength ? undefined : `does not match ${format.source}`;
  }
  const walk = walkElements(format.elements, line, 0);
  if (walk.failure !== undefined) return `${walk.failure} (format ${format.source})`;
  if (line.length > part.maxLength) return undefined;
  if (walk.pos < line.length) {
    return `unexpected text at column ${walk.pos + 1} (format ${format.source})`;
  }
  return `does not match ${format.source}`;
}
