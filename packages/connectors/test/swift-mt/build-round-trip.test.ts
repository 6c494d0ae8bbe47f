import { describe, expect, it } from 'vitest';
import { buildSwiftMessage, parseSwiftMessage, type SwiftField } from '../../src/swift-mt/index.js';
import { fullMt700, PUBLIC_SAMPLES, readFixture, toCrlf } from './fixtures/index.js';

const samples = Object.entries({ ...PUBLIC_SAMPLES, mt700Full: 'mt700-full.fin' }).map(
  ([name, file]) => [name, readFixture(file)] as const,
);
const withoutLines = (fields: readonly SwiftField[]) =>
  fields.map(({ tag, value }) => ({ tag, value }));

describe('build(parse(m)) reproduces m', () => {
  it.each(samples)('%s: the fields, and the whole text as canonical CRLF FIN', (_, text) => {
    const canonical = toCrlf(text).trimEnd();
    const parsed = parseSwiftMessage(text, { validate: false });
    const built = buildSwiftMessage(parsed);
    expect(built).toBe(canonical);
    const reparsed = parseSwiftMessage(built, { validate: false });
    expect(reparsed.fields).toEqual(parseSwiftMessage(canonical, { validate: false }).fields);
    expect(reparsed.blocks).toEqual(parsed.blocks);
    expect(reparsed.type).toBe(parsed.type);
  });

  it.each(samples)('%s: LF output is the LF text', (_, text) => {
    const parsed = parseSwiftMessage(text, { validate: false });
    expect(buildSwiftMessage(parsed, { lineEnding: '\n' })).toBe(
      text.replaceAll('\r\n', '\n').trimEnd(),
    );
  });

  it('the full MT700 file is already canonical: byte for byte', () => {
    const text = fullMt700();
    expect(buildSwiftMessage(parseSwiftMessage(text))).toBe(text);
  });

  it('a lenient parse of a sloppy message builds into canonical FIN with the same fields', () => {
    const sloppy =
      '{1:F01AAAAUS33AXXX0000000000}\n{2:I700BBBBUS33XXXXN}\n{4:\n:20:REF\n:45A:+GOODS\nMORE GOODS\n';
    const parsed = parseSwiftMessage(sloppy, { mode: 'lenient', validate: false });
    expect(parsed.warnings.map((issue) => issue.rule)).toEqual(['block4.terminator']);
    const built = buildSwiftMessage(parsed);
    expect(built).toBe(
      '{1:F01AAAAUS33AXXX0000000000}{2:I700BBBBUS33XXXXN}{4:\r\n:20:REF\r\n:45A:+GOODS\r\nMORE GOODS\r\n-}',
    );
    const strict = parseSwiftMessage(built, { validate: false });
    expect(strict.errors).toEqual([]);
    expect(withoutLines(strict.fields)).toEqual(withoutLines(parsed.fields));
  });

  it('builds a message made in code: only the blocks given, values with \\n or \\r\\n', () => {
    const built = buildSwiftMessage({
      type: '700',
      blocks: {
        applicationHeader: { direction: 'I', messageType: '700', receiverAddress: 'BBBBUS33XXXX' },
        userHeader: [{ tag: '108', value: 'MUR1' }],
      },
      fields: [
        { tag: '20', value: 'REF' },
        { tag: '50', value: 'APPLICANT LTD\r\nSTREET 1\nCITY' },
      ],
    });
    expect(built).toBe(
      '{2:I700BBBBUS33XXXX}{3:{108:MUR1}}{4:\r\n:20:REF\r\n:50:APPLICANT LTD\r\nSTREET 1\r\nCITY\r\n-}',
    );
  });
});
