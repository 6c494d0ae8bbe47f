import { describeIssues, ValidationError, type ValidationIssue } from '@tollgate/core';
import type { z } from 'zod';

/** The ValidationIssue code of a zod issue: ours from `params.code`, `unknown_model`, or zod's own. */
function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') return issue.params.code;
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'model') return 'unknown_model';
  return issue.code;
}

/**
 * Turn a zod error from one of the billing schemas into `ValidationIssue`s,
 * every one of them, with our stable codes where we have one (see
 * `PRICING_ISSUE_CODES`). Like core's `issuesFromZod`, never echoes a value.
 */
export function issuesFromSchemaError(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    code: issueCode(issue),
    message: issue.message,
  }));
}

/**
 * Parse `input` with `schema`, or throw one `ValidationError` listing every
 * issue; `what` names the input in the message (`'price book config'`).
 */
export function validateInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = issuesFromSchemaError(result.error);
  const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
  throw new ValidationError(`Invalid ${what} (${count}): ${describeIssues('', issues)}`, issues);
}
