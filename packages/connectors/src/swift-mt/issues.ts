import type { SwiftParseRule } from './rules.js';
import type { SwiftIssue, SwiftParseMode } from './types.js';

/**
 * Collects the parser's structural issues: errors in strict mode, warnings in
 * lenient mode (where the message can still be read). Internal.
 */
export class IssueCollector {
  readonly errors: SwiftIssue[] = [];
  readonly warnings: SwiftIssue[] = [];
  readonly #violations: SwiftIssue[];

  constructor(mode: SwiftParseMode) {
    this.#violations = mode === 'strict' ? this.errors : this.warnings;
  }

  /** A mark to {@link rollback} to. */
  mark(): [number, number] {
    return [this.errors.length, this.warnings.length];
  }

  /** Forget the issues recorded since `mark` (a pass that is redone). */
  rollback([errors, warnings]: [number, number]): void {
    this.errors.length = errors;
    this.warnings.length = warnings;
  }

  /** Record a violation of `rule`; `tag` only for field issues. */
  violation(rule: SwiftParseRule, message: string, line: number, tag?: string): void {
    this.#violations.push(
      tag === undefined ? { rule, message, line } : { rule, message, tag, line },
    );
  }
}

/**
 * 1-based line numbers of offsets in one text. Counting resumes from the
 * last offset asked for, so reporting issues in text order stays linear
 * however many there are. Internal.
 */
export class LineIndex {
  readonly #text: string;
  #position = 0;
  #line = 1;
  /** The first line break at or after `#position`, or -1. */
  #nextBreak: number;

  constructor(text: string) {
    this.#text = text;
    this.#nextBreak = text.indexOf('\n');
  }

  /** The 1-based line of offset `position`. */
  at(position: number): number {
    if (position < this.#position) {
      this.#position = 0;
      this.#line = 1;
      this.#nextBreak = this.#text.indexOf('\n');
    }
    while (this.#nextBreak !== -1 && this.#nextBreak < position) {
      this.#line++;
      this.#nextBreak = this.#text.indexOf('\n', this.#nextBreak + 1);
    }
    this.#position = position;
    return this.#line;
  }
}
