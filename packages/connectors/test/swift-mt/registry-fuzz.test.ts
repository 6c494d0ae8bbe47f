import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLetterOfCredit,
  mtSpec,
  supportedMessageTypes,
  validateTextBlock,
} from '../../src/swift-mt/index.js';
import type { SwiftField } from '../../src/swift-mt/types.js';
import { mt700Fields, mt700Text } from './mt700-sample.js';

const KNOWN_TAGS = [
  ...new Set(
    supportedMessageTypes().flatMap((type) =>
      (mtSpec(type)?.fields ?? []).flatMap((field) =>
        field.options === undefined
          ? [field.tag]
          : Object.keys(field.options).map((option) => `${field.tag.slice(0, 2)}${option}`),
      ),
    ),
  ),
];

const tag = fc.oneof(fc.constantFrom(...KNOWN_TAGS), fc.stringMatching(/^\d{2}[A-Z]?$/));
const value = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc
    .array(
      fc.string({
        unit: fc.constantFrom('A', '1', ',', '/', ' ', '+', ':', '-', '{', '\n'),
        maxLength: 70,
      }),
      { maxLength: 6 },
    )
    .map((lines) => lines.join('\n')),
);
const field: fc.Arbitrary<SwiftField> = fc.record(
  { tag, value, line: fc.option(fc.nat({ max: 500 }), { nil: undefined }) },
  { requiredKeys: ['tag', 'value'] },
);

describe('validators and LC check under fuzz', () => {
  it('never throw on arbitrary field lists; every issue names a rule and says why', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...supportedMessageTypes()),
        fc.array(field, { maxLength: 40 }),
        fc.constantFrom('strict', 'lenient' as const),
        (type, fields, mode) => {
          const spec = mtSpec(type);
          if (spec === undefined) throw new Error(`no spec for ${type}`);
          const { errors, warnings } = validateTextBlock(spec, fields, mode);
          if (mode === 'lenient') expect(errors).toEqual([]);
          for (const issue of [...errors, ...warnings]) {
            expect(issue.rule).toMatch(/^(field|rule|usage)\./);
            expect(issue.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('checkLetterOfCredit never throws on mutated LCs and keeps ok consistent with its findings', () => {
    const base = mt700Fields();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), value), { maxLength: 4 }),
        (mutations) => {
          const fields = base.map((f) => ({ ...f }));
          for (const [index, replacement] of mutations) {
            const target = fields[index];
            if (target !== undefined) target.value = replacement;
          }
          const result = checkLetterOfCredit(mt700Text(fields), {
            today: new Date('2025-03-20T00:00:00Z'),
            mode: 'lenient',
          });
          expect(result.ok).toBe(!result.findings.some((finding) => finding.severity === 'error'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
