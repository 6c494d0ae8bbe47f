/**
 * The MT registry and typed models: field tables of MT700, MT707, MT720 and
 * MT750, the generic text-block validator, `readMtXXX` / `writeMtXXX`, and
 * the shared field-value parsers.
 */
import type { MtSpec, TextBlockValidator } from '../spec-types.js';
import { MT700_SPEC } from './mt700-spec.js';
import { MT707_SPEC } from './mt707-spec.js';
import { MT720_SPEC } from './mt720-spec.js';
import { MT750_SPEC } from './mt750-spec.js';
import { validateTextBlock } from './validate.js';

export {
  type AmendmentCharge,
  type ApplicableRules,
  type DateAndPlace,
  formatSwiftAmount,
  formatSwiftDate,
  type PresentationPeriod,
  parseSwiftAmount,
  parseSwiftDate,
  type SequenceOfTotal,
  SWIFT_CENTURY_PIVOT,
  type SwiftAmount,
  type SwiftAmountProblem,
  type Tolerance,
} from './field-values.js';
export { type Mt700, type Mt700Input, readMt700, writeMt700 } from './mt700.js';
export { MT700_SPEC } from './mt700-spec.js';
export { type Mt707, type Mt707Input, readMt707, writeMt707 } from './mt707.js';
export { MT707_SPEC } from './mt707-spec.js';
export {
  type Mt720,
  type Mt720Input,
  readMt720,
  type TransferForm,
  writeMt720,
} from './mt720.js';
export { MT720_SPEC } from './mt720-spec.js';
export { type Mt750, type Mt750Input, readMt750, writeMt750 } from './mt750.js';
export { MT750_SPEC } from './mt750-spec.js';
export {
  type AmendmentCode,
  type NarrativeChange,
  type NarrativeChangeInput,
  splitNarrativeItems,
} from './narrative-values.js';
export type { AvailableWith, BankField, BankFieldInput, PartyLines } from './party-values.js';
export type { MessageHeaders } from './text-block-writer.js';
export { TEXT_BLOCK_RULES, validateTextBlock } from './validate.js';

const SPECS: ReadonlyMap<string, MtSpec> = new Map(
  [MT700_SPEC, MT707_SPEC, MT720_SPEC, MT750_SPEC].map((spec) => [spec.type, spec]),
);

/** The field table of an MT (`'700'`, `'707'`, `'720'`, `'750'`), or `undefined` for a type without one. */
export function mtSpec(type: string): MtSpec | undefined {
  return SPECS.get(type);
}

/** The message types that have a field table, in ascending order. */
export function supportedMessageTypes(): string[] {
  return [...SPECS.keys()].sort();
}

const validators = new Map<string, TextBlockValidator>();

/**
 * The validator of an MT's text block (700, 707, 720, 750), or `undefined`
 * for a type without a table. `parseSwiftMessage` calls it; it checks tags,
 * presence, repetition, order, options, formats, codes and network rules.
 */
export function textBlockValidator(type: string): TextBlockValidator | undefined {
  let validator = validators.get(type);
  if (validator !== undefined) return validator;
  const spec = SPECS.get(type);
  if (spec === undefined) return undefined;
  validator = (fields, mode) => validateTextBlock(spec, fields, mode);
  validators.set(type, validator);
  return validator;
}
