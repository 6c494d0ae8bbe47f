import { createHash } from 'node:crypto';
import type { BillingEvent } from '@tollgate/billing';
import {
  AuthError,
  IdempotencyConflictError,
  isTollgateError,
  type Money,
  moneyToJSON,
  UpstreamError,
} from '@tollgate/core';
import { ServerProblem } from '../errors/problem.js';
import type { SessionAccess, SessionStore } from '../sessions/session-store.js';

/** Money as the HTTP API answers it: minor units as a digit string. */
export interface MoneyJson {
  amount: string;
  currency: string;
}

/** `Money` (bigint minor units) as {@link MoneyJson}. */
export function moneyJson(value: Money): MoneyJson {
  const json = moneyToJSON(value);
  return { amount: json.amount, currency: json.currency };
}

/**
 * The idempotency key sent to a partner for a caller's `idempotency_key`:
 * every tenant shares the server's partner accounts, so the caller's key is
 * scoped by tenant and kind of call (`tg-` + 32 hex digits of a SHA-256), and
 * two tenants using the same key never see each other's result.
 */
export function partnerIdempotencyKey(tenantId: string, kind: string, key: string): string {
  const digest = createHash('sha256').update(`${tenantId}\u0000${kind}\u0000${key}`).digest('hex');
  return `tg-${digest.slice(0, 32)}`;
}

/** The header a payer repeats its call with to consent to a 402's quote: `Tollgate-Accept-Charge: <quote_id>`. */
export const ACCEPT_CHARGE_HEADER = 'Tollgate-Accept-Charge';

/** The consent a request carries (`Tollgate-Accept-Charge`), as the guard takes it. */
export function consentOf(c: { req: { header(name: string): string | undefined } }): {
  consent?: string;
} {
  const consent = c.req.header(ACCEPT_CHARGE_HEADER);
  return consent === undefined ? {} : { consent };
}

/** The client registered under `integrationId`, or a 404 naming the kind of integration. */
export function integrationClient<T>(
  clients: Record<string, T>,
  integrationId: string,
  kind: string,
): T {
  const client = Object.hasOwn(clients, integrationId) ? clients[integrationId] : undefined;
  if (client === undefined) throw new ServerProblem('not_found', `No such ${kind} integration.`);
  return client;
}

/** The session's id and owner, when it belongs to the caller's tenant or was shared with it; else a 404. */
export async function visibleSession(
  sessions: SessionStore,
  sessionId: string,
  tenantId: string,
): Promise<SessionAccess> {
  const session = await sessions.visible(sessionId, tenantId);
  if (session === undefined) throw new ServerProblem('not_found', 'No such session.');
  return session;
}

/**
 * A partner's failure as the server answers it: the connector's own problems
 * pass through (400 refused input, 404, 429, 501, 502, 504), except a refusal
 * of the server's own partner credentials, which is the upstream's fault (502),
 * not the caller's (401). Anything untyped is a 502 too.
 */
export function partnerError(error: unknown, partner: string): unknown {
  if (error instanceof AuthError) {
    return new UpstreamError(`The ${partner} refused the server’s credentials.`, {
      cause: error,
      // Trying again with the same credentials cannot help.
      retryable: false,
    });
  }
  if (isTollgateError(error)) return error;
  return new UpstreamError(`The ${partner} could not be reached.`, { cause: error });
}

/**
 * The answer of the committed call, from its billing event: the same
 * idempotency key with another request is a 409.
 */
export function replayedAnswer<T>(event: BillingEvent, request: string, what: string): T {
  if (event.metadata.request !== request) {
    throw new IdempotencyConflictError(
      `This idempotency_key was already used for a different ${what}.`,
    );
  }
  return event.metadata.answer as T;
}
