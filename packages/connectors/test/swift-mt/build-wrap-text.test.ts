import { ValidationError } from '@tollgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSwiftMessage,
  parseSwiftMessage,
  SWIFT_NARRATIVE_LINE_WIDTH,
  SWIFT_SHORT_LINE_WIDTH,
  wrapSwiftText,
} from '../../src/swift-mt/index.js';

const GOODS =
  '100 PCT COTTON READY-MADE GARMENTS AS PER PROFORMA INVOICE NO. DKE/PI/2025/0117 DATED 250224: MENS KNITTED POLO SHIRTS, SIZES S-XXL, 18,000 PCS AT EUR 6,35 PER PC';

describe('wrapSwiftText wraps narrative at word boundaries', () => {
  it('wraps 45A goods at 65 and an address at 35, dropping the space at each break', () => {
    expect(wrapSwiftText(GOODS, SWIFT_NARRATIVE_LINE_WIDTH).split('\n')).toEqual([
      '100 PCT COTTON READY-MADE GARMENTS AS PER PROFORMA INVOICE NO.',
      'DKE/PI/2025/0117 DATED 250224: MENS KNITTED POLO SHIRTS, SIZES',
      'S-XXL, 18,000 PCS AT EUR 6,35 PER PC',
    ]);
    expect(
      wrapSwiftText(
        'DHAKA KNITWEAR EXPORTS LTD PLOT 27-29, DEPZ, GANAKBARI, SAVAR',
        SWIFT_SHORT_LINE_WIDTH,
      ),
    ).toBe('DHAKA KNITWEAR EXPORTS LTD PLOT\n27-29, DEPZ, GANAKBARI, SAVAR');
  });

  it('keeps existing line breaks (CRLF or LF) and blank lines; short text is unchanged', () => {
    expect(wrapSwiftText('+INVOICE\r\n\r\n+PACKING LIST', 65)).toBe('+INVOICE\n\n+PACKING LIST');
    expect(wrapSwiftText('', 65)).toBe('');
    expect(wrapSwiftText('EXACTLY TEN', 11)).toBe('EXACTLY TEN');
  });

  it('splits a word longer than a line hard', () => {
    expect(wrapSwiftText('AB 0123456789ABCDEFGHIJ', 8)).toBe('AB\n01234567\n89ABCDEF\nGHIJ');
  });

  it('never starts a wrapped line with : or - when another break avoids it (FIN would misread it)', () => {
    expect(wrapSwiftText('GOODS AS PER :20: INVOICE', 13)).toBe('GOODS AS\nPER :20:\nINVOICE');
    expect(wrapSwiftText('QUANTITY 5 PCT - MORE OR LESS', 15)).toBe(
      'QUANTITY 5\nPCT - MORE OR\nLESS',
    );
    expect(wrapSwiftText('ABCDEFG-HIJ', 7)).toBe('ABCDEF\nG-HIJ');
  });

  it('throws a ValidationError past maxLines or for a width below 2', () => {
    expect(() => wrapSwiftText(GOODS, 65, 2)).toThrow(ValidationError);
    expect(wrapSwiftText(GOODS, 65, 3).split('\n')).toHaveLength(3);
    expect(() => wrapSwiftText(GOODS, 1)).toThrow(ValidationError);
    expect(() => wrapSwiftText(GOODS, 6.5)).toThrow(ValidationError);
  });

  it('property: lines fit, no character but break spaces is lost, and the value builds and parses back', () => {
    const word = fc.string({
      unit: fc.constantFrom(..."ABCXYZ0189/-?:().,'+"),
      minLength: 1,
      maxLength: 80,
    });
    const text = fc.array(fc.oneof(word, fc.constant(' '), fc.constant('  '), fc.constant('\n')), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        text.map((parts) => parts.join('')),
        fc.integer({ min: 2, max: 70 }),
        (input, width) => {
          const wrapped = wrapSwiftText(input, width);
          for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
          expect(wrapped.replace(/[ \n]/g, '')).toBe(input.replace(/[ \n]/g, ''));
          expect(wrapped.split('\n').length).toBeGreaterThanOrEqual(input.split('\n').length);

          const lines = wrapped.split('\n');
          // A value's later lines must not start a field: a wrapped line that would is avoided.
          const safe = lines
            .slice(1)
            .every((line) => !/^:\d\d[A-Z]?:/.test(line) && !line.startsWith('-}'));
          if (safe && wrapped.length > 0) {
            const built = buildSwiftMessage({
              blocks: {},
              fields: [{ tag: '45A', value: wrapped }],
            });
            expect(parseSwiftMessage(built, { validate: false }).fields[0]?.value).toBe(wrapped);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
