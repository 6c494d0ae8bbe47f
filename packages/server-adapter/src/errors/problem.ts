import { isTollgateError, type ProblemDetails, TollgateError } from '@tollgate/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The server's own problem codes (core's `ERROR_CODES` cover the rest), with
 * their HTTP status and title. Stable: clients may switch on them.
 */
export const SERVER_PROBLEM_CODES = {
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  unknown_reference: { status: 409, title: 'Unknown reference' },
} as const;

/** One of {@link SERVER_PROBLEM_CODES}. */
export type ServerProblemCode = keyof typeof SERVER_PROBLEM_CODES;

/** An HTTP-level error of the server (404, 413, 415 …), rendered like every `TollgateError`. */
export class ServerProblem extends TollgateError {
  constructor(code: ServerProblemCode, message: string, details?: Record<string, unknown>) {
    super(code, message, { status: SERVER_PROBLEM_CODES[code].status, details: details ?? {} });
    this.name = 'ServerProblem';
  }

  override toProblem(instance?: string): ProblemDetails {
    const problem = super.toProblem(instance);
    problem.title = SERVER_PROBLEM_CODES[this.code as ServerProblemCode].title;
    return problem;
  }
}

/**
 * Turn anything thrown into a `TollgateError`. Unknown errors become a bare
 * `internal_error`: their message may hold internals, so it is never echoed.
 */
export function toTollgateError(error: unknown): TollgateError {
  if (isTollgateError(error)) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413)
      return new ServerProblem('payload_too_large', 'The body is too large.');
    if (error.status === 404) return new ServerProblem('not_found', 'No such resource.');
    return new TollgateError('internal_error', 'The request could not be handled.', {
      status: error.status,
    });
  }
  return new TollgateError('internal_error', 'An unexpected error occurred.');
}

/** Answer `error` as `application/problem+json`, with the request path as `instance`. */
export function problemResponse(c: Context, error: unknown): Response {
  const problem = toTollgateError(error).toProblem(c.req.path);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
  });
}
