import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueMatcher } from '../../src/swift-mt/format/fast-match.js';
import { compileFormat } from '../../src/swift-mt/format/index.js';
import { arbitraryForFormat, tableFormats } from './format-arbitraries.js';

/** Every format of the MT tables, plus block and single-run shapes they do not use. */
const FORMATS = tableFormats('1-3n', '2*5y', '3*4c', '4*2h', '2*3e', '[4*35x]', '5!y', '3e');

/** Values near the edge of a format: valid ones, and ones with a line, character or break too many. */
function nearValues(format: string): fc.Arbitrary<string> {
  const valid = arbitraryForFormat(format, { maxBlockLines: 14 });
  return fc.oneof(
    valid,
    fc
      .tuple(
        valid,
        fc.nat(),
        fc.constantFrom('A', 'a', '9', ' ', ',', '\n', '\n\n', '\r\n', '~', 'é'),
      )
      .map(([value, at, extra]) => {
        const position = at % (value.length + 1);
        return `${value.slice(0, position)}${extra}${value.slice(position)}`;
      }),
    fc.tuple(valid, fc.nat()).map(([value, at]) => {
      const position = at % (value.length + 1);
      return `${value.slice(0, position)}${value.slice(position + 1)}`;
    }),
    fc.string({ unit: fc.constantFrom('A', '1', ' ', '\n', '/', 'z'), maxLength: 80 }),
  );
}

describe('the fast path of a format check', () => {
  it.each(FORMATS)('answers exactly what the whole-value expression of %j answers', (format) => {
    const compiled = compileFormat(format);
    const matches = valueMatcher(compiled);
    fc.assert(
      fc.property(nearValues(format), (value) => {
        expect(matches(value)).toBe(compiled.valueRegex.test(value));
      }),
      { numRuns: 150 },
    );
  });
});
