import type { BillingGuard } from '@tollgate/billing';
import { isTollgateError } from '@tollgate/core';
import {
  partnerError,
  partnerIdempotencyKey,
  replayedAnswer,
} from '../routes/integration-support.js';
import { failureText, nextRetryAt, type SubmissionRetryPolicy } from './retry-policy.js';
import type { Submission, SubmissionStore } from './submission-store.js';

/**
 * How long after a call starts its submission is due again should the call's
 * outcome never be recorded (the process died during it): well beyond the
 * longest call a transport allows (30 s by default), so a live call is never
 * retried under it.
 */
export const SUBMISSION_RECOVERY_MS = 120_000;

/** What {@link attemptSubmission} works with, whatever the kind of submission. */
export interface SubmissionAttemptDeps {
  guard: BillingGuard;
  submissions: SubmissionStore;
  retry: SubmissionRetryPolicy;
  clock: () => Date;
}

/** How one kind of partner submission (a bank's MT700, a customs declaration) is billed and sent. */
export interface SubmissionCall<A extends object> {
  /** The billable operation (`bank.recheck`, `customs.submission`). */
  operation: string;
  /** The pricing tier the call is billed at. */
  tier: string;
  /** Scopes the ledger's idempotency key: `<ledgerKind>:<idempotency_key>`. */
  ledgerKind: string;
  /** Scopes the partner's idempotency key (see `partnerIdempotencyKey`). */
  partnerKind: string;
  /** How errors name the partner (`bank gateway`, `customs gateway`). */
  partner: string;
  /** How a 409 names the request (`validation request`, `declaration`). */
  what: string;
  /** The quote the payer consented to (`Tollgate-Accept-Charge`), if any. */
  consent: string | null;
  actor: { id: string; role: string };
  /** What a replay of the key must repeat exactly. */
  fingerprint: string;
  /** More metadata for the billing event (`request` is added). */
  metadata: Record<string, unknown>;
  /** Call the partner with its idempotency key; the answer as the API returns it. */
  send(partnerKey: string): Promise<A>;
  /** What the submission records of a successful answer. */
  submitted(answer: A): { externalReference: string; statusCode: string };
}

/**
 * Make one call of a persisted submission, billed through the guard: the
 * charge is authorized (a payer's consent included), the partner called with a
 * key scoped by tenant, and the charge committed only when the partner took it
 * (a failure voids it, so nothing is billed; a committed key replays, so
 * nothing is billed twice). On success the submission is `submitted`; a
 * retryable failure schedules the next call (`pending`, `next_retry_at`), any
 * other makes it `failed`. The error thrown carries `submission_id`,
 * `submission_status` and `next_retry_at` in its details. `describe` builds
 * the call from the submission (it throws when that cannot be done, e.g. its
 * integration is gone). With `retrying`, a refusal before the partner was
 * called (an expired consent …) fails the submission, since no later retry
 * can mend it.
 */
export async function attemptSubmission<A extends object>(
  deps: SubmissionAttemptDeps,
  submission: Submission,
  describe: () => SubmissionCall<A>,
  options: { retrying?: boolean } = {},
): Promise<{ answer: A; replayed: boolean }> {
  let called = false;
  let committed = false;
  try {
    const call = describe();
    const outcome = await deps.guard.run(
      {
        tenantId: submission.tenantId,
        actor: call.actor,
        sessionId: submission.sessionId,
        operation: call.operation,
        tier: call.tier,
        idempotencyKey: `${call.ledgerKind}:${submission.idempotencyKey}`,
        ...(call.consent === null ? {} : { consent: call.consent }),
        metadata: { ...call.metadata, request: call.fingerprint },
      },
      async () => {
        called = true;
        const now = deps.clock();
        await deps.submissions.countAttempt(
          submission.id,
          now,
          new Date(now.getTime() + SUBMISSION_RECOVERY_MS),
        );
        try {
          return await call.send(
            partnerIdempotencyKey(submission.tenantId, call.partnerKind, submission.idempotencyKey),
          );
        } catch (error) {
          throw partnerError(error, call.partner);
        }
      },
      { commit: (answer) => ({ ...recordedAnswer(call, answer) }) },
    );
    committed = true;
    const answer = outcome.replayed
      ? replayedAnswer<A>(outcome.event, call.fingerprint, call.what)
      : outcome.result;
    // A replay of a submission already recorded leaves it as the partner's callbacks made it.
    if (!outcome.replayed || submission.status === 'pending') {
      await deps.submissions.markSubmitted(
        submission.id,
        { ...call.submitted(answer), billingEventId: outcome.event.id },
        deps.clock(),
      );
    }
    return { answer, replayed: outcome.replayed };
  } catch (error) {
    // Billed, but not recorded as submitted (the database failed): the submission stays
    // pending and comes due at its recovery time, when the retry replays the event and
    // records it. Never `failed`: the partner has it.
    if (committed) throw error;
    const now = deps.clock();
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

/** The billing event's reference and kept answer (what a replay returns). */
function recordedAnswer<A extends object>(call: SubmissionCall<A>, answer: A) {
  return {
    reference: call.submitted(answer).externalReference,
    metadata: { answer: { ...answer } },
  };
}
