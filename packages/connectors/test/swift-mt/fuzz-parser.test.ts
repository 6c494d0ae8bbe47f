import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseSwiftMessage,
  type SwiftMessage,
  SwiftParseError,
  type SwiftParseMode,
} from '../../src/swift-mt/index.js';
import { fullMt700, PUBLIC_SAMPLES, readFixture, toCrlf } from './fixtures/index.js';

const FIELD_TAG = /^\d\d[A-Z]?$/;
const samples = [...Object.values(PUBLIC_SAMPLES).map(readFixture), fullMt700()];

/** Parse in both modes: each call returns a well-formed message or throws SwiftParseError, nothing else. */
function parsesOrThrowsTyped(text: string): void {
  for (const mode of ['strict', 'lenient'] as SwiftParseMode[]) {
    let message: SwiftMessage;
    try {
      message = parseSwiftMessage(text, { mode });
    } catch (error) {
      if (!(error instanceof SwiftParseError)) throw error;
      expect(error.code).toBe('swift_parse_error');
      expect(error.issues.length).toBeGreaterThan(0);
      expect(error.message.length).toBeLessThan(120);
      continue;
    }
    expect(typeof message.type).toBe('string');
    expect(Array.isArray(message.fields)).toBe(true);
    for (const field of message.fields) {
      expect(field.tag).toMatch(FIELD_TAG);
      expect(typeof field.value).toBe('string');
      expect(field.line).toBeGreaterThanOrEqual(1);
    }
    for (const issue of [...message.errors, ...message.warnings]) {
      expect(typeof issue.rule).toBe('string');
      expect(issue.message.length).toBeLessThan(200);
    }
  }
}

const FRAGMENTS = [
  '{1:',
  '{2:',
  '{3:',
  '{4:',
  '{5:',
  '{S:',
  '{',
  '}',
  '}}',
  '-}',
  '-',
  ':',
  '\r\n',
  '\n',
  '\r',
  ' ',
  ':20:',
  ':32B:',
  '\r\n:20:',
  '\n:45A:',
  '\r\n-}',
  '\n-}',
  '{108:',
  '{CHK:',
  'F01AAAAUS33AXXX0000000000',
  'I700BBBBUS33XXXXN',
  'O7001200970103BANKBEBBAXXX22221234569701031201N',
  'EUR1000,',
  '+GOODS',
  '\uFEFF',
];

const fragments = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

/** A sample with random inserts, deletions and replacements. */
const mutatedSample = fc
  .tuple(
    fc.constantFrom(...samples, ...samples.map(toCrlf)),
    fc.array(
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(12),
        fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })),
        fc.constantFrom('insert', 'delete', 'replace'),
      ),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([sample, edits]) => {
    let text = sample;
    for (const [where, length, piece, kind] of edits) {
      const at = Math.floor(where * text.length);
      if (kind === 'insert') text = text.slice(0, at) + piece + text.slice(at);
      else if (kind === 'delete') text = text.slice(0, at) + text.slice(at + length);
      else text = text.slice(0, at) + piece + text.slice(at + piece.length);
    }
    return text;
  });

describe('fuzz: parseSwiftMessage returns or throws SwiftParseError, never anything else, never hangs', () => {
  it('arbitrary strings (any code point, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) =>
        parsesOrThrowsTyped(text),
      ),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('strings built from FIN fragments', () => {
    fc.assert(
      fc.property(fragments, (text) => parsesOrThrowsTyped(text)),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('random mutations of the sample messages', () => {
    fc.assert(
      fc.property(mutatedSample, (text) => parsesOrThrowsTyped(text)),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('non-string input throws SwiftParseError', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((value) => typeof value !== 'string'),
        (value) => {
          expect(() => parseSwiftMessage(value as string)).toThrow(SwiftParseError);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the parser stays linear on large pathological inputs (1 MB each, well under 2 s)', () => {
    const header = '{1:F01AAAAUS33AXXX0000000000}{2:I700BBBBUS33XXXXN}';
    const inputs = [
      '{'.repeat(1 << 20),
      '}'.repeat(1 << 20),
      `${header}{4:\r\n${':20:X\r\n'.repeat(1 << 17)}-}`,
      `${header}{4:\r\n:20:X\r\n-}${'{X:}\n'.repeat(1 << 18)}`,
      `${header}${'{4:\n:20:X\n'.repeat(1 << 17)}`,
      `${header}{4:\r\n:45A:${'A\r\n'.repeat(1 << 18)}`,
      `${':'.repeat(1 << 20)}`,
      `${'{1:'.repeat(1 << 18)}{4:\n:20:X\n-}`,
      `${header}{3:${'{108:A}'.repeat(1 << 17)}}{4:\n:20:X\n-}`,
      `${header}{4:\n:20:X\n-}${'GARBAGE\n{'.repeat(1 << 17)}`,
    ];
    for (const input of inputs) {
      for (const mode of ['strict', 'lenient'] as SwiftParseMode[]) {
        const started = performance.now();
        try {
          parseSwiftMessage(input, { mode, validate: false });
        } catch (error) {
          expect(error).toBeInstanceOf(SwiftParseError);
        }
        expect(performance.now() - started).toBeLessThan(2000);
      }
    }
  }, 60_000);
});
