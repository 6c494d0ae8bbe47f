import { describe, expect, it } from 'vitest';
import { parseSwiftMessage } from '../../src/swift-mt/index.js';
import { fullMt700 } from './fixtures/index.js';

const textBlockOf = (text: string) => text.slice(text.indexOf('{4:'), text.indexOf('-}') + 2);
const fieldLinesOf = (text: string) => textBlockOf(text).slice('{4:\r\n'.length, -'\r\n-}'.length);

describe('a bare text block (what partners and uploads often send)', () => {
  const full = parseSwiftMessage(fullMt700(), { validate: false });
  const fieldsWithoutLines = full.fields.map(({ tag, value }) => ({ tag, value }));
  const withoutLines = (fields: typeof full.fields) =>
    fields.map(({ tag, value }) => ({ tag, value }));

  it('reads :tag: lines alone; the type comes from options.type', () => {
    const message = parseSwiftMessage(fieldLinesOf(fullMt700()), { type: '700', validate: false });
    expect(message.type).toBe('700');
    expect(message.blocks).toEqual({});
    expect(withoutLines(message.fields)).toEqual(fieldsWithoutLines);
    expect(message.fields[0]).toEqual({ tag: '27', value: '1/1', line: 1 });
    expect(message.errors).toEqual([]);
    expect(message.warnings).toEqual([]);
  });

  it("reads :tag: lines ending with '-' or '-}', in LF, with a trailing newline; type '' without the option", () => {
    for (const ending of ['\r\n-', '\r\n-}', '\r\n-}\r\n', '\r\n\r\n']) {
      const text = `${fieldLinesOf(fullMt700())}${ending}`;
      const message = parseSwiftMessage(text.replaceAll('\r\n', '\n'), { validate: false });
      expect(message.type).toBe('');
      expect(withoutLines(message.fields)).toEqual(fieldsWithoutLines);
      expect(message.errors).toEqual([]);
    }
  });

  it('reads {4:…-} alone, with the lines of the input', () => {
    const message = parseSwiftMessage(`\r\n${textBlockOf(fullMt700())}\r\n`, {
      type: '700',
      validate: false,
    });
    expect(message.type).toBe('700');
    expect(message.fields).toEqual(
      full.fields.map((field) => ({ ...field, line: (field.line as number) + 1 })),
    );
    expect(message.errors).toEqual([]);
  });

  it("keeps the last line's trailing spaces; drops trailing blank lines", () => {
    const message = parseSwiftMessage(':20:REF\n:79:LAST LINE  \n \n\n', { validate: false });
    expect(message.fields.at(-1)).toEqual({ tag: '79', value: 'LAST LINE  ', line: 2 });
  });

  it('block 2 wins over options.type', () => {
    expect(parseSwiftMessage(fullMt700(), { type: '707', validate: false }).type).toBe('700');
  });
});
