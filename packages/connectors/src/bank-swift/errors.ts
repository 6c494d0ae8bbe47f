import {
  IdempotencyConflictError,
  isTollgateError,
  type TollgateErrorOptions,
  UpstreamError,
  ValidationError,
  type ValidationIssue,
} from '@tollgate/core';
import { type ErrorMessage, errorMessage } from './wire.js';

/**
 * The gateway refused a message (HTTP 400): its FIN payload failed
 * validation, or the request was invalid. A `ValidationError` (code
 * `validation_failed`, a 400 problem over HTTP) whose `issues` carry the
 * gateway's reasons: each issue's `code` is the FIN error code (`T13`,
 * `T12`, …) or the gateway's error code (`AC-400`), its `path` names the
 * field (`['message', '32B']`) when there is one.
 */
export class SwiftMessageRejectedError extends ValidationError {
  /** The gateway's error code (`AC-400`). */
  readonly gatewayCode: string;
  /** The HTTP status the gateway answered with. */
  readonly upstreamStatus: number;

  constructor(
    message: string,
    issues: readonly ValidationIssue[],
    gateway: { code: string; status: number },
    options: TollgateErrorOptions = {},
  ) {
    super(message, issues, {
      ...options,
      details: { ...options.details, gateway_code: gateway.code, upstream_status: gateway.status },
    });
    this.gatewayCode = gateway.code;
    this.upstreamStatus = gateway.status;
  }
}

/** The gateway's `ErrorMessage` in an error's body, if it has one. */
function errorMessageOf(error: UpstreamError): ErrorMessage | undefined {
  if (error.body === undefined) return undefined;
  try {
    const parsed = errorMessage.safeParse(JSON.parse(error.body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function issuesOf(body: ErrorMessage): ValidationIssue[] {
  if (body.errors === undefined || body.errors.length === 0) {
    return [{ path: [], code: body.code, message: body.text }];
  }
  return body.errors.map((finding) => ({
    path: finding.tag === undefined ? ['message'] : ['message', finding.tag],
    code: finding.code,
    message:
      finding.line === undefined ? finding.message : `${finding.message} (line ${finding.line})`,
  }));
}

/**
 * Turn what the gateway answered into the connector's typed errors: a 400
 * becomes a {@link SwiftMessageRejectedError}, a 409 (a `sender_reference`
 * reused for another message) an `IdempotencyConflictError`. Anything else
 * is returned unchanged.
 */
export function toGatewayError(error: unknown): unknown {
  if (!isTollgateError(error) || !(error instanceof UpstreamError)) return error;
  const status = error.upstreamStatus;
  if (status !== 400 && status !== 409) return error;
  const body = errorMessageOf(error);
  const where = {
    ...(error.connectorId === undefined ? {} : { connectorId: error.connectorId }),
    ...(error.operation === undefined ? {} : { operation: error.operation }),
    cause: error,
  };
  if (status === 409) {
    return new IdempotencyConflictError(
      `The gateway refused the submission: ${body?.text ?? 'its reference was already used for another message'}`,
      { ...where, details: { gateway_code: body?.code ?? 'AC-409' } },
    );
  }
  if (body === undefined) return error;
  return new SwiftMessageRejectedError(
    `The gateway rejected the message (${body.code}): ${body.text}`,
    issuesOf(body),
    { code: body.code, status },
    where,
  );
}
