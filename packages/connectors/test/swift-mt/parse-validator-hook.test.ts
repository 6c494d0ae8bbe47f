import { describe, expect, it, vi } from 'vitest';
import type { SwiftField, SwiftParseMode } from '../../src/swift-mt/index.js';

// The MT tables are another module's job: stand in a validator to prove the parser calls it and merges its findings.
const validator = vi.fn((fields: readonly SwiftField[], mode: SwiftParseMode) => ({
  errors:
    mode === 'strict'
      ? [{ rule: 'field.mandatory', message: 'field 31C is missing', tag: '31C' }]
      : [],
  warnings: [
    { rule: 'field.format', message: `checked ${fields.length} fields`, tag: '20', line: 2 },
  ],
}));
vi.mock('../../src/swift-mt/mt/index.js', () => ({
  textBlockValidator: (type: string) => (type === '700' ? validator : undefined),
}));

const { parseSwiftMessage } = await import('../../src/swift-mt/index.js');

const MT700 = '{1:F01AAAAUS33AXXX0000000000}{2:I700BBBBUS33XXXXN}{4:\r\n:20:REF\r\n:21:\r\n-}';

describe('parseSwiftMessage runs the MT validator when the type has one', () => {
  it('merges the validator findings after the structural ones, in the mode asked for', () => {
    const strict = parseSwiftMessage(MT700);
    expect(validator).toHaveBeenLastCalledWith(strict.fields, 'strict');
    expect(strict.errors.map((issue) => issue.rule)).toEqual(['field.empty', 'field.mandatory']);
    expect(strict.warnings.map((issue) => issue.message)).toEqual(['checked 2 fields']);

    const lenient = parseSwiftMessage(MT700, { mode: 'lenient' });
    expect(validator).toHaveBeenLastCalledWith(lenient.fields, 'lenient');
    expect(lenient.errors).toEqual([]);
    expect(lenient.warnings.map((issue) => issue.rule)).toEqual(['field.empty', 'field.format']);
  });

  it('skips validation with validate: false, for types without a table, and when the type is unknown', () => {
    validator.mockClear();
    parseSwiftMessage(MT700, { validate: false });
    parseSwiftMessage(MT700.replace('I700', 'I799'));
    parseSwiftMessage(':20:REF\r\n:21:X');
    expect(validator).not.toHaveBeenCalled();
    parseSwiftMessage(':20:REF\r\n:21:X', { type: '700' });
    expect(validator).toHaveBeenCalledTimes(1);
  });
});
