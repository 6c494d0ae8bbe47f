import type { customs } from '@tollgate/connectors/customs';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SessionStore } from '../sessions/session-store.js';
import {
  attemptCustomsSubmission,
  CUSTOMS_SUBMISSION,
  type CustomsSubmissionDeps,
  type CustomsSubmissionRequest,
} from '../submissions/customs-submission.js';
import type { AppEnv } from '../types.js';
import { readJsonBody } from './input.js';
import { ACCEPT_CHARGE_HEADER, integrationClient, visibleSession } from './integration-support.js';
import { runSubmission, submissionResponse } from './submission-flow.js';

export { CUSTOMS_SUBMISSION };

/** A connected `customs` client (`customs.connect(…)` or `connectSandbox(customs, …)`). */
export type CustomsClient = ReturnType<(typeof customs)['connect']>;

/** What the customs integration route needs. */
export interface CustomsRoutesOptions extends Omit<CustomsSubmissionDeps, 'clients'> {
  sessions: SessionStore;
  /** Customs gateway clients by integration id (the `:integrationId` of the route). */
  integrations: Record<string, CustomsClient>;
}

/** Longest Local Reference Number (UCC DE 2/5, an..22). */
const MAX_LRN_LENGTH = 22;
/** What every LRN the server derives starts with. */
const LRN_PREFIX = 'TG';

export const submitBody = z.strictObject({
  session_id: z.string().min(1).max(256),
  country_code: z.enum(['BD', 'IN', 'US', 'AE', 'SA', 'EU']),
  declaration_type: z.enum(['import', 'export']),
  commodity_codes: z.array(z.string().trim().min(1).max(20)).min(1).max(999),
  customs_office: z.string().trim().min(1).max(17),
  idempotency_key: z.string().min(1).max(200),
});

type SubmitBody = z.output<typeof submitBody>;

/**
 * The Local Reference Number the server declares a session under: `TG`
 * followed by the first 20 letters and digits of the session id, upper-cased
 * (a UUID session gives `TG` + 20 hex digits, 22 characters). It is the same
 * for every declaration of a session, so customs can tie them together.
 */
export function declarantReferenceFor(sessionId: string): string {
  const characters = sessionId.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return `${LRN_PREFIX}${characters}`.slice(0, MAX_LRN_LENGTH);
}

/**
 * `POST /integrations/customs/:integrationId/submit`: the customs gateway
 * registered under `integrationId` lodges a declaration for a session the
 * caller can see (`submitDeclaration`, idempotency key = `idempotency_key`).
 * The declaration is recorded as a submission before anything is billed or
 * sent; `customs.submission` is billed once per `idempotency_key`, at the tier
 * of the caller's role (a bank consents with `Tollgate-Accept-Charge`). A
 * failed lodging is voided (nothing billed) and, when the failure is worth
 * another try (the gateway down, slow or rate-limited), retried by the
 * submission retry worker; the answer is then a 502 naming the submission and
 * its `next_retry_at`, and the same key answers its state (202) meanwhile.
 */
export function customsRoutes(options: CustomsRoutesOptions): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/integrations/customs/:integrationId/submit', async (c) => {
    const principal = c.get('principal');
    const integrationId = c.req.param('integrationId');
    integrationClient(options.integrations, integrationId, 'customs');
    const body = await readJsonBody(c, submitBody, 'declaration');
    const session = await visibleSession(options.sessions, body.session_id, principal.tenantId);
    const request: CustomsSubmissionRequest = {
      sessionId: session.id,
      countryCode: body.country_code,
      declarationType: body.declaration_type,
      commodityCodes: body.commodity_codes,
      customsOffice: body.customs_office,
      declarantReference: declarantReferenceFor(session.id),
      tier: principal.role,
      consent: c.req.header(ACCEPT_CHARGE_HEADER) ?? null,
      actor: { id: principal.prefix, role: principal.role },
      fingerprint: requestFingerprint(integrationId, body),
    };
    const outcome = await runSubmission({
      submissions: options.submissions,
      clock: options.clock,
      tenantId: principal.tenantId,
      kind: 'customs',
      integrationId,
      sessionId: session.id,
      idempotencyKey: body.idempotency_key,
      request,
      what: 'declaration',
      attempt: (submission) =>
        attemptCustomsSubmission({ ...options, clients: options.integrations }, submission),
    });
    return submissionResponse(c, outcome, (answer, submission) => ({
      ...answer,
      submission_id: submission.id,
    }));
  });
}

/** What a replay must repeat exactly (the guard's own fingerprint covers session, payer and price). */
function requestFingerprint(integrationId: string, body: SubmitBody): string {
  return JSON.stringify([
    integrationId,
    body.country_code,
    body.declaration_type,
    body.commodity_codes,
    body.customs_office,
  ]);
}
