import { describe, expect, it } from 'vitest';
import { parseSwiftMessage } from '../../src/swift-mt/index.js';
import { fullMt700, PUBLIC_SAMPLES, readFixture, toCrlf, toLf } from './fixtures/index.js';

const samples = [...Object.values(PUBLIC_SAMPLES).map(readFixture), fullMt700()];

describe('CRLF and LF give the same message', () => {
  it.each(samples.map((text, index) => [index, text] as const))(
    'sample %i: CRLF, LF and a trailing newline parse alike (fields, lines, blocks)',
    (_, text) => {
      const crlf = parseSwiftMessage(toCrlf(text).trimEnd(), { validate: false });
      const lf = parseSwiftMessage(toLf(text).trimEnd(), { validate: false });
      const crlfWithNewline = parseSwiftMessage(`${toCrlf(text).trimEnd()}\r\n`, {
        validate: false,
      });
      const lfWithNewlines = parseSwiftMessage(`${toLf(text).trimEnd()}\n\n`, { validate: false });
      expect(lf).toEqual(crlf);
      expect(crlfWithNewline).toEqual(crlf);
      expect(lfWithNewlines).toEqual(crlf);
      expect(crlf.errors).toEqual([]);
      expect(crlf.warnings).toEqual([]);
      for (const field of crlf.fields) expect(field.value).not.toContain('\r');
    },
  );

  it('reports the same issue lines for CRLF and LF', () => {
    const text =
      '{1:F01AAAAUS33AXXX0000000000}{2:I700BBBBUS33XXXXN}{4:\n:20:REF\n:21:\n:32B:EUR1,\n';
    const lf = parseSwiftMessage(text, { validate: false });
    const crlf = parseSwiftMessage(toCrlf(text), { validate: false });
    expect(lf.errors).toEqual([
      { rule: 'field.empty', message: 'field 21 is empty', tag: '21', line: 3 },
      {
        rule: 'block4.terminator',
        message: 'the text block does not end with a line break and -}',
        line: 4,
      },
    ]);
    expect(crlf.errors).toEqual(lf.errors);
    expect(crlf.fields).toEqual(lf.fields);
  });

  it('tolerates leading whitespace and a byte order mark', () => {
    const text = fullMt700();
    const plain = parseSwiftMessage(text, { validate: false });
    const padded = parseSwiftMessage(`\uFEFF${text}`, { validate: false });
    expect(padded.fields).toEqual(plain.fields);
    expect(padded.errors).toEqual([]);
    expect(padded.warnings).toEqual([]);
  });
});
