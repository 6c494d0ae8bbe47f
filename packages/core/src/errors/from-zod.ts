import type { z } from 'zod';
import type { ValidationIssue } from './subclasses.js';

/**
 * Turn zod issues into {@link ValidationIssue}s. Only path, code and zod's
 * message are kept: zod 4 messages name expected and received *types*, never
 * the received value, so a bad secret is not echoed.
 */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    code: issue.code,
    message: issue.message,
  }));
}

/** Render issues as one readable line per issue (`config.region: Invalid option`). */
export function describeIssues(prefix: string, issues: readonly ValidationIssue[]): string {
  return issues
    .map(
      (issue) => `${[prefix, ...issue.path].filter((p) => p !== '').join('.')}: ${issue.message}`,
    )
    .join('; ');
}
