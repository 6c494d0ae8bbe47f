import type { z } from 'zod';
import { describeIssues, issuesFromZod, ValidationError } from '../errors/index.js';

/**
 * Parse `value` with `schema` or throw a {@link ValidationError} listing every
 * issue, prefixed by `what` (`config`, `credentials`, `input`). Values are
 * never echoed: zod 4 messages name types, not received values.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  where: { connectorId?: string; operation?: string } = {},
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue) => ({
    ...issue,
    path: [what, ...issue.path],
  }));
  throw new ValidationError(`Invalid ${what}: ${describeIssues('', issues)}`, issues, where);
}
