import { issuesFromZod, ValidationError } from '@tollgate/core';
import type { Context } from 'hono';
import type { z } from 'zod';

/** Check `value` with `schema`: a failure is a 400 `validation_failed` problem listing every issue. */
function checkInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ValidationError(`The ${what} is invalid.`, issuesFromZod(parsed.error));
  }
  return parsed.data;
}

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
  return checkInput(schema, body, what);
}

/** Check a request's query parameters with `schema` (400 `validation_failed` when they do not fit). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S, what: string): z.output<S> {
  return checkInput(schema, c.req.query(), what);
}
