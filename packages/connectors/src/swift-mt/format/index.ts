/**
 * The SWIFT field format engine: compile a format string once (`3!a15d`,
 * `[/34x]\n4*35x`, `100*65z`) and check values against it with precise issues
 * (`field.format`, `field.charset`, `field.lines`, `field.width`).
 */
export {
  CLASS_CHARACTERS,
  type FormatClass,
  type SwiftCharset,
} from './charsets.js';
export { checkFormat, type FieldLocation, type FormatRule } from './check.js';
export { type CompiledFormat, type CompiledPart, compileFormat, matchesFormat } from './compile.js';
export {
  type FormatBlock,
  type FormatComponent,
  type FormatElement,
  type FormatLine,
  type FormatLiteral,
  FormatNotationError,
  type FormatOptional,
  type FormatPart,
  parseFormatNotation,
} from './notation.js';
