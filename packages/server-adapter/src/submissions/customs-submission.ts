import { integrationClient } from '../routes/integration-support.js';
import { attemptSubmission, type SubmissionAttemptDeps } from './submission-attempt.js';
import type { Submission } from './submission-store.js';

/** The operation a customs declaration bills. */
export const CUSTOMS_SUBMISSION = 'customs.submission';

/** What a customs declaration sends, kept with the submission so a retry sends the same. */
export interface CustomsSubmissionRequest {
  /** The session declared (its LRN is `declarantReference`). */
  sessionId: string;
  countryCode: 'BD' | 'IN' | 'US' | 'AE' | 'SA' | 'EU';
  declarationType: 'import' | 'export';
  commodityCodes: string[];
  customsOffice: string;
  /** The Local Reference Number the declaration is lodged under. */
  declarantReference: string;
  /** The pricing tier: the caller's role. */
  tier: string;
  /** The quote a bank caller consented to (`Tollgate-Accept-Charge`), if any. */
  consent: string | null;
  actor: { id: string; role: string };
  /** What a replay of the idempotency key must repeat exactly. */
  fingerprint: string;
}

/** The answer of `POST /integrations/customs/:integrationId/submit` (with `submission_id`). */
export interface CustomsSubmission {
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

/** The part of a connected `customs` client a declaration uses. */
export interface CustomsGatewayClient {
  operations: {
    submitDeclaration(
      input: {
        countryCode: CustomsSubmissionRequest['countryCode'];
        declarationType: CustomsSubmissionRequest['declarationType'];
        declarantReference: string;
        customsOffice: string;
        commodityCodes: string[];
      },
      options: { idempotencyKey: string },
    ): Promise<{
      declarationId: string;
      reference: string;
      status: string;
      submittedAt: string;
      countryCode: string;
      declarationType: string;
    }>;
  };
}

/** What {@link attemptCustomsSubmission} works with. */
export interface CustomsSubmissionDeps extends SubmissionAttemptDeps {
  clients: Record<string, CustomsGatewayClient>;
}

/**
 * Make one call of a customs declaration (the shared `attemptSubmission`):
 * `customs.submission` is authorized at the caller's tier and the gateway
 * lodges the declaration (`submitDeclaration`); the submission records the
 * declaration id and status, which the gateway's callbacks then update.
 */
export function attemptCustomsSubmission(
  deps: CustomsSubmissionDeps,
  submission: Submission,
  options: { retrying?: boolean } = {},
): Promise<{ answer: CustomsSubmission; replayed: boolean }> {
  return attemptSubmission<CustomsSubmission>(
    deps,
    submission,
    () => {
      const request = submission.request as unknown as CustomsSubmissionRequest;
      const client = integrationClient(deps.clients, submission.integrationId, 'customs');
      return {
        operation: CUSTOMS_SUBMISSION,
        tier: request.tier,
        ledgerKind: 'customs-submit',
        partnerKind: 'customs-submit',
        partner: 'customs gateway',
        what: 'declaration',
        consent: request.consent,
        actor: request.actor,
        fingerprint: request.fingerprint,
        metadata: {
          integration_id: submission.integrationId,
          declarant_reference: request.declarantReference,
        },
        send: async (partnerKey) => {
          const declaration = await client.operations.submitDeclaration(
            {
              countryCode: request.countryCode,
              declarationType: request.declarationType,
              declarantReference: request.declarantReference,
              customsOffice: request.customsOffice,
              commodityCodes: request.commodityCodes,
            },
            { idempotencyKey: partnerKey },
          );
          return {
            declaration_id: declaration.declarationId,
            reference: declaration.reference,
            declarant_reference: request.declarantReference,
            session_id: request.sessionId,
            status: declaration.status,
            submitted_at: declaration.submittedAt,
            country_code: declaration.countryCode,
            declaration_type: declaration.declarationType,
            billing_recorded: true,
          };
        },
        submitted: (answer) => ({
          externalReference: answer.declaration_id,
          statusCode: answer.status,
        }),
      };
    },
    options,
  );
}
