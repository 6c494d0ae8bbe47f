/**
 * The generic text-block validator: checks the fields of a message against
 * an {@link MtSpec} (tags, presence, repetition, order, options, formats,
 * codes) and then the MT's network rules.
 */
import { explainFormat } from '../format/check.js';
import { type CompiledFormat, compileFormat } from '../format/compile.js';
import { type ValueMatcher, valueMatcher } from '../format/fast-match.js';
import type { FieldSpec, MtSpec } from '../spec-types.js';
import type { SwiftField, SwiftIssue, SwiftParseMode } from '../types.js';
import { TAG_KEYS, tagKey } from './field-index.js';
import { withFieldIndex } from './network-rules.js';

/**
 * The rule ids the validator reports itself, with what they mean. Network
 * rules add `rule.<id>` (`rule.C1`, `rule.T26`, …) and usage rules
 * `usage.<tag>`; both are described by the MT's table.
 */
export const TEXT_BLOCK_RULES = {
  'field.unknown': 'A tag that the message type does not have.',
  'field.option':
    'A known field number with an option letter the message type does not allow (e.g. 50K in MT700).',
  'field.mandatory': 'A mandatory field is missing.',
  'field.repeated': 'A field that may appear once appears again.',
  'field.order': 'A field is out of the order of the table (a warning in both modes).',
  'field.format': 'The value does not match the field format; the message names the line and part.',
  'field.charset': 'A character outside the field character set (X, Y or Z).',
  'field.lines': 'More lines than the format allows.',
  'field.width': 'A line longer than the format allows.',
  'field.code': 'The value is not one of the codes the field allows.',
} as const satisfies Record<string, string>;

/** A concrete tag of a table (`41A`): its field spec, compiled once with what the checks need. */
interface TagEntry {
  spec: FieldSpec;
  /** The position of the field in the table. */
  position: number;
  format: CompiledFormat;
  matches: ValueMatcher;
  /** `41A/41D`: how the field is named in messages. */
  described: string;
  codesList: string | undefined;
}

/** A table compiled for validation: built once per {@link MtSpec}. */
interface CompiledSpec {
  /** The entry of each concrete tag, by {@link tagKey}. */
  byKey: ReadonlyArray<TagEntry | undefined>;
  /** The entries of tags without a key (not `\d\d[A-Z]?`: only in tables made outside this package). */
  byOtherTag: ReadonlyMap<string, TagEntry>;
  /** Field numbers (`41`) with at least one tag in the table. */
  numbers: ReadonlySet<string>;
  /** The `field.mandatory` issue of each table position whose field is mandatory. */
  mandatory: ReadonlyArray<{ position: number; tag: string; message: string }>;
}

const compiledSpecs = new WeakMap<MtSpec, CompiledSpec>();

function compiledSpecOf(spec: MtSpec): CompiledSpec {
  let compiled = compiledSpecs.get(spec);
  if (compiled !== undefined) return compiled;
  const byKey = new Array<TagEntry | undefined>(TAG_KEYS).fill(undefined);
  const byOtherTag = new Map<string, TagEntry>();
  const numbers = new Set<string>();
  const mandatory: Array<{ position: number; tag: string; message: string }> = [];
  spec.fields.forEach((field, position) => {
    const number = field.tag.slice(0, 2);
    numbers.add(number);
    const described = describeTag(field);
    const formats: Array<[string, string]> =
      field.options !== undefined
        ? Object.entries(field.options).map(([letter, format]) => [`${number}${letter}`, format])
        : field.format !== undefined
          ? [[field.tag, field.format]]
          : [];
    for (const [tag, source] of formats) {
      const format = compileFormat(source);
      const entry: TagEntry = {
        spec: field,
        position,
        format,
        matches: valueMatcher(format),
        described,
        codesList: field.codes?.join(', '),
      };
      const key = tagKey(tag);
      if (key === -1) byOtherTag.set(tag, entry);
      else byKey[key] = entry;
    }
    if (field.mandatory) {
      mandatory.push({
        position,
        tag: field.tag,
        message: `Mandatory field ${described} (${field.name}) is missing`,
      });
    }
  });
  compiled = { byKey, byOtherTag, numbers, mandatory };
  compiledSpecs.set(spec, compiled);
  return compiled;
}

function fieldIssue(
  rule: keyof typeof TEXT_BLOCK_RULES,
  message: string,
  field: SwiftField,
): SwiftIssue {
  const issue: SwiftIssue = { rule, message, tag: field.tag };
  if (field.line !== undefined) issue.line = field.line;
  return issue;
}

/**
 * True when `value` is one of `codes`: the whole value, its first line, or
 * the part of the first line before a `/` (`OTHR/…`).
 */
function valueHasCode(value: string, codes: readonly string[]): boolean {
  if (codes.includes(value)) return true;
  const newline = value.indexOf('\n');
  const first = newline < 0 ? value : value.slice(0, newline);
  if (newline >= 0 && codes.includes(first)) return true;
  const slash = first.indexOf('/');
  return slash > 0 && codes.includes(first.slice(0, slash));
}

function describeTag(spec: FieldSpec): string {
  if (spec.options === undefined) return spec.tag;
  return Object.keys(spec.options)
    .map((letter) => `${spec.tag.slice(0, 2)}${letter}`)
    .join('/');
}

/** Issues that are advisories in both modes: usage rules (`usage.…`, also as `rule.usage.…`) and field order. */
function isAdvisory(rule: string): boolean {
  return rule === 'field.order' || rule.startsWith('usage.') || rule.startsWith('rule.usage.');
}

/**
 * Validate a text block against an MT table. Every finding is reported in
 * both modes: strict puts violations in `errors`, lenient in `warnings`;
 * advisories (field order, usage rules) are always warnings.
 */
export function validateTextBlock(
  spec: MtSpec,
  fields: readonly SwiftField[],
  mode: SwiftParseMode,
): { errors: SwiftIssue[]; warnings: SwiftIssue[] } {
  const { byKey, byOtherTag, numbers, mandatory } = compiledSpecOf(spec);
  const errors: SwiftIssue[] = [];
  const warnings: SwiftIssue[] = [];
  const violations = mode === 'lenient' ? warnings : errors;
  const counts = new Array<number>(spec.fields.length).fill(0);
  const keys = new Array<number>(fields.length);
  let highest = -1;

  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as SwiftField;
    const key = tagKey(field.tag);
    keys[i] = key;
    const entry = key === -1 ? byOtherTag.get(field.tag) : byKey[key];
    if (entry === undefined) {
      violations.push(
        numbers.has(field.tag.slice(0, 2))
          ? fieldIssue(
              'field.option',
              `Field ${field.tag}: MT${spec.type} does not allow this option`,
              field,
            )
          : fieldIssue('field.unknown', `Field ${field.tag} is not part of MT${spec.type}`, field),
      );
      continue;
    }
    const position = entry.position;
    const count = ++(counts[position] as number);
    if (count > 1 && !entry.spec.repeatable) {
      violations.push(
        fieldIssue(
          'field.repeated',
          `Field ${entry.described} may appear only once in MT${spec.type}`,
          field,
        ),
      );
    }
    if (position < highest) {
      warnings.push(
        fieldIssue(
          'field.order',
          `Field ${field.tag} comes after a field that follows it in the MT${spec.type} table`,
          field,
        ),
      );
    } else highest = position;
    if (!entry.matches(field.value)) {
      for (const issue of explainFormat(entry.format, field.value, field)) violations.push(issue);
    } else if (entry.spec.codes !== undefined && !valueHasCode(field.value, entry.spec.codes)) {
      violations.push(
        fieldIssue('field.code', `Field ${field.tag} must be one of: ${entry.codesList}`, field),
      );
    }
  }

  for (const { position, tag, message } of mandatory) {
    if (counts[position] === 0) violations.push({ rule: 'field.mandatory', tag, message });
  }

  withFieldIndex(
    fields,
    () => {
      for (const rule of spec.rules) {
        for (const issue of rule.check(fields)) {
          (mode === 'lenient' || isAdvisory(issue.rule) ? warnings : errors).push(issue);
        }
      }
    },
    keys,
  );
  return { errors, warnings };
}
