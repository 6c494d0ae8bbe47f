/**
 * `@tollgate/connectors/swift-mt`: parse, validate and build SWIFT MT (FIN)
 * messages — blocks 1–5, the text block's fields in order, strict and
 * lenient modes, and typed models of MT700/707/720/750.
 * @packageDocumentation
 */

export { buildSwiftMessage, type SwiftBuildOptions, type SwiftMessageInput } from './build.js';
export { isSwiftParseError, SWIFT_PARSE_ERROR_CODE, SwiftParseError } from './errors.js';
export {
  type CompiledFormat,
  type CompiledPart,
  checkFormat,
  compileFormat,
  type FieldLocation,
  type FormatBlock,
  type FormatClass,
  type FormatComponent,
  type FormatElement,
  type FormatLine,
  type FormatLiteral,
  type FormatOptional,
  type FormatPart,
  type FormatRule,
  matchesFormat,
  type SwiftCharset,
} from './format/index.js';
export * from './lc-check/index.js';
export * from './mt/index.js';
export { parseSwiftMessage } from './parse.js';
export { SWIFT_PARSE_RULES, type SwiftParseRule } from './rules.js';
export type {
  FieldSpec,
  MtSpec,
  NetworkRule,
  TextBlockValidator,
} from './spec-types.js';
export type {
  SwiftApplicationHeaderInput,
  SwiftApplicationHeaderOutput,
  SwiftBasicHeader,
  SwiftBlocks,
  SwiftField,
  SwiftIssue,
  SwiftMessage,
  SwiftParseMode,
  SwiftParseOptions,
  SwiftTagValue,
} from './types.js';
export { SWIFT_NARRATIVE_LINE_WIDTH, SWIFT_SHORT_LINE_WIDTH, wrapSwiftText } from './wrap.js';
