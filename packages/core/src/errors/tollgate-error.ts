import { ERROR_CODES, type ErrorCode, PROBLEM_TYPE_BASE } from './codes.js';

/** Options shared by every {@link TollgateError} constructor. */
export interface TollgateErrorOptions {
  /** The HTTP status a server should answer with; defaults to the code's status. */
  status?: number;
  /** Whether repeating the same call later may succeed. */
  retryable?: boolean;
  /** The connector the error happened in, if any. */
  connectorId?: string;
  /** The connector operation the error happened in, if any. */
  operation?: string;
  /** The underlying error. */
  cause?: unknown;
  /** Extra, non-secret members for the problem document. */
  details?: Record<string, unknown>;
}

/** RFC 9457 problem details, as rendered by {@link TollgateError.toProblem}. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  [extension: string]: unknown;
}

/**
 * The root of every error Tollgate throws. It carries a stable string `code`,
 * the HTTP `status` a server should answer with, whether the call is
 * `retryable`, and where it happened (`connectorId`, `operation`).
 *
 * Messages never contain credentials: errors are built from redacted data.
 */
export class TollgateError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;
  /** HTTP status a server should answer with. */
  readonly status: number;
  /** Whether repeating the call later may succeed. */
  readonly retryable: boolean;
  /** Connector the error happened in, if any. */
  readonly connectorId: string | undefined;
  /** Connector operation the error happened in, if any. */
  readonly operation: string | undefined;
  /** Extra, non-secret members rendered into the problem document. */
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode | (string & {}),
    message: string,
    options: TollgateErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status =
      options.status ?? (ERROR_CODES as Record<string, { status: number }>)[code]?.status ?? 500;
    this.retryable = options.retryable ?? false;
    this.connectorId = options.connectorId;
    this.operation = options.operation;
    this.details = options.details ?? {};
  }

  /** Render the error as RFC 9457 `application/problem+json` details. */
  toProblem(instance?: string): ProblemDetails {
    const known = (ERROR_CODES as Record<string, { title: string }>)[this.code];
    const problem: ProblemDetails = {
      type: `${PROBLEM_TYPE_BASE}${this.code}`,
      title: known?.title ?? this.name,
      status: this.status,
      detail: this.message,
      code: this.code,
      ...this.details,
    };
    if (instance !== undefined) problem.instance = instance;
    if (this.connectorId !== undefined) problem.connector = this.connectorId;
    if (this.operation !== undefined) problem.operation = this.operation;
    return problem;
  }

  /** A JSON form for logs: no stack, no cause chain, no secrets. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      retryable: this.retryable,
      connectorId: this.connectorId,
      operation: this.operation,
      ...this.details,
    };
  }
}

/** True when `value` is a {@link TollgateError} (also across package copies). */
export function isTollgateError(value: unknown): value is TollgateError {
  return (
    value instanceof TollgateError ||
    (value instanceof Error &&
      typeof (value as { code?: unknown }).code === 'string' &&
      typeof (value as { toProblem?: unknown }).toProblem === 'function')
  );
}
