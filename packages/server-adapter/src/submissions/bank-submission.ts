import { integrationClient } from '../routes/integration-support.js';
import { attemptSubmission, type SubmissionAttemptDeps } from './submission-attempt.js';
import type { Submission } from './submission-store.js';

/** The operation a bank's validation bills. */
export const BANK_RECHECK = 'bank.recheck';
/** The pricing tier a bank's validation is billed at. */
export const BANK_TIER = 'bank';

/** What a bank submission sends, kept with the submission so a retry sends the same. */
export interface BankSubmissionRequest {
  /** The session's MT700 (FIN text). */
  message: string;
  lcNumber: string;
  senderBic: string;
  receiverBic: string;
  priority: 'normal' | 'urgent';
  /** The quote the bank consented to (`Tollgate-Accept-Charge`). */
  consent: string | null;
  actor: { id: string; role: string };
  /** What a replay of the idempotency key must repeat exactly. */
  fingerprint: string;
}

/** The answer of `POST /integrations/bank/:integrationId/validate`. */
export interface BankValidation {
  id: string;
  external_reference_id: string;
  submission_type: string;
  status_code: string;
  submitted_at: string;
  billing_recorded: true;
}

/** The part of a connected `bankSwift` client a submission uses. */
export interface BankGatewayClient {
  operations: {
    submitLetterOfCredit(
      input: {
        message: string;
        senderBic: string;
        receiverBic: string;
        priority: 'normal' | 'urgent';
      },
      options: { idempotencyKey: string },
    ): Promise<{
      submissionId: string;
      submissionType: string;
      status: string;
      submittedAt: string;
    }>;
  };
}

/** What {@link attemptBankSubmission} works with. */
export interface BankSubmissionDeps extends SubmissionAttemptDeps {
  clients: Record<string, BankGatewayClient>;
}

/**
 * Make one call of a bank submission (the shared `attemptSubmission`): the quote's
 * consent authorizes `bank.recheck` at the bank tier, and the gateway is sent
 * the session's MT700 (`submitLetterOfCredit`); the submission records the
 * gateway's submission id and status.
 */
export function attemptBankSubmission(
  deps: BankSubmissionDeps,
  submission: Submission,
  options: { retrying?: boolean } = {},
): Promise<{ answer: BankValidation; replayed: boolean }> {
  return attemptSubmission<BankValidation>(
    deps,
    submission,
    () => {
      const request = submission.request as unknown as BankSubmissionRequest;
      const client = integrationClient(deps.clients, submission.integrationId, 'bank');
      return {
        operation: BANK_RECHECK,
        tier: BANK_TIER,
        ledgerKind: 'bank-validate',
        partnerKind: 'bank',
        partner: 'bank gateway',
        what: 'validation request',
        consent: request.consent,
        actor: request.actor,
        fingerprint: request.fingerprint,
        metadata: { integration_id: submission.integrationId, lc_number: request.lcNumber },
        send: async (partnerKey) => {
          const sent = await client.operations.submitLetterOfCredit(
            {
              message: request.message,
              senderBic: request.senderBic,
              receiverBic: request.receiverBic,
              priority: request.priority,
            },
            { idempotencyKey: partnerKey },
          );
          return {
            id: submission.id,
            external_reference_id: sent.submissionId,
            submission_type: sent.submissionType,
            status_code: sent.status,
            submitted_at: sent.submittedAt,
            billing_recorded: true,
          };
        },
        submitted: (answer) => ({
          externalReference: answer.external_reference_id,
          statusCode: answer.status_code,
        }),
      };
    },
    options,
  );
}
