import type { SwiftField, SwiftIssue, SwiftParseMode } from './types.js';

/**
 * How a message type's text block is described: its fields in order, each
 * with its SWIFT format, and the network rules between fields. The tables in
 * `mt/` follow SWIFT's Standards Release (SR2018+) field definitions.
 *
 * Formats use SWIFT's notation, lines separated by `\n`:
 * `n` digits, `a` upper-case letters, `c` upper-case alphanumerics,
 * `d` decimal with a comma (`1234,56`; the length counts the comma),
 * `x` the X character set, `z` the Z character set, `h` hex, `e` a space;
 * `3!a` exactly 3, `15d` up to 15, `4*35x` up to 4 lines of up to 35,
 * `[...]` optional; any other character (`/`, `//`, `:`) is literal.
 * Examples: 32B `3!a15d`; 31D `6!n29x`; 39A `2n/2n`; 48 `3n[/35x]`;
 * 45A `100*65z`; 41A `4!a2!a2!c[3!c]\n14x`.
 */
export interface FieldSpec {
  /**
   * The tag without option (`32`) plus the option letter, or lower-case `a`
   * when several options are allowed (`41a`, `42a`), listed in `options`.
   */
  tag: string;
  /** SWIFT's field name (`Currency Code, Amount`). */
  name: string;
  /** The format, when the field has no options. */
  format?: string;
  /** Option letter → format, when the field has options (`{ A: '...', D: '...' }`). */
  options?: Readonly<Record<string, string>>;
  /** `M` or `O` in SWIFT's tables. */
  mandatory: boolean;
  /** May appear more than once. */
  repeatable?: boolean;
  /** Allowed values (codes) of the whole value or of its first line, e.g. 40A. */
  codes?: readonly string[];
}

/** A network validated rule (`C1`, `C2`, …) across fields. */
export interface NetworkRule {
  /** SWIFT's rule id for the MT (`C1`) or the error code (`D05`). */
  id: string;
  /** What the rule says, in one sentence. */
  description: string;
  /** The fields that break the rule, as issues (empty when it holds). */
  check(fields: readonly SwiftField[]): SwiftIssue[];
}

/** A message type's description. */
export interface MtSpec {
  /** `'700'`. */
  type: string;
  /** `Issue of a Documentary Credit`. */
  name: string;
  fields: readonly FieldSpec[];
  rules: readonly NetworkRule[];
}

/** Validates a text block against its MT's table; both modes return all findings, sorted into errors and warnings. */
export type TextBlockValidator = (
  fields: readonly SwiftField[],
  mode: SwiftParseMode,
) => { errors: SwiftIssue[]; warnings: SwiftIssue[] };
