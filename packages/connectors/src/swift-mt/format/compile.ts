/**
 * Compile a SWIFT format string once into a matcher: one anchored regular
 * expression for the whole value (the fast path every valid field takes), and
 * per-line expressions used only to explain a failure.
 */
import {
  CLASS_PATTERN,
  charsetOfClasses,
  type FormatClass,
  type SwiftCharset,
} from './charsets.js';
import { valueMatcher } from './fast-match.js';
import {
  classesOf,
  type FormatElement,
  type FormatPart,
  maxLengthOf,
  parseFormatNotation,
} from './notation.js';

/** A compiled line or block: its parsed form and the expression a single value line must match. */
export interface CompiledPart {
  part: FormatPart;
  /** Anchored expression for one value line (a block's lines each match it). */
  lineRegex: RegExp;
  /** The longest a value line may be. */
  maxLength: number;
  /** The most value lines this part takes. */
  maxLines: number;
  optional: boolean;
}

/** A format compiled for fast checks. Get one with {@link compileFormat}. */
export interface CompiledFormat {
  /** The format as written. */
  source: string;
  parts: readonly CompiledPart[];
  /** Anchored expression for the whole value, lines joined by `\n`. */
  valueRegex: RegExp;
  /** The broad character set values are checked against. */
  charset: SwiftCharset;
  /** The most lines a value may have. */
  maxLines: number;
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function quantifier(min: number, max: number): string {
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

function componentPattern(cls: FormatClass, min: number, max: number): string {
  if (cls === 'd') {
    // Digits with exactly one comma, at least one digit before it; the comma counts in the length.
    return `(?=[0-9,]${quantifier(min, max)}(?![0-9,]))[0-9]+,[0-9]*`;
  }
  return `${CLASS_PATTERN[cls]}${quantifier(min, max)}`;
}

function elementsPattern(elements: readonly FormatElement[]): string {
  let pattern = '';
  for (const element of elements) {
    if (element.kind === 'literal') pattern += escapeLiteral(element.text);
    else if (element.kind === 'component') {
      pattern += componentPattern(element.cls, element.min, element.max);
    } else pattern += `(?:${elementsPattern(element.elements)})?`;
  }
  return pattern;
}

function partPattern(part: FormatPart): string {
  if (part.kind === 'block') {
    const line = componentPattern(part.cls, 1, part.width);
    return part.maxLines === 1 ? line : `${line}(?:\\n${line}){0,${part.maxLines - 1}}`;
  }
  // An all-optional line, when present, must not be empty.
  return part.optional
    ? `(?=[^\\n])${elementsPattern(part.elements)}`
    : elementsPattern(part.elements);
}

/**
 * The expression for parts `index…` joined by line breaks, assuming at least
 * one of them is present; `allOptional[i]` says whether parts `i…` may all be absent.
 */
function joinedPattern(
  parts: readonly FormatPart[],
  index: number,
  allOptional: boolean[],
): string {
  const part = parts[index];
  if (part === undefined) return '';
  const own = partPattern(part);
  if (index === parts.length - 1) return own;
  const rest = joinedPattern(parts, index + 1, allOptional);
  const restOptional = allOptional[index + 1] ?? true;
  const withRest = `${own}(?:\\n${rest})${restOptional ? '?' : ''}`;
  return part.optional ? `(?:${withRest}|${rest})` : withRest;
}

function compile(source: string): CompiledFormat {
  const parsed = parseFormatNotation(source);
  const allOptional: boolean[] = [];
  for (let i = parsed.length - 1; i >= 0; i--) {
    allOptional[i] = (parsed[i]?.optional ?? true) && (allOptional[i + 1] ?? true);
  }
  const parts = parsed.map((part): CompiledPart => {
    if (part.kind === 'block') {
      return {
        part,
        lineRegex: new RegExp(`^${componentPattern(part.cls, 1, part.width)}$`),
        maxLength: part.width,
        maxLines: part.maxLines,
        optional: part.optional,
      };
    }
    return {
      part,
      lineRegex: new RegExp(`^${partPattern(part)}$`),
      maxLength: maxLengthOf(part.elements),
      maxLines: 1,
      optional: part.optional,
    };
  });
  return {
    source,
    parts,
    valueRegex: new RegExp(`^${joinedPattern(parsed, 0, allOptional)}$`),
    charset: charsetOfClasses(classesOf(parsed)),
    maxLines: parts.reduce((sum, part) => sum + part.maxLines, 0),
  };
}

const cache = new Map<string, CompiledFormat>();

/**
 * The compiled form of `format`, compiled on first use and cached for the
 * life of the process (the tables use a few dozen distinct formats). Throws a
 * `FormatNotationError` for a string that is not SWIFT notation.
 */
export function compileFormat(format: string): CompiledFormat {
  let compiled = cache.get(format);
  if (compiled === undefined) {
    compiled = compile(format);
    cache.set(format, compiled);
  }
  return compiled;
}

/** True when `value` (lines joined by `\n`) matches `format`. The fast path of every check. */
export function matchesFormat(format: string, value: string): boolean {
  return valueMatcher(compileFormat(format))(value);
}
