import { readFileSync } from 'node:fs';
import { money, ValidationError } from '@tollgate/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSwiftMessage,
  MT750_SPEC,
  type Mt750Input,
  parseSwiftMessage,
  readMt750,
  type SwiftBlocks,
  validateTextBlock,
  writeMt750,
} from '../../src/swift-mt/index.js';
import type { SwiftField } from '../../src/swift-mt/types.js';
import { arbitraryMt750Input } from './mt700-arbitraries.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const HEADERS: SwiftBlocks = {
  applicationHeader: {
    direction: 'I',
    messageType: '750',
    receiverAddress: 'COBADEFFAXXX',
    priority: 'N',
  },
};

const base = (): SwiftField[] => [
  { tag: '20', value: 'NEG25-0091' },
  { tag: '21', value: 'CBF25LC0004417' },
  { tag: '32B', value: 'EUR248650,00' },
  { tag: '77J', value: '1. LATE SHIPMENT\n2. INVOICE EXCEEDS CREDIT AMOUNT' },
];

function errorRules(fields: SwiftField[]): string[] {
  return validateTextBlock(MT750_SPEC, fields, 'strict').errors.map((issue) => issue.rule);
}

describe('MT750 table', () => {
  it('lists the SR2018+ fields in order (no 11S) with their M/O status', () => {
    expect(MT750_SPEC.fields.map((field) => `${field.tag}${field.mandatory ? '*' : ''}`)).toEqual([
      '20*',
      '21*',
      '32B*',
      '33B',
      '71D',
      '73A',
      '34B',
      '57a',
      '72Z',
      '77J*',
    ]);
  });

  it('reports the Prowide sample: 77J missing is an error in strict mode, a warning in lenient', () => {
    const text = fixture('prowide-core_MT750_SwiftMessageUtilsTest.txt');
    const missing = {
      rule: 'field.mandatory',
      tag: '77J',
      message: 'Mandatory field 77J (Discrepancies) is missing',
    };
    expect(parseSwiftMessage(text).errors).toEqual([missing]);
    const lenient = parseSwiftMessage(text, { mode: 'lenient' });
    expect(lenient.errors).toEqual([]);
    expect(lenient.warnings).toEqual([missing]);
  });

  it('C1: 33B, 71D or 73A each need 34B', () => {
    expect(errorRules(base())).toEqual([]);
    const withTotal = (extra: SwiftField): SwiftField[] => [
      ...base().slice(0, 3),
      extra,
      { tag: '34B', value: 'EUR248700,00' },
      ...base().slice(3),
    ];
    const without = (extra: SwiftField): SwiftField[] => [
      ...base().slice(0, 3),
      extra,
      ...base().slice(3),
    ];
    for (const extra of [
      { tag: '33B', value: 'EUR50,00' },
      { tag: '71D', value: 'DISCREPANCY FEE EUR 75,00' },
      { tag: '73A', value: 'INTEREST EUR 50,00' },
    ]) {
      expect(errorRules(withTotal(extra))).toEqual([]);
      expect(validateTextBlock(MT750_SPEC, without(extra), 'strict').errors).toEqual([
        {
          rule: 'rule.C1',
          tag: extra.tag,
          message: 'If field 33B, 71D or 73A is present, field 34B must also be present',
        },
      ]);
    }
  });

  it('C2: 32B and 34B in the same currency', () => {
    const fields = (total: string): SwiftField[] => [
      ...base().slice(0, 3),
      { tag: '34B', value: total },
      ...base().slice(3),
    ];
    expect(errorRules(fields('EUR248650,00'))).toEqual([]);
    expect(errorRules(fields('USD248650,00'))).toEqual(['rule.C2']);
  });

  it('checks 77J as 70 lines of 50 Z characters, and the references T26', () => {
    expect(errorRules([...base().slice(0, 3), { tag: '77J', value: 'X'.repeat(51) }])).toEqual([
      'field.width',
    ]);
    expect(
      errorRules([...base().slice(0, 3), { tag: '77J', value: Array(71).fill('X').join('\n') }]),
    ).toEqual(['field.lines']);
    expect(errorRules([{ tag: '20', value: 'NEG//1' }, ...base().slice(1)])).toEqual(['rule.T26']);
    expect(
      errorRules([base()[0] as SwiftField, { tag: '21', value: '/LC1' }, ...base().slice(2)]),
    ).toEqual(['rule.T26']);
  });
});

describe('readMt750 / writeMt750', () => {
  it('reads the Prowide sample exactly', () => {
    const advice = readMt750(
      parseSwiftMessage(fixture('prowide-core_MT750_SwiftMessageUtilsTest.txt'), {
        mode: 'lenient',
      }),
    );
    expect(advice).toEqual({
      sendersReference: 'FOO',
      relatedReference: 'BAR',
      principalAmount: money(100000n, 'USD'),
      additionalAmount: money(20000n, 'USD'),
      totalAmount: money(120000n, 'USD'),
      fields: [
        { tag: '20', value: 'FOO', line: 2 },
        { tag: '21', value: 'BAR', line: 3 },
        { tag: '32B', value: 'USD1000,', line: 4 },
        { tag: '33B', value: 'USD200,', line: 5 },
        { tag: '34B', value: 'USD1200,', line: 6 },
      ],
      issues: [],
    });
  });

  it('writes, builds, parses and reads back a full advice; long discrepancies wrap at 50', () => {
    const input: Mt750Input = {
      sendersReference: 'NEG25-0091',
      relatedReference: 'CBF25LC0004417',
      principalAmount: money(24865000n, 'EUR'),
      additionalAmount: money(5000n, 'EUR'),
      chargesDeducted: 'DISCREPANCY FEE EUR 75,00',
      chargesAdded: 'INTEREST EUR 50,00',
      totalAmount: money(24870000n, 'EUR'),
      accountWithBank: { bic: 'SCBLBDDXXXX' },
      senderToReceiverInformation: '/PHONBEN/',
      discrepancies: ['1. LATE SHIPMENT', '2. INVOICE EXCEEDS CREDIT AMOUNT'],
    };
    const written = writeMt750(input, HEADERS);
    expect(written.fields.map((field) => field.tag)).toEqual([
      '20',
      '21',
      '32B',
      '33B',
      '71D',
      '73A',
      '34B',
      '57A',
      '72Z',
      '77J',
    ]);
    const parsed = parseSwiftMessage(buildSwiftMessage(written));
    expect(parsed.errors).toEqual([]);
    const { fields: _fields, issues, ...model } = readMt750(parsed);
    expect(issues).toEqual([]);
    expect(model).toEqual(input);

    const long =
      'THE BILL OF LADING SHOWS A SHIPMENT DATE AFTER THE LATEST SHIPMENT DATE OF THE CREDIT';
    const wrapped = writeMt750({ ...input, discrepancies: [long] }, HEADERS);
    const value = wrapped.fields.find((field) => field.tag === '77J')?.value ?? '';
    expect(value.split('\n').every((line) => line.length <= 50)).toBe(true);
    expect(value.replaceAll('\n', ' ')).toBe(long);
  });

  it('refuses an advice whose total is missing or in another currency', () => {
    const input: Mt750Input = {
      sendersReference: 'NEG25-0091',
      relatedReference: 'CBF25LC0004417',
      principalAmount: money(24865000n, 'EUR'),
      additionalAmount: money(5000n, 'EUR'),
      discrepancies: ['LATE SHIPMENT'],
    };
    expect(() => writeMt750(input)).toThrow(ValidationError);
    expect(() => writeMt750({ ...input, totalAmount: money(24870000n, 'USD') })).toThrow(
      ValidationError,
    );
    expect(writeMt750({ ...input, totalAmount: money(24870000n, 'EUR') }).type).toBe('750');
  });

  it('round-trips generated valid advices (property)', () => {
    fc.assert(
      fc.property(arbitraryMt750Input, (input) => {
        const written = writeMt750(input, HEADERS);
        const parsed = parseSwiftMessage(buildSwiftMessage(written));
        expect(parsed.errors).toEqual([]);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.fields.map(({ tag, value }) => ({ tag, value }))).toEqual(written.fields);
        const { fields: _fields, issues, ...model } = readMt750(parsed);
        expect(issues).toEqual([]);
        expect(model).toEqual(input);
      }),
      { numRuns: 200 },
    );
  });
});
