import { describe, expect, it } from 'vitest';
import {
  checkFormat,
  compileFormat,
  FormatNotationError,
  matchesFormat,
  parseFormatNotation,
} from '../../src/swift-mt/format/index.js';

const at = { tag: '99', line: 10 };

function rules(format: string, value: string): string[] {
  return checkFormat(format, value, at).map((issue) => issue.rule);
}

describe('format engine: components and lengths', () => {
  it.each([
    ['1!n/1!n', '1/1'],
    ['16x', 'CBF25LC0004417'],
    ['6!n', '250310'],
    ['6!n29x', '030730AMSTERDAM'],
    ['6!n29x', '030730'.padEnd(35, 'X')],
    ['2n/2n', '5/10'],
    ['2n/2n', '05/05'],
    ['3n[/35x]', '21'],
    ['3n[/35x]', '21/FROM THE DATE OF SHIPMENT'],
    ['4!a2!a2!c[3!c]', 'COBADEFF'],
    ['4!a2!a2!c[3!c]', 'COBADEFFXXX'],
    ['4!c', 'ACNF'],
    ['3!a15d', 'EUR100000,'],
    ['3!a15d', 'EUR248650,00'],
    ['3!a15d', 'JPY1,'],
    ['3!a15d', `USD${'9'.repeat(12)},99`],
    ['1-3n', '12'],
  ])('%s accepts %j', (format, value) => {
    expect(checkFormat(format, value, at)).toEqual([]);
    expect(matchesFormat(format, value)).toBe(true);
  });

  it('names the wrong part and column of a one-line value', () => {
    expect(checkFormat('6!n29x', '03073AMSTERDAM', at)).toEqual([
      {
        rule: 'field.format',
        tag: '99',
        line: 10,
        message: 'Field 99 line 1: part 6!n expects 6 digits at column 1 (format 6!n29x)',
      },
    ]);
    expect(checkFormat('2n/2n', '1O/10', at)[0]?.message).toContain("expected '/' at column 2");
    expect(checkFormat('3!a15d', 'EU100,', at)[0]?.message).toContain(
      'part 3!a expects 3 upper-case letters',
    );
    expect(checkFormat('1!n/1!n', '12/1', at)[0]?.message).toContain("expected '/' at column 2");
    expect(checkFormat('4!a2!a2!c[3!c]', 'COBADEFFXX', at)[0]?.message).toContain(
      'unexpected text at column 9',
    );
  });

  it('reports the pre-SR2018 free text of field 48 as a format error on its line', () => {
    expect(
      checkFormat('3n[/35x]', 'WITHIN 6 DAYS OF ISSUANCE OF FCR', { tag: '48', line: 28 }),
    ).toEqual([
      {
        rule: 'field.format',
        tag: '48',
        line: 28,
        message: 'Field 48 line 1: part 3n expects 1 to 3 digits at column 1 (format 3n[/35x])',
      },
    ]);
  });

  it('omits the line for fields built in code', () => {
    const [issue] = checkFormat('16x', '', { tag: '20' });
    expect(issue).toEqual({
      rule: 'field.format',
      tag: '20',
      message: 'Field 20 is empty (format 16x)',
    });
  });
});

describe('format engine: decimal d', () => {
  it.each([
    ['EUR100000', 'needs a decimal comma'],
    ['EUR1,2,3', 'has 2 commas'],
    ['EUR,5', 'needs a digit before the comma'],
    ['EUR1.5', 'needs a decimal comma'],
  ])('refuses %j (%s)', (value, reason) => {
    const [issue] = checkFormat('3!a15d', value, at);
    expect(issue?.rule).toBe('field.format');
    expect(issue?.message).toContain(reason);
  });

  it('counts the comma in the length: 15 characters with it, not 16', () => {
    expect(rules('3!a15d', `EUR${'1'.repeat(14)},`)).toEqual([]);
    expect(rules('3!a15d', `EUR${'1'.repeat(15)},`)).toEqual(['field.width']);
    expect(rules('3!a15d', `EUR${'1'.repeat(10)},${'2'.repeat(4)}`)).toEqual([]);
    expect(rules('3!a15d', `EUR${'1'.repeat(10)},${'2'.repeat(5)}`)).toEqual(['field.width']);
  });
});

describe('format engine: character sets', () => {
  it('accepts every X character in x and refuses Z-only characters', () => {
    expect(rules('65x', "abc XYZ 0123456789 /-?:().,'+")).toEqual([]);
    const [issue] = checkFormat('65x', 'ABC & DEF', at);
    expect(issue).toEqual({
      rule: 'field.charset',
      tag: '99',
      line: 10,
      message: "Field 99 line 1: character '&' (U+0026) at column 5 is not in the X character set",
    });
  });

  it('accepts the Z extras in z', () => {
    expect(rules('65z', 'A=B!C"D%E&F*G<H>I;J{K@L#M_N')).toEqual([]);
    expect(rules('65z', 'PRICE: 10 $')).toEqual(['field.charset']);
  });

  it('names non-ASCII and control characters by code point only', () => {
    expect(checkFormat('35x', 'CAFÉ', at)[0]?.message).toContain('character U+00C9 at column 4');
    expect(checkFormat('35x', 'A\tB', at)[0]?.message).toContain('character U+0009 at column 2');
    expect(checkFormat('4*35x', 'A\r\nB', at)[0]?.rule).toBe('field.charset');
  });

  it('checks structured fields against the X set, the letters against their class', () => {
    expect(rules('3!a15d', 'eur100,')).toEqual(['field.format']);
    expect(rules('3!a15d', 'EUR100,€')).toEqual(['field.charset']);
  });
});

describe('format engine: lines and widths', () => {
  it('reports too many lines on the first extra line', () => {
    expect(checkFormat('4*35x', 'A\nB\nC\nD\nE', at)).toEqual([
      {
        rule: 'field.lines',
        tag: '99',
        line: 14,
        message: 'Field 99 has 5 lines; format 4*35x allows at most 4',
      },
    ]);
    expect(checkFormat('[/34x]\n4*35x', '/1\nA\nB\nC\nD\nE', at)[0]).toMatchObject({
      rule: 'field.lines',
      line: 15,
    });
  });

  it('reports a line that is too long with its number and the limit', () => {
    const value = `SHORT\n${'X'.repeat(36)}`;
    expect(checkFormat('4*35x', value, at)).toEqual([
      {
        rule: 'field.width',
        tag: '99',
        line: 11,
        message: 'Field 99 line 2 is 36 characters long; 4*35x allows at most 35',
      },
    ]);
    expect(rules('16x', 'X'.repeat(17))).toEqual(['field.width']);
    expect(rules('100*65z', `${'Z'.repeat(65)}\n${'Z'.repeat(66)}`)).toEqual(['field.width']);
  });

  it('refuses empty lines inside a block', () => {
    expect(checkFormat('4*35x', 'A\n\nB', at)[0]).toMatchObject({ rule: 'field.format', line: 11 });
  });

  it('aligns optional lines: account line, bank party identifier, option B location', () => {
    expect(rules('[/34x]\n4*35x', 'NAME\nADDRESS')).toEqual([]);
    expect(rules('[/34x]\n4*35x', '/0012345678901\nNAME')).toEqual([]);
    expect(rules('[/34x]\n4*35x', `/${'1'.repeat(35)}\nNAME`)).toEqual(['field.width']);
    expect(rules('[/1!a][/34x]\n4!a2!a2!c[3!c]', '/D/12345\nCOBADEFFXXX')).toEqual([]);
    expect(rules('[/1!a][/34x]\n4!a2!a2!c[3!c]', 'COBADEFFXXX')).toEqual([]);
    expect(rules('[/1!a][/34x]\n4!a2!a2!c[3!c]', 'cobadeff')).toEqual(['field.format']);
    expect(rules('[/1!a][/34x]\n[35x]', '/D/12345')).toEqual([]);
    expect(rules('[/1!a][/34x]\n[35x]', 'HAMBURG')).toEqual([]);
    expect(rules('[/1!a][/34x]\n[35x]', '/D/1\nHAMBURG')).toEqual([]);
  });

  it('gives the code line of 41a its own check after the name block', () => {
    expect(rules('4*35x\n14x', 'ANY BANK IN BANGLADESH\nBY NEGOTIATION')).toEqual([]);
    expect(rules('4*35x\n14x', 'A\nB\nC\nD\nBY PAYMENT')).toEqual([]);
    expect(rules('4*35x\n14x', 'A\nB\nC\nD\nE\nBY PAYMENT')).toEqual(['field.lines']);
    expect(rules('4!a2!a2!c[3!c]\n14x', 'AMRONL2A')).toEqual(['field.format']);
    expect(checkFormat('4!a2!a2!c[3!c]\n14x', 'AMRONL2A', at)[0]?.message).toContain(
      'ends too early',
    );
    expect(rules('4!a2!a2!c[3!c]\n14x', 'AMRONL2A\nBY DEFERRED PAYMENT')).toEqual(['field.width']);
  });
});

describe('format engine: compilation', () => {
  it('compiles each format once and reuses it', () => {
    expect(compileFormat('100*65z')).toBe(compileFormat('100*65z'));
    expect(compileFormat('[/34x]\n4*35x')).toMatchObject({ charset: 'X', maxLines: 5 });
    expect(compileFormat('6*35z').charset).toBe('Z');
  });

  it('parses the notation into lines, components, literals and optional groups', () => {
    expect(parseFormatNotation('3n[/35x]')).toEqual([
      {
        kind: 'line',
        optional: false,
        source: '3n[/35x]',
        elements: [
          { kind: 'component', cls: 'n', min: 1, max: 3, source: '3n' },
          {
            kind: 'optional',
            source: '[/35x]',
            elements: [
              { kind: 'literal', text: '/' },
              { kind: 'component', cls: 'x', min: 1, max: 35, source: '35x' },
            ],
          },
        ],
      },
    ]);
    expect(parseFormatNotation('100*65z')).toEqual([
      { kind: 'block', cls: 'z', maxLines: 100, width: 65, optional: false, source: '100*65z' },
    ]);
  });

  it.each(['', '3q', '[16x', '16x]', 'x', '3!', '[]'])('refuses the bad notation %j', (format) => {
    expect(() => compileFormat(format)).toThrow(FormatNotationError);
  });

  it('validates a valid value with one regular-expression test, fast', () => {
    const value = Array.from({ length: 100 }, () => 'Z'.repeat(65)).join('\n');
    const start = performance.now();
    for (let i = 0; i < 2000; i++) checkFormat('100*65z', value, at);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
