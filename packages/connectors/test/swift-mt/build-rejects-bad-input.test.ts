import { ValidationError } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { buildSwiftMessage, type SwiftMessageInput } from '../../src/swift-mt/index.js';

const valid: SwiftMessageInput = {
  type: '700',
  blocks: {
    basicHeader: {
      applicationId: 'F',
      serviceId: '01',
      logicalTerminal: 'AAAAUS33AXXX',
      sessionNumber: '0000',
      sequenceNumber: '000000',
    },
    applicationHeader: {
      direction: 'I',
      messageType: '700',
      receiverAddress: 'BBBBUS33XXXX',
      priority: 'N',
    },
  },
  fields: [{ tag: '20', value: 'REF' }],
};

function problemsOf(message: SwiftMessageInput): Array<{ path: unknown; code: string }> {
  try {
    buildSwiftMessage(message);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ path, code }) => ({ path, code }));
  }
  throw new Error('expected a ValidationError');
}

describe('buildSwiftMessage refuses what would not be a valid FIN message', () => {
  it('builds the valid message', () => {
    expect(buildSwiftMessage(valid)).toBe(
      '{1:F01AAAAUS33AXXX0000000000}{2:I700BBBBUS33XXXXN}{4:\r\n:20:REF\r\n-}',
    );
  });

  it.each([
    ['a tag with three digits', { tag: '201', value: 'X' }, ['fields', 0, 'tag']],
    ['a lower-case option', { tag: '32b', value: 'X' }, ['fields', 0, 'tag']],
    [
      'a value line that starts a field',
      { tag: '45A', value: 'GOODS\n:20:NOT A FIELD' },
      ['fields', 0, 'value'],
    ],
    [
      'a value line that ends the block',
      { tag: '45A', value: 'GOODS\n-}' },
      ['fields', 0, 'value'],
    ],
    ['a lone carriage return', { tag: '45A', value: 'GOODS\rMORE' }, ['fields', 0, 'value']],
  ])('%s', (_, field, path) => {
    expect(problemsOf({ ...valid, fields: [field] })).toEqual([
      { path, code: expect.stringMatching(/^swift_build\./) },
    ]);
  });

  it('no fields, bad headers, a type that contradicts block 2, braces in block 3/5', () => {
    const problems = problemsOf({
      type: '707',
      blocks: {
        basicHeader: {
          ...(valid.blocks.basicHeader as NonNullable<SwiftMessageInput['blocks']['basicHeader']>),
          logicalTerminal: 'SHORT',
        },
        applicationHeader: {
          direction: 'I',
          messageType: '700',
          receiverAddress: 'BBBBUS33XXXX',
          priority: 'X',
        },
        userHeader: [{ tag: '108', value: 'A}B' }],
        trailer: [{ tag: 'CHECK', value: '1' }],
      },
      fields: [],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      ['blocks', 'basicHeader'],
      ['blocks', 'applicationHeader'],
      ['type'],
      ['blocks', 'userHeader', 0, 'value'],
      ['fields'],
      ['blocks', 'trailer', 0, 'tag'],
    ]);
  });

  it('accepts a value whose first line looks like a tag or -} (only later lines start a line)', () => {
    expect(buildSwiftMessage({ ...valid, fields: [{ tag: '79', value: ':20:X\nOK' }] })).toContain(
      ':79::20:X\r\nOK\r\n-}',
    );
  });

  it('rejects an unknown line ending', () => {
    expect(() => buildSwiftMessage(valid, { lineEnding: '\r' as '\n' })).toThrow(ValidationError);
  });
});
