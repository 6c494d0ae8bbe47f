import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSwiftMessage,
  type MtSpec,
  mtSpec,
  parseSwiftMessage,
  supportedMessageTypes,
} from '../../src/swift-mt/index.js';
import type { SwiftField } from '../../src/swift-mt/types.js';
import { arbitraryForFormat } from './format-arbitraries.js';

/** Issues about a field's own format, as opposed to codes and rules between fields. */
const FORMAT_RULES = [
  'field.format',
  'field.charset',
  'field.lines',
  'field.width',
  'field.unknown',
  'field.option',
];

/** Every field of a table (each option of a family in turn) valued from its format. */
function allFields(spec: MtSpec): fc.Arbitrary<SwiftField[]> {
  return fc.tuple(
    ...spec.fields.map((field) => {
      const choices = field.options
        ? Object.entries(field.options).map(([letter, format]) => ({
            tag: `${field.tag.slice(0, 2)}${letter}`,
            format,
          }))
        : [{ tag: field.tag, format: field.format ?? '' }];
      return fc.constantFrom(...choices).chain(({ tag, format }) =>
        arbitraryForFormat(format, { finSafe: true, maxBlockLines: 8 }).map((value) => ({
          tag,
          value,
        })),
      );
    }),
  );
}

describe('table formats with the format engine, builder and parser', () => {
  it.each(supportedMessageTypes())(
    'MT%s: every field valued from its table format builds, parses back unchanged and passes its format checks',
    (type) => {
      fc.assert(
        fc.property(allFields(mtSpec(type) as MtSpec), (fields) => {
          const text = buildSwiftMessage({ type, blocks: {}, fields });
          const parsed = parseSwiftMessage(text, { mode: 'lenient', type });

          expect(parsed.fields.map(({ tag, value }) => ({ tag, value }))).toEqual(fields);
          const formatIssues = [...parsed.errors, ...parsed.warnings].filter((issue) =>
            FORMAT_RULES.includes(issue.rule),
          );
          expect(formatIssues).toEqual([]);
        }),
        { numRuns: 60 },
      );
    },
  );
});
