import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSwiftMessage,
  parseSwiftMessage,
  readMt700,
  type SwiftBlocks,
  writeMt700,
} from '../../src/swift-mt/index.js';
import { arbitraryMt700Input } from './mt700-arbitraries.js';

const HEADERS: SwiftBlocks = {
  applicationHeader: {
    direction: 'I',
    messageType: '700',
    receiverAddress: 'SCBLBDDXAXXX',
    priority: 'N',
  },
};

describe('MT700 round trip (property)', () => {
  it('write → build → parse gives no issue, the same fields, and reads back the input', () => {
    fc.assert(
      fc.property(arbitraryMt700Input, (input) => {
        const written = writeMt700(input, HEADERS);
        const parsed = parseSwiftMessage(buildSwiftMessage(written));
        expect(parsed.errors).toEqual([]);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.fields.map(({ tag, value }) => ({ tag, value }))).toEqual(written.fields);
        const { fields: _fields, issues, ...model } = readMt700(parsed);
        expect(issues).toEqual([]);
        expect(model).toEqual(input);
      }),
      { numRuns: 300 },
    );
  });

  it('lenient parsing of a generated message also has no warning', () => {
    fc.assert(
      fc.property(arbitraryMt700Input, (input) => {
        const parsed = parseSwiftMessage(buildSwiftMessage(writeMt700(input, HEADERS)), {
          mode: 'lenient',
        });
        expect(parsed.warnings).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
