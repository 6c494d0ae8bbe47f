import type { BillingGuard } from '@tollgate/billing';
import type { customs } from '@tollgate/connectors/customs';
import { IdempotencyConflictError } from '@tollgate/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SessionStore } from '../sessions/session-store.js';
import type { SubmissionStore } from '../submissions/submission-store.js';
import type { AppEnv } from '../types.js';
import { billedPartnerCall } from './billed-partner-call.js';
import { readJsonBody } from './input.js';
import { integrationClient, visibleSession } from './integration-support.js';

/** The operation a customs declaration bills. */
export const CUSTOMS_SUBMISSION = 'customs.submission';

/** A connected `customs` client (`customs.connect(…)` or `connectSandbox(customs, …)`). */
export type CustomsClient = ReturnType<(typeof customs)['connect']>;

/** What the customs integration route needs. */
export interface CustomsRoutesOptions {
  guard: BillingGuard;
  sessions: SessionStore;
  /** Where the lodged declaration is recorded, so the gateway's status callbacks reach it. */
  submissions: SubmissionStore;
  clock: () => Date;
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

/** The answer of `POST /integrations/customs/:integrationId/submit`. */
interface CustomsSubmission {
  declaration_id: string;
  reference: string;
  declarant_reference: string;
  session_id: string;
  status: string;
  submitted_at: string;
  country_code: string;
  declaration_type: string;
  billing_recorded: true;
}

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
 * `customs.submission` is billed once per `idempotency_key`, at the tier of
 * the caller's role; a refused or failed submission is voided (nothing billed).
 */
export function customsRoutes(options: CustomsRoutesOptions): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/integrations/customs/:integrationId/submit', async (c) => {
    const principal = c.get('principal');
    const integrationId = c.req.param('integrationId');
    const client = integrationClient(options.integrations, integrationId, 'customs');
    const body = await readJsonBody(c, submitBody, 'declaration');
    const session = await visibleSession(options.sessions, body.session_id, principal.tenantId);
    const declarantReference = declarantReferenceFor(session.id);

    const request = requestFingerprint(integrationId, body);
    // Recorded before anything is billed or sent, so that the charge never exists without it;
    // the gateway's status callbacks update it. A failed lodging leaves it pending: the
    // caller may try again with the same key.
    const { submission, created } = await options.submissions.open(
      {
        tenantId: principal.tenantId,
        kind: 'customs',
        integrationId,
        sessionId: session.id,
        idempotencyKey: body.idempotency_key,
        request: { fingerprint: request },
      },
      options.clock(),
    );
    if (!created && submission.request.fingerprint !== request) {
      throw new IdempotencyConflictError(
        'This idempotency_key was already used for a different declaration.',
      );
    }
    const { answer, eventId } = await billedPartnerCall(c, {
      guard: options.guard,
      operation: CUSTOMS_SUBMISSION,
      kind: 'customs-submit',
      partner: 'customs gateway',
      what: 'declaration',
      integrationId,
      sessionId: session.id,
      idempotencyKey: body.idempotency_key,
      request,
      metadata: { declarant_reference: declarantReference },
      call: async (partnerKey): Promise<CustomsSubmission> => {
        const declaration = await client.operations.submitDeclaration(
          {
            countryCode: body.country_code,
            declarationType: body.declaration_type,
            declarantReference,
            customsOffice: body.customs_office,
            commodityCodes: body.commodity_codes,
          },
          { idempotencyKey: partnerKey },
        );
        return {
          declaration_id: declaration.declarationId,
          reference: declaration.reference,
          declarant_reference: declarantReference,
          session_id: session.id,
          status: declaration.status,
          submitted_at: declaration.submittedAt,
          country_code: declaration.countryCode,
          declaration_type: declaration.declarationType,
          billing_recorded: true,
        };
      },
      reference: (answer) => answer.declaration_id,
    });
    const recorded =
      submission.status === 'pending'
        ? await options.submissions.markSubmitted(
            submission.id,
            {
              externalReference: answer.declaration_id,
              statusCode: answer.status,
              billingEventId: eventId,
            },
            options.clock(),
          )
        : submission;
    return c.json({ ...answer, submission_id: recorded?.id ?? submission.id }, 201);
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
