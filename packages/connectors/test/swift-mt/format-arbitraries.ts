/**
 * fast-check arbitraries that generate values valid for a SWIFT format
 * (`3!a15d`, `[/34x]\n4*35x`, `100*65z`, …), built from the same parsed
 * notation the engine compiles. Test-only: keeps fast-check out of the runtime.
 */
import fc from 'fast-check';
import {
  CLASS_CHARACTERS,
  type FormatClass,
  type FormatElement,
  type FormatPart,
  parseFormatNotation,
} from '../../src/swift-mt/format/index.js';
import { mtSpec, supportedMessageTypes } from '../../src/swift-mt/mt/index.js';

/** Every format the MT tables use, then `extra` notations they do not. */
export function tableFormats(...extra: string[]): string[] {
  const used = supportedMessageTypes().flatMap((type) =>
    (mtSpec(type)?.fields ?? []).flatMap((field) =>
      field.options === undefined ? [field.format ?? ''] : Object.values(field.options),
    ),
  );
  return [...new Set([...used, ...extra])];
}

/** Options of {@link arbitraryForFormat}. */
export interface FormatArbitraryOptions {
  /**
   * Make every line safe to carry through a FIN text block: no line starts
   * with `:` or `-` (FIN forbids both) and none starts or ends with a space.
   */
  finSafe?: boolean;
  /** Cap on the lines of a multi-line block, to keep generated messages small (default: the format's). */
  maxBlockLines?: number;
}

function charsOf(cls: FormatClass): fc.Arbitrary<string> {
  return fc.constantFrom(...Array.from(CLASS_CHARACTERS[cls]));
}

function run(cls: FormatClass, min: number, max: number): fc.Arbitrary<string> {
  return fc.string({ unit: charsOf(cls), minLength: min, maxLength: max });
}

/** A SWIFT decimal of at most `max` characters (comma included): at least one digit, then `,`, then digits. */
export function arbitraryDecimal(max: number): fc.Arbitrary<string> {
  return fc
    .integer({ min: 1, max: Math.max(1, max - 1) })
    .chain((whole) =>
      fc
        .tuple(run('n', whole, whole), run('n', 0, max - 1 - whole))
        .map(([digits, fraction]) => `${digits},${fraction}`),
    );
}

function elementsArbitrary(elements: readonly FormatElement[]): fc.Arbitrary<string> {
  const parts = elements.map((element): fc.Arbitrary<string> => {
    if (element.kind === 'literal') return fc.constant(element.text);
    if (element.kind === 'optional') {
      return fc
        .option(elementsArbitrary(element.elements), { nil: undefined })
        .map((value) => value ?? '');
    }
    if (element.cls === 'd') return arbitraryDecimal(element.max);
    return run(element.cls, element.min, element.max);
  });
  return fc.tuple(...parts).map((values) => values.join(''));
}

function partArbitrary(part: FormatPart, options: FormatArbitraryOptions): fc.Arbitrary<string[]> {
  if (part.kind === 'block') {
    const maxLines = Math.min(part.maxLines, options.maxBlockLines ?? part.maxLines);
    return fc.array(run(part.cls, 1, part.width), { minLength: 1, maxLength: maxLines });
  }
  const line = elementsArbitrary(part.elements);
  if (!part.optional) return line.map((value) => [value]);
  return fc
    .option(
      line.filter((value) => value !== ''),
      { nil: undefined },
    )
    .map((value) => (value === undefined ? [] : [value]));
}

/** Replace what FIN cannot carry at the edges of a line (leading `:`/`-`, edge spaces) by `A`. */
function finSafeLine(line: string): string {
  let result = line;
  if (/^[:\- ]/.test(result)) result = `A${result.slice(1)}`;
  if (result.endsWith(' ')) result = `${result.slice(0, -1)}A`;
  return result;
}

/**
 * Values valid for `format`, lines joined by `\n`. Every generated value
 * matches the format (the engine's own property test checks that).
 */
export function arbitraryForFormat(
  format: string,
  options: FormatArbitraryOptions = {},
): fc.Arbitrary<string> {
  const parts = parseFormatNotation(format).map((part) => partArbitrary(part, options));
  return fc
    .tuple(...parts)
    .map((lines) => lines.flat())
    .filter((lines) => lines.length > 0)
    .map((lines) => (options.finSafe ? lines.map(finSafeLine) : lines).join('\n'));
}

/** Text lines of the X or Z set for narrative model properties: `lines` lines of 1…`width` characters, FIN-safe. */
export function arbitraryNarrative(
  cls: 'x' | 'z',
  width: number,
  maxLines: number,
): fc.Arbitrary<string> {
  return fc
    .array(run(cls, 1, width), { minLength: 1, maxLength: maxLines })
    .map((lines) => lines.map(finSafeLine).join('\n'));
}
