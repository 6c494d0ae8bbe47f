import { UpstreamError } from '@tollgate/core';
import type { z } from 'zod';

/** Where a carrier call happened, for the errors it becomes. */
export interface CarrierCallSite {
  connectorId: string;
  operation: string;
}

/** A carrier's own error code and message, read from its error body. */
export interface CarrierErrorDetail {
  code?: string | undefined;
  message?: string | undefined;
}

/** Reads a carrier's error body (already parsed JSON) into its code and message. */
export type CarrierErrorReader = (body: unknown) => CarrierErrorDetail | undefined;

const MAX_MESSAGE = 300;

/**
 * Parse a carrier's answer with the schema of what the connector reads from
 * it. An answer of another shape is an `UpstreamError` (502, not retryable)
 * naming the fields that are wrong, never a `TypeError` deeper down.
 */
export function parseCarrierResponse<S extends z.ZodType>(
  schema: S,
  data: unknown,
  site: CarrierCallSite,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields = [
    ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)')),
  ].slice(0, 8);
  throw new UpstreamError(
    `${site.connectorId} answered ${site.operation} with a body of an unexpected shape (${fields.join(', ')})`,
    { ...site, status: 502, retryable: false, cause: parsed.error },
  );
}

/**
 * Run a carrier call; when it fails with an `UpstreamError` whose body is the
 * carrier's error document, rethrow it with the carrier's code and message
 * in the error (`details.carrier_error_code`, `details.carrier_message`).
 * The body was redacted by the transport before it reached here.
 */
export async function withCarrierErrors<T>(
  call: () => Promise<T>,
  read: CarrierErrorReader,
  site: CarrierCallSite,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explainCarrierError(error, read, site);
  }
}

/** {@link withCarrierErrors}'s mapping of one error (others are returned unchanged). */
export function explainCarrierError(
  error: unknown,
  read: CarrierErrorReader,
  site: CarrierCallSite,
): unknown {
  if (!(error instanceof UpstreamError) || error.body === undefined) return error;
  let json: unknown;
  try {
    json = JSON.parse(error.body);
  } catch {
    return error;
  }
  const detail = read(json);
  if (detail === undefined || (detail.code === undefined && detail.message === undefined)) {
    return error;
  }
  const text = [detail.code, detail.message].filter(Boolean).join(': ').slice(0, MAX_MESSAGE);
  const status = error.upstreamStatus === undefined ? '' : `HTTP ${error.upstreamStatus} `;
  return new UpstreamError(`${site.connectorId} refused ${site.operation}: ${status}${text}`, {
    ...site,
    status: error.status,
    retryable: error.retryable,
    ...(error.upstreamStatus === undefined ? {} : { upstreamStatus: error.upstreamStatus }),
    body: error.body,
    cause: error,
    details: {
      ...(detail.code === undefined ? {} : { carrier_error_code: detail.code }),
      ...(detail.message === undefined
        ? {}
        : { carrier_message: detail.message.slice(0, MAX_MESSAGE) }),
    },
  });
}

/**
 * A carrier error's code and message as {@link CarrierErrorReader} returns
 * them: only the parts that were found, `undefined` when neither was.
 */
export function carrierErrorDetail(
  code: string | undefined,
  message: string | undefined,
): CarrierErrorDetail | undefined {
  if (code === undefined && message === undefined) return undefined;
  return {
    ...(code === undefined ? {} : { code }),
    ...(message === undefined ? {} : { message }),
  };
}

/** A string field of an unknown JSON value, if it is one. */
export function stringAt(value: unknown, ...path: Array<string | number>): string | undefined {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  if (typeof current === 'string') return current;
  if (typeof current === 'number') return String(current);
  return undefined;
}
