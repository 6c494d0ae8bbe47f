import type { z } from 'zod';
import {
  describeIssues,
  issuesFromZod,
  ValidationError,
  type ValidationIssue,
} from '../errors/index.js';

/** `util.inspect`'s hook, without importing `node:util`. */
export const INSPECT_CUSTOM = Symbol.for('nodejs.util.inspect.custom');

/**
 * Parse a strategy's options with `schema`, or throw one {@link ValidationError}
 * listing every issue. Messages come from zod 4 (which names types, never the
 * received value) or from the strategy's own checks, so no secret is echoed.
 */
export function parseAuthOptions<S extends z.ZodType>(
  strategy: string,
  schema: S,
  options: unknown,
): z.output<S> {
  const result = schema.safeParse(options);
  if (!result.success) throw invalidAuthOptions(strategy, issuesFromZod(result.error));
  return result.data;
}

/** The {@link ValidationError} for a strategy's invalid options. */
export function invalidAuthOptions(
  strategy: string,
  issues: readonly ValidationIssue[],
): ValidationError {
  return new ValidationError(`Invalid ${strategy} options: ${describeIssues('', issues)}`, issues);
}
