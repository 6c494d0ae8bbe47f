/**
 * The fast path of a format check: a test that answers exactly what the
 * compiled format's `valueRegex` answers, but for the shapes most fields
 * have it runs one character-set expression without counted repetitions and
 * measures the lines with `indexOf`: a narrative block (`100*65z`, `4*35x`)
 * or a single run of one class (`16x`, `6!n`, `140z`). Other formats keep the
 * whole-value expression. Internal.
 */
import { CLASS_PATTERN } from './charsets.js';
import type { CompiledFormat } from './compile.js';

/** Tests a whole value (lines joined by `\n`) against one format. */
export type ValueMatcher = (value: string) => boolean;

const matchers = new WeakMap<CompiledFormat, ValueMatcher>();

/** The fast test of `compiled`, made on first use. */
export function valueMatcher(compiled: CompiledFormat): ValueMatcher {
  let matcher = matchers.get(compiled);
  if (matcher === undefined) {
    matcher = makeMatcher(compiled);
    matchers.set(compiled, matcher);
  }
  return matcher;
}

/** The characters of a bracketed class (`[A-Z0-9]` → `A-Z0-9`), or `undefined` for another pattern. */
function classBody(pattern: string): string | undefined {
  return pattern.startsWith('[') && pattern.endsWith(']') ? pattern.slice(1, -1) : undefined;
}

function makeMatcher(compiled: CompiledFormat): ValueMatcher {
  const regex = compiled.valueRegex;
  const whole: ValueMatcher = (value) => regex.test(value);
  if (compiled.parts.length !== 1) return whole;
  const part = (compiled.parts[0] as CompiledFormat['parts'][number]).part;
  if (part.kind === 'block') {
    const body = classBody(CLASS_PATTERN[part.cls]);
    if (part.cls === 'd' || body === undefined) return whole;
    return blockMatcher(new RegExp(`^[${body}\\n]*$`), part.width, part.maxLines);
  }
  const only = part.elements[0];
  if (part.elements.length !== 1 || only?.kind !== 'component' || only.cls === 'd') return whole;
  const charset = new RegExp(`^${CLASS_PATTERN[only.cls]}*$`);
  const { min, max } = only;
  return (value) => value.length >= min && value.length <= max && charset.test(value);
}

/** Up to `maxLines` non-empty lines of up to `width` characters, every character in `charset`. */
function blockMatcher(charset: RegExp, width: number, maxLines: number): ValueMatcher {
  return (value) => {
    if (value.length === 0 || !charset.test(value)) return false;
    let start = 0;
    for (let lines = 1; lines <= maxLines; lines++) {
      const newline = value.indexOf('\n', start);
      const end = newline === -1 ? value.length : newline;
      if (end === start || end - start > width) return false;
      if (newline === -1) return true;
      start = newline + 1;
    }
    return false;
  };
}
