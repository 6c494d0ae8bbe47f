import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFormat } from '../../src/swift-mt/format/index.js';
import { parseSwiftMessage } from '../../src/swift-mt/index.js';
import {
  MT700_SPEC,
  mtSpec,
  supportedMessageTypes,
  textBlockValidator,
  validateTextBlock,
} from '../../src/swift-mt/mt/index.js';
import type { SwiftField, SwiftIssue } from '../../src/swift-mt/types.js';
import { insertField, mt700Fields, mt700Text, withField } from './mt700-sample.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function strict(fields: SwiftField[]): { errors: SwiftIssue[]; warnings: SwiftIssue[] } {
  return validateTextBlock(MT700_SPEC, fields, 'strict');
}

function errorRules(fields: SwiftField[]): string[] {
  return strict(fields).errors.map((issue) => issue.rule);
}

describe('MT700 table', () => {
  it('accepts the sample and the full fixture without any issue', () => {
    expect(strict(mt700Fields())).toEqual({ errors: [], warnings: [] });
    const full = parseSwiftMessage(fixture('mt700-full.fin'));
    expect(full.type).toBe('700');
    expect(full.errors).toEqual([]);
    expect(full.warnings).toEqual([]);
  });

  it('lists the SR2018+ fields in order with their M/O status', () => {
    expect(MT700_SPEC.fields.map((field) => `${field.tag}${field.mandatory ? '*' : ''}`)).toEqual([
      '27*',
      '40A*',
      '20*',
      '23',
      '31C*',
      '40E*',
      '31D*',
      '51a',
      '50*',
      '59*',
      '32B*',
      '39A',
      '39C',
      '41a*',
      '42C',
      '42a',
      '42M',
      '42P',
      '43P',
      '43T',
      '44A',
      '44E',
      '44F',
      '44B',
      '44C',
      '44D',
      '45A',
      '46A',
      '47A',
      '49G',
      '49H',
      '71D',
      '48',
      '49*',
      '58a',
      '53a',
      '78',
      '57a',
      '72Z',
    ]);
  });

  it('reports the Prowide sample: old free-text 48 is an error in strict mode, a warning in lenient', () => {
    const text = fixture('prowide-integrator-examples_MT700_ValidationEngineTest.txt');
    const old48 = {
      rule: 'field.format',
      tag: '48',
      line: 28,
      message: 'Field 48 line 1: part 3n expects 1 to 3 digits at column 1 (format 3n[/35x])',
    };
    const strictParse = parseSwiftMessage(text, { mode: 'strict' });
    expect(strictParse.errors).toEqual([old48]);
    const lenientParse = parseSwiftMessage(text, { mode: 'lenient' });
    expect(lenientParse.errors).toEqual([]);
    expect(lenientParse.warnings).toContainEqual(old48);
    // 49 CONFIRM without 58a: a usage rule, a warning in both modes.
    expect(strictParse.warnings.map((issue) => issue.rule)).toEqual(['usage.58a']);
  });

  it('reports a missing mandatory field, an unknown tag, a wrong option and a repeat', () => {
    expect(strict(withField(mt700Fields(), '31D', undefined)).errors).toContainEqual({
      rule: 'field.mandatory',
      tag: '31D',
      message: 'Mandatory field 31D (Date and Place of Expiry) is missing',
    });
    expect(strict(withField(mt700Fields(), '41D', undefined)).errors[0]?.message).toContain(
      '41A/41D',
    );
    expect(errorRules(insertField(mt700Fields(), { tag: '79', value: 'HELLO' }))).toEqual([
      'field.unknown',
    ]);
    expect(
      errorRules([...withField(mt700Fields(), '50', undefined), { tag: '50K', value: 'X' }]),
    ).toEqual(['field.option', 'field.mandatory']);
    expect(
      errorRules(insertField(mt700Fields(), { tag: '41B', value: 'X\nBY PAYMENT' }, '43P')),
    ).toEqual(['field.option']);
    expect(errorRules(insertField(mt700Fields(), { tag: '20', value: 'AGAIN' }, '31C'))).toEqual([
      'field.repeated',
    ]);
  });

  it('warns about field order in both modes', () => {
    const fields = mt700Fields();
    const swapped = [fields[1], fields[0], ...fields.slice(2)] as SwiftField[];
    const result = strict(swapped);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((issue) => issue.rule)).toEqual(['field.order']);
  });

  it.each([
    ['40A', 'REVOCABLE'],
    ['40E', 'UCP 600'],
    ['43P', 'PROHIBITED'],
    ['43T', 'YES'],
    ['49', 'PENDING'],
  ])('refuses code %s = %j', (tag, value) => {
    expect(strict(withField(mt700Fields(), tag, value)).errors).toEqual([
      expect.objectContaining({ rule: 'field.code', tag }),
    ]);
  });

  it.each([
    ['40A', 'IRREVOCABLE TRANSFERABLE'],
    ['40A', 'IRREVOC TRANS STANDBY'],
    ['40E', 'OTHR/URDG 758'],
    ['40E', 'EUCPURR LATEST VERSION'],
    ['43P', 'CONDITIONAL'],
    ['43T', 'NOT ALLOWED'],
  ])('accepts code %s = %j', (tag, value) => {
    expect(errorRules(withField(mt700Fields(), tag, value))).toEqual([]);
  });

  it('checks every field against its format with line numbers through the parser', () => {
    const fields = withField(mt700Fields(), '32B', 'EUR248650');
    const message = parseSwiftMessage(mt700Text(fields));
    expect(message.errors).toEqual([
      {
        rule: 'field.format',
        tag: '32B',
        line: 13, // header line, 27, 40A, 20, 31C, 40E, 31D, 50 (2 lines), 59 (3 lines), then 32B
        message:
          'Field 32B line 1: part 15d at column 4 needs a decimal comma (e.g. 1000,) (format 3!a15d)',
      },
    ]);
  });
});

describe('MT700 network rules', () => {
  const drafts = { tag: '42C', value: '60 DAYS AFTER SIGHT' };
  const drawee = { tag: '42A', value: 'COBADEFFXXX' };
  const mixed = { tag: '42M', value: '50 PCT AT SIGHT' };
  const deferred = { tag: '42P', value: '90 DAYS AFTER B/L DATE' };
  const withDrafts = (...extra: SwiftField[]): SwiftField[] => {
    let fields = mt700Fields();
    for (const field of extra) fields = insertField(fields, field, '43P');
    return fields;
  };

  it('C1: 42C and 42a both present or both absent', () => {
    expect(errorRules(withDrafts(drafts, drawee))).toEqual([]);
    expect(errorRules(withDrafts(drafts))).toEqual(['rule.C1']);
    expect(errorRules(withDrafts(drawee))).toEqual(['rule.C1']);
  });

  it('C2: 42C+42a, or 42M alone, or 42P alone', () => {
    expect(errorRules(withDrafts(mixed))).toEqual([]);
    expect(errorRules(withDrafts(deferred))).toEqual([]);
    expect(errorRules(withDrafts(mixed, deferred))).toEqual(['rule.C2']);
    expect(errorRules(withDrafts(drafts, drawee, deferred))).toEqual(['rule.C2']);
  });

  it('C3: 44C and 44D not both', () => {
    const both = insertField(mt700Fields(), { tag: '44D', value: 'JUNE 2025' }, '45A');
    expect(strict(both).errors).toEqual([
      {
        rule: 'rule.C3',
        tag: '44D',
        message: 'Either field 44C or 44D, but not both, may be present',
      },
    ]);
    expect(errorRules(withField(both, '44C', undefined))).toEqual([]);
  });

  it('T75: 27 is 1/1 to 1/8', () => {
    expect(errorRules(withField(mt700Fields(), '27', '1/3'))).toEqual([]);
    expect(errorRules(withField(mt700Fields(), '27', '2/3'))).toEqual(['rule.T75']);
    expect(errorRules(withField(mt700Fields(), '27', '1/9'))).toEqual(['rule.T75']);
  });

  it('T26: the credit number has no leading, trailing or double slash', () => {
    expect(errorRules(withField(mt700Fields(), '20', 'LC/2025/1'))).toEqual([]);
    expect(errorRules(withField(mt700Fields(), '20', '/LC1'))).toEqual(['rule.T26']);
    expect(errorRules(withField(mt700Fields(), '20', 'LC1/'))).toEqual(['rule.T26']);
    expect(errorRules(withField(mt700Fields(), '20', 'LC//1'))).toEqual(['rule.T26']);
  });

  it('T50: 31C, 31D and 44C are real dates', () => {
    expect(errorRules(withField(mt700Fields(), '31C', '240229'))).toEqual([]);
    expect(errorRules(withField(mt700Fields(), '31C', '250229'))).toEqual(['rule.T50']);
    expect(errorRules(withField(mt700Fields(), '31D', '251301HAMBURG'))).toEqual(['rule.T50']);
    expect(errorRules(withField(mt700Fields(), '44C', '250631'))).toEqual(['rule.T50']);
  });

  it('T52 and C03: an ISO currency, and no more decimals than it has', () => {
    expect(errorRules(withField(mt700Fields(), '32B', 'JPY1000000,'))).toEqual([]);
    expect(errorRules(withField(mt700Fields(), '32B', 'KWD1000,125'))).toEqual([]);
    expect(errorRules(withField(mt700Fields(), '32B', 'XYZ1000,'))).toEqual(['rule.T52']);
    expect(errorRules(withField(mt700Fields(), '32B', 'JPY1000,5'))).toEqual(['rule.C03']);
    expect(errorRules(withField(mt700Fields(), '32B', 'EUR1000,123'))).toEqual(['rule.C03']);
  });

  it('D81: a 40E narrative only after OTHR', () => {
    expect(errorRules(withField(mt700Fields(), '40E', 'OTHR/ISBP 821'))).toEqual([]);
    expect(errorRules(withField(mt700Fields(), '40E', 'UCP LATEST VERSION/ISBP'))).toEqual([
      'rule.D81',
    ]);
  });

  it('T68: 41a ends with an availability code', () => {
    expect(errorRules(withField(mt700Fields(), '41D', 'ANY BANK\nBY DEF PAYMENT'))).toEqual([]);
    expect(errorRules(withField(mt700Fields(), '41D', 'ANY BANK\nBY CASH'))).toEqual(['rule.T68']);
  });

  it('usage 58a: a warning when 49 asks for confirmation without 58a, or 58a with WITHOUT', () => {
    const confirm = withField(mt700Fields(), '49', 'CONFIRM');
    expect(strict(confirm)).toEqual({
      errors: [],
      warnings: [expect.objectContaining({ rule: 'usage.58a', tag: '49' })],
    });
    const party = { tag: '58A', value: 'SCBLBDDXXXX' };
    expect(strict(insertField(confirm, party))).toEqual({ errors: [], warnings: [] });
    expect(strict(insertField(mt700Fields(), party)).warnings).toEqual([
      expect.objectContaining({ rule: 'usage.58a', tag: '58A' }),
    ]);
  });

  it('usage 23: the pre-advice reference starts with PREADV/', () => {
    const fields = insertField(mt700Fields(), { tag: '23', value: 'PREADV/250303' }, '31C');
    expect(strict(fields)).toEqual({ errors: [], warnings: [] });
    expect(strict(withField(fields, '23', '250303')).warnings).toEqual([
      expect.objectContaining({ rule: 'usage.23', tag: '23' }),
    ]);
  });

  it('lenient mode reports the same violations as warnings', () => {
    const fields = withField(
      insertField(mt700Fields(), { tag: '44D', value: 'JUNE' }, '45A'),
      '27',
      '2/1',
    );
    const lenient = validateTextBlock(MT700_SPEC, fields, 'lenient');
    expect(lenient.errors).toEqual([]);
    expect(lenient.warnings.map((issue) => issue.rule).sort()).toEqual(['rule.C3', 'rule.T75']);
  });
});

describe('MT registry', () => {
  it('has a validator for 700, 707, 720 and 750 and none for other types', () => {
    expect(supportedMessageTypes()).toEqual(['700', '707', '720', '750']);
    for (const type of supportedMessageTypes()) {
      expect(mtSpec(type)?.type).toBe(type);
      expect(textBlockValidator(type)).toBeTypeOf('function');
    }
    expect(textBlockValidator('103')).toBeUndefined();
    expect(textBlockValidator('700')).toBe(textBlockValidator('700'));
  });

  it('declares only formats the engine compiles', () => {
    for (const type of supportedMessageTypes()) {
      for (const field of mtSpec(type)?.fields ?? []) {
        const formats = field.options === undefined ? [field.format] : Object.values(field.options);
        for (const format of formats) expect(() => compileFormat(format ?? '')).not.toThrow();
      }
    }
  });
});
