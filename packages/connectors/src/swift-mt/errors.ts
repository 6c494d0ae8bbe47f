import { TollgateError } from '@tollgate/core';
import type { SwiftIssue } from './types.js';

/** The stable `code` of {@link SwiftParseError}. */
export const SWIFT_PARSE_ERROR_CODE = 'swift_parse_error';

/**
 * Thrown by `parseSwiftMessage` only when nothing sensible can be read: the
 * input is not a string, is empty, has no text block (block 4) at all, or a
 * header block's braces never close. Every other problem is reported as an
 * issue of the parsed message instead.
 *
 * The message and the issues name rules, tags and lines, never the input text.
 * Over HTTP it renders as a 400 problem with `code: 'swift_parse_error'` and
 * the issues.
 */
export class SwiftParseError extends TollgateError {
  /** Why nothing could be read (rule, message, line). */
  readonly issues: readonly SwiftIssue[];

  constructor(message: string, issues: readonly SwiftIssue[]) {
    super(SWIFT_PARSE_ERROR_CODE, message, { status: 400, details: { issues } });
    this.issues = issues;
  }
}

/** True when `value` is a {@link SwiftParseError} (also across package copies). */
export function isSwiftParseError(value: unknown): value is SwiftParseError {
  return (
    value instanceof SwiftParseError ||
    (value instanceof Error &&
      (value as { code?: unknown }).code === SWIFT_PARSE_ERROR_CODE &&
      Array.isArray((value as { issues?: unknown }).issues))
  );
}
