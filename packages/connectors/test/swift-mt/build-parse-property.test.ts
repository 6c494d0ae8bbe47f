import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSwiftMessage,
  parseSwiftMessage,
  type SwiftApplicationHeaderInput,
  type SwiftApplicationHeaderOutput,
  type SwiftBlocks,
  type SwiftField,
} from '../../src/swift-mt/index.js';

/** SWIFT's X character set (CR and LF aside). */
const X_CHARSET = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...`/-?:().,'+ `,
];
const DIGITS = [...'0123456789'];
const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const UPPER_ALNUM = [...UPPER, ...DIGITS];
const FIELD_START = /^:\d\d[A-Z]?:/;

const chars = (alphabet: string[], length: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });

/** A value line of up to 65 X characters that FIN would not read as a new field. */
const valueLine = fc
  .string({ unit: fc.constantFrom(...X_CHARSET), maxLength: 65 })
  .filter((line) => !FIELD_START.test(line));

const field: fc.Arbitrary<SwiftField> = fc.record({
  tag: fc
    .tuple(chars(DIGITS, 2), fc.option(fc.constantFrom(...UPPER), { nil: undefined }))
    .map(([digits, option]) => digits + (option ?? '')),
  value: fc.array(valueLine, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n')),
});

const basicHeader = fc.record({
  applicationId: fc.constantFrom('F', 'A', 'L'),
  serviceId: chars(DIGITS, 2),
  logicalTerminal: chars(UPPER_ALNUM, 12),
  sessionNumber: chars(DIGITS, 4),
  sequenceNumber: chars(DIGITS, 6),
});

const inputHeader: fc.Arbitrary<SwiftApplicationHeaderInput> = fc
  .tuple(
    chars(DIGITS, 3),
    chars(UPPER_ALNUM, 12),
    fc.constantFrom('S', 'U', 'N'),
    fc.constantFrom('1', '2', '3'),
    chars(DIGITS, 3),
    fc.nat(3),
  )
  .map(
    ([
      messageType,
      receiverAddress,
      priority,
      deliveryMonitoring,
      obsolescencePeriod,
      optional,
    ]) => ({
      direction: 'I' as const,
      messageType,
      receiverAddress,
      ...(optional >= 1 ? { priority } : {}),
      ...(optional >= 2 ? { deliveryMonitoring } : {}),
      ...(optional >= 3 ? { obsolescencePeriod } : {}),
    }),
  );

const outputHeader: fc.Arbitrary<SwiftApplicationHeaderOutput> = fc
  .tuple(
    chars(DIGITS, 3),
    chars(DIGITS, 4),
    fc
      .tuple(chars(DIGITS, 6), chars(UPPER_ALNUM, 12), chars(DIGITS, 10))
      .map((parts) => parts.join('')),
    chars(DIGITS, 6),
    chars(DIGITS, 4),
    fc.option(fc.constantFrom('S', 'U', 'N'), { nil: undefined }),
  )
  .map(([messageType, inputTime, messageInputReference, outputDate, outputTime, priority]) => ({
    direction: 'O' as const,
    messageType,
    inputTime,
    messageInputReference,
    outputDate,
    outputTime,
    ...(priority === undefined ? {} : { priority }),
  }));

/** Block 3/5 pairs: tags of 1–3 upper-case alphanumerics, values of printable ASCII without braces. */
const tagList = fc.array(
  fc.record({
    tag: fc.string({ unit: fc.constantFrom(...UPPER_ALNUM), minLength: 1, maxLength: 3 }),
    value: fc
      .string({ unit: 'grapheme-ascii', maxLength: 40 })
      .map((value) => value.replace(/[{}\r\n]/g, '')),
  }),
  { maxLength: 4 },
);

const blocks: fc.Arbitrary<SwiftBlocks> = fc.record(
  {
    basicHeader,
    applicationHeader: fc.oneof(inputHeader, outputHeader),
    userHeader: tagList,
    trailer: tagList,
  },
  { requiredKeys: [] },
);

const message = fc.record({ blocks, fields: fc.array(field, { minLength: 1, maxLength: 25 }) });

describe('build → parse round trip on generated valid messages', () => {
  it('gives back the blocks, the type and every field exactly, in CRLF and in LF', () => {
    fc.assert(
      fc.property(
        message,
        fc.constantFrom('\r\n' as const, '\n' as const),
        (generated, lineEnding) => {
          const text = buildSwiftMessage(generated, { lineEnding });
          const parsed = parseSwiftMessage(text, { validate: false });

          expect(parsed.blocks).toEqual(generated.blocks);
          expect(parsed.type).toBe(generated.blocks.applicationHeader?.messageType ?? '');
          expect(parsed.fields.map(({ tag, value }) => ({ tag, value }))).toEqual(generated.fields);
          expect(parsed.warnings).toEqual([]);
          expect(parsed.errors).toEqual(
            generated.fields.flatMap((f, index) =>
              f.value === ''
                ? [
                    expect.objectContaining({
                      rule: 'field.empty',
                      tag: f.tag,
                      line: parsed.fields[index]?.line,
                    }),
                  ]
                : [],
            ),
          );

          // Lines: the text block starts on line 1; each field takes its value's lines.
          let line = 2;
          parsed.fields.forEach((parsedField, index) => {
            expect(parsedField.line).toBe(line);
            line += (generated.fields[index] as SwiftField).value.split('\n').length;
          });

          // And the built text is canonical: building the parse gives it back.
          expect(buildSwiftMessage(parsed, { lineEnding })).toBe(text);
        },
      ),
      { numRuns: 400 },
    );
  });
});
