import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormat, matchesFormat } from '../../src/swift-mt/format/index.js';
import { arbitraryForFormat, tableFormats } from './format-arbitraries.js';

/** Every format the MT tables use, plus a few notations they do not (ranges, fixed decimals). */
const FORMATS = tableFormats('1-3n', '4!a/2n', '[3!a]15d', '8!h');

describe('format engine properties', () => {
  it.each(FORMATS)('every generated value of %j is valid', (format) => {
    fc.assert(
      fc.property(arbitraryForFormat(format, { maxBlockLines: 12 }), (value) => {
        expect(checkFormat(format, value, { tag: '99', line: 1 })).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it.each(FORMATS)(
    'a character outside the Z set makes %j invalid, with a charset issue on its line',
    (format) => {
      fc.assert(
        fc.property(
          arbitraryForFormat(format, { maxBlockLines: 6 }),
          fc.nat(),
          fc.constantFrom('~', '$', '[', ']', '\\', '|', '^', '`', 'é', '\t'),
          (value, at, bad) => {
            const position = at % (value.length + 1);
            const broken = `${value.slice(0, position)}${bad}${value.slice(position)}`;
            const issues = checkFormat(format, broken, { tag: '99', line: 1 });
            expect(issues.map((issue) => issue.rule)).toContain('field.charset');
            const line = broken.slice(0, position).split('\n').length;
            expect(issues.find((issue) => issue.rule === 'field.charset')?.line).toBe(line);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it('never throws and agrees with the fast path on arbitrary input (fuzz)', () => {
    const formats = fc.constantFrom(...FORMATS);
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc
        .array(
          fc.string({
            unit: fc.constantFrom('A', '1', ',', '/', ' ', ':', '-', '\n'),
            maxLength: 40,
          }),
          { maxLength: 8 },
        )
        .map((lines) => lines.join('\n')),
    );
    fc.assert(
      fc.property(formats, text, (format, value) => {
        const issues = checkFormat(format, value, { tag: '99' });
        expect(issues.length === 0).toBe(matchesFormat(format, value));
        for (const issue of issues) {
          expect(['field.format', 'field.charset', 'field.lines', 'field.width']).toContain(
            issue.rule,
          );
          expect(issue.message).not.toContain(value.length > 20 ? value : '\u0000never');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
