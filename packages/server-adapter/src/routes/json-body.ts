import { issuesFromZod, ValidationError } from '@tollgate/core';
import type { Context } from 'hono';
import type { z } from 'zod';

/**
 * Read a JSON body and check it with `schema`: an unreadable body or a zod
 * failure is a 400 `validation_failed` problem listing the issues.
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (cause) {
    throw new ValidationError(
      `The ${what} is not readable JSON.`,
      [{ path: [], code: 'malformed_json', message: 'The body cannot be parsed as JSON.' }],
      { cause },
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ValidationError(`The ${what} is invalid.`, issuesFromZod(parsed.error));
  }
  return parsed.data;
}
