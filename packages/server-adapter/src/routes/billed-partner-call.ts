import type { BillingGuard } from '@tollgate/billing';
import type { Context } from 'hono';
import type { AppEnv } from '../types.js';
import {
  consentOf,
  partnerError,
  partnerIdempotencyKey,
  replayedAnswer,
} from './integration-support.js';

/** One paid call to a partner, as {@link billedPartnerCall} runs it. */
export interface BilledPartnerCallSpec<A extends object> {
  guard: BillingGuard;
  /** The billable operation (`logistics.quote` …). */
  operation: string;
  /** The kind of call: scopes the ledger key (`<kind>:<key>`) and the partner's key. */
  kind: string;
  /** How errors name the partner (`carrier`, `FX provider` …). */
  partner: string;
  /** How a 409 names the request (`quote request`, `declaration` …). */
  what: string;
  integrationId: string;
  sessionId?: string;
  /** The caller's `idempotency_key`. */
  idempotencyKey: string;
  /** What a replay of the key must repeat exactly (the guard's fingerprint covers session, payer, price). */
  request: string;
  /** More metadata for the billing event. */
  metadata?: Record<string, unknown>;
  /** Call the partner with its idempotency key (scoped by tenant); the answer as the API returns it. */
  call: (partnerKey: string) => Promise<A>;
  /** The billing event's reference (the partner's id of what it did). */
  reference: (answer: A) => string;
}

/**
 * Run a paid partner call through the billing guard, as every billed partner
 * route does: authorized at the tier of the caller's role (a bank consents with
 * `Tollgate-Accept-Charge`), the partner called with a key scoped by tenant,
 * its failures mapped by `partnerError` (the charge is voided), the answer kept
 * in the committed event; the same key replays that answer (header
 * `Tollgate-Idempotent-Replayed: true`, nothing called or billed again) and a
 * key reused for another request is a 409.
 */
export async function billedPartnerCall<A extends object>(
  c: Context<AppEnv>,
  spec: BilledPartnerCallSpec<A>,
): Promise<{ answer: A; eventId: string; replayed: boolean }> {
  const principal = c.get('principal');
  const outcome = await spec.guard.run(
    {
      tenantId: principal.tenantId,
      actor: { id: principal.prefix, role: principal.role },
      ...(spec.sessionId === undefined ? {} : { sessionId: spec.sessionId }),
      operation: spec.operation,
      tier: principal.role,
      ...consentOf(c),
      idempotencyKey: `${spec.kind}:${spec.idempotencyKey}`,
      metadata: { integration_id: spec.integrationId, ...spec.metadata, request: spec.request },
    },
    async () => {
      try {
        return await spec.call(
          partnerIdempotencyKey(principal.tenantId, spec.kind, spec.idempotencyKey),
        );
      } catch (error) {
        throw partnerError(error, spec.partner);
      }
    },
    {
      commit: (answer) => ({
        reference: spec.reference(answer),
        metadata: { answer: { ...answer } },
      }),
    },
  );
  if (!outcome.replayed)
    return { answer: outcome.result, eventId: outcome.event.id, replayed: false };
  c.header('Tollgate-Idempotent-Replayed', 'true');
  return {
    answer: replayedAnswer<A>(outcome.event, spec.request, spec.what),
    eventId: outcome.event.id,
    replayed: true,
  };
}
