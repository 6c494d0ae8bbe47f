import type { BillingGuard } from '@tollgate/billing';
import { isTollgateError } from '@tollgate/core';
import { ServerProblem } from '../errors/problem.js';
import {
  partnerError,
  partnerIdempotencyKey,
  replayedAnswer,
} from '../routes/integration-support.js';
import { failureText, nextRetryAt, type SubmissionRetryPolicy } from './retry-policy.js';
import type { Submission, SubmissionStore } from './submission-store.js';

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
export interface BankSubmissionDeps {
  guard: BillingGuard;
  submissions: SubmissionStore;
  clients: Record<string, BankGatewayClient>;
  retry: SubmissionRetryPolicy;
  clock: () => Date;
}

/**
 * Make one call of a bank submission, billed through the guard: the quote's
 * consent authorizes `bank.recheck`, the gateway is called, and the charge is
 * committed only when it took the message (a failure voids it, so nothing is
 * billed; a committed key replays, so nothing is billed twice). On success the
 * submission is `submitted`; a retryable failure schedules the next call
 * (`pending`, `next_retry_at`), any other `failed`. The error thrown carries
 * `submission_id`, `submission_status` and `next_retry_at` in its details.
 */
export async function attemptBankSubmission(
  deps: BankSubmissionDeps,
  submission: Submission,
  options: { retrying?: boolean } = {},
): Promise<{ answer: BankValidation; replayed: boolean }> {
  const request = submission.request as unknown as BankSubmissionRequest;
  const client = Object.hasOwn(deps.clients, submission.integrationId)
    ? deps.clients[submission.integrationId]
    : undefined;
  let called = false;
  try {
    if (client === undefined) {
      throw new ServerProblem('not_found', `No bank integration ${submission.integrationId}.`);
    }
    const outcome = await deps.guard.run(
      {
        tenantId: submission.tenantId,
        actor: request.actor,
        sessionId: submission.sessionId,
        operation: BANK_RECHECK,
        tier: BANK_TIER,
        idempotencyKey: `bank-validate:${submission.idempotencyKey}`,
        ...(request.consent === null ? {} : { consent: request.consent }),
        metadata: {
          integration_id: submission.integrationId,
          lc_number: request.lcNumber,
          request: request.fingerprint,
        },
      },
      async () => {
        called = true;
        await deps.submissions.countAttempt(submission.id, deps.clock());
        try {
          const sent = await client.operations.submitLetterOfCredit(
            {
              message: request.message,
              senderBic: request.senderBic,
              receiverBic: request.receiverBic,
              priority: request.priority,
            },
            {
              idempotencyKey: partnerIdempotencyKey(
                submission.tenantId,
                'bank',
                submission.idempotencyKey,
              ),
            },
          );
          const answer: BankValidation = {
            id: submission.id,
            external_reference_id: sent.submissionId,
            submission_type: sent.submissionType,
            status_code: sent.status,
            submitted_at: sent.submittedAt,
            billing_recorded: true,
          };
          return answer;
        } catch (error) {
          throw partnerError(error, 'bank gateway');
        }
      },
      {
        commit: (answer) => ({
          reference: answer.external_reference_id,
          metadata: { answer: { ...answer } },
        }),
      },
    );
    const answer = outcome.replayed
      ? replayedAnswer<BankValidation>(outcome.event, request.fingerprint, 'validation request')
      : outcome.result;
    await deps.submissions.markSubmitted(
      submission.id,
      {
        externalReference: answer.external_reference_id,
        statusCode: answer.status_code,
        billingEventId: outcome.event.id,
      },
      deps.clock(),
    );
    return { answer, replayed: outcome.replayed };
  } catch (error) {
    const now = deps.clock();
    // A refusal before the gateway was called (402, 409, quota) changes nothing for a
    // caller, who may fix it; a retry cannot, so the submission fails (an expired consent …).
    if (!called) {
      // `in_progress`: another attempt of the same key holds the intent (a lease ran out
      // while it was still calling): it records the outcome; this one changes nothing.
      const inProgress = isTollgateError(error) && error.code === 'in_progress';
      if (options.retrying && !inProgress) {
        await deps.submissions.markFailed(submission.id, failureText(error), now);
      }
      throw error;
    }
    const due = nextRetryAt(deps.retry, submission.attempts + 1, error, now);
    if (due === undefined)
      await deps.submissions.markFailed(submission.id, failureText(error), now);
    else await deps.submissions.scheduleRetry(submission.id, failureText(error), due, now);
    if (isTollgateError(error)) {
      Object.assign(error.details, {
        submission_id: submission.id,
        submission_status: due === undefined ? 'failed' : 'pending',
        next_retry_at: due?.toISOString() ?? null,
      });
    }
    throw error;
  }
}
