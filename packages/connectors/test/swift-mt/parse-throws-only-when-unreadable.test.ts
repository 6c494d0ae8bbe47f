import { isTollgateError, ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import {
  isSwiftParseError,
  parseSwiftMessage,
  SWIFT_PARSE_ERROR_CODE,
  SwiftParseError,
} from '../../src/swift-mt/index.js';

const B1 = '{1:F01AAAAUS33AXXX0000000000}';
const B2 = '{2:I700BBBBUS33XXXXN}';

function thrown(run: () => unknown): SwiftParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof SwiftParseError) return error;
    throw error;
  }
  throw new Error('expected a SwiftParseError');
}

describe('parseSwiftMessage throws SwiftParseError only when nothing sensible can be read', () => {
  it.each([
    ['a number', 700, 'input.type'],
    ['null', null, 'input.type'],
    ['undefined', undefined, 'input.type'],
    ['an object', { text: ':20:REF' }, 'input.type'],
    ['an empty string', '', 'input.empty'],
    ['only whitespace', ' \r\n\t\r\n', 'input.empty'],
    ['prose', 'Dear Sir, please find our LC attached.', 'block.missing'],
    ['headers without a text block', `${B1}${B2}`, 'block.missing'],
    ['lines starting with : but no field', ':NOTE: nothing here\r\n:X:', 'block.missing'],
    [
      'a block 3 that never closes',
      `${B1}${B2}{3:{108:MUR}{4:\r\n:20:REF\r\n-}`,
      'block.unbalanced',
    ],
    ['a braced block 4 that never closes', `${B1}{4:{177:2503101012}`, 'block.unbalanced'],
  ])('%s → %s', (_, input, rule) => {
    const error = thrown(() => parseSwiftMessage(input as string));
    expect(error.code).toBe(SWIFT_PARSE_ERROR_CODE);
    expect(error.code).toBe('swift_parse_error');
    expect(error.status).toBe(400);
    expect(error.issues.map((issue) => issue.rule)).toEqual([rule]);
    expect(isTollgateError(error)).toBe(true);
    expect(isSwiftParseError(error)).toBe(true);
    expect(error.toProblem()).toMatchObject({
      type: 'https://tollgate.dev/problems/swift_parse_error',
      status: 400,
      code: 'swift_parse_error',
      issues: error.issues,
    });
  });

  it('never puts the input in the message, the issues or the problem document', () => {
    const secret = 'ACCOUNT-0123456789-SECRET';
    for (const input of [
      `${secret} ${secret}`,
      `${B1}${B2}{3:{108:${secret}}{4:\r\n:20:${secret}`,
    ]) {
      const error = thrown(() => parseSwiftMessage(input));
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error.toProblem())).not.toContain(secret);
      expect(JSON.stringify(error.toJSON())).not.toContain(secret);
    }
  });

  it('does not throw in lenient mode for what a bank could have sent', () => {
    const text = `junk${B1}{2:I700BBBB}{3:108}{4::20:REF\r\n:21:\r\n{5:{CHK:1}`;
    const message = parseSwiftMessage(text, { mode: 'lenient', validate: false });
    expect(message.type).toBe('700');
    expect(message.errors).toEqual([]);
    expect(message.warnings.map((issue) => issue.rule)).toEqual([
      'text.outside-blocks',
      'block2.format',
      'block3.format',
      'block4.start',
      'field.empty',
      'block4.terminator',
      'block.unbalanced',
    ]);
    expect(message.fields).toEqual([
      { tag: '20', value: 'REF', line: 1 },
      { tag: '21', value: '', line: 2 },
    ]);
  });

  it('rejects an unknown mode with a ValidationError', () => {
    expect(() => parseSwiftMessage(':20:REF', { mode: 'loose' as 'strict' })).toThrow(
      ValidationError,
    );
  });
});
