import { IdempotencyConflictError, UpstreamError } from '@tollgate/core';
import type { Context } from 'hono';
import { submissionJson } from '../submissions/submission-json.js';
import type {
  Submission,
  SubmissionKind,
  SubmissionStore,
} from '../submissions/submission-store.js';

/** A partner submission a route asks for (see {@link runSubmission}). */
export interface SubmissionFlow<R extends { fingerprint: string }, A extends object> {
  submissions: SubmissionStore;
  clock: () => Date;
  tenantId: string;
  kind: SubmissionKind;
  integrationId: string;
  sessionId: string;
  idempotencyKey: string;
  /** What the calls send, kept with the submission so that a retry sends the same. */
  request: R;
  /** How a 409 names the request (`validation request`, `declaration`). */
  what: string;
  /** Make one call of the submission (it bills and records its own outcome). */
  attempt(submission: Submission): Promise<{ answer: A; replayed: boolean }>;
}

/** What {@link runSubmission} came to. */
export type SubmissionFlowOutcome<A> =
  | { kind: 'answered'; answer: A; replayed: boolean; submission: Submission }
  /** Its first call failed and the retry worker has it: answer 202 with its state. */
  | { kind: 'retrying'; submission: Submission };

/**
 * The route side of a persisted partner submission: the submission of
 * `idempotency_key` is recorded before anything is billed or sent, then
 * called. The same key with another request is a 409; a submission the retry
 * worker is working on is answered with its state (202), one that failed for
 * good is a 502 naming it; a repeated first call (after a 402 quoted the
 * charge) carries the consent the first one lacked, so its request replaces
 * the stored one.
 */
export async function runSubmission<R extends { fingerprint: string }, A extends object>(
  flow: SubmissionFlow<R, A>,
): Promise<SubmissionFlowOutcome<A>> {
  const { submission, created } = await flow.submissions.open(
    {
      tenantId: flow.tenantId,
      kind: flow.kind,
      integrationId: flow.integrationId,
      sessionId: flow.sessionId,
      idempotencyKey: flow.idempotencyKey,
      request: { ...flow.request },
    },
    flow.clock(),
  );
  if (!created && submission.request.fingerprint !== flow.request.fingerprint) {
    throw new IdempotencyConflictError(
      `This idempotency_key was already used for a different ${flow.what}.`,
    );
  }
  if (!created && submission.attempts > 0 && submission.status === 'pending') {
    return { kind: 'retrying', submission };
  }
  if (!created && submission.status === 'failed') {
    throw new UpstreamError('This submission failed; use a new idempotency_key to try again.', {
      retryable: false,
      details: submissionJson(submission),
    });
  }
  if (!created && submission.attempts === 0) {
    await flow.submissions.replaceRequest(submission.id, { ...flow.request }, flow.clock());
  }
  const outcome = await flow.attempt({ ...submission, request: { ...flow.request } });
  return { kind: 'answered', ...outcome, submission };
}

/**
 * Answer a {@link runSubmission} outcome: 202 with the submission while the
 * retry worker has it, else 201 with `body(answer, submission)` (header
 * `Tollgate-Idempotent-Replayed: true` when the key's earlier answer is replayed).
 */
export function submissionResponse<A extends object>(
  c: Context,
  outcome: SubmissionFlowOutcome<A>,
  body: (answer: A, submission: Submission) => object = (answer) => answer,
): Response {
  if (outcome.kind === 'retrying') return c.json(submissionJson(outcome.submission), 202);
  if (outcome.replayed) c.header('Tollgate-Idempotent-Replayed', 'true');
  return c.json(body(outcome.answer, outcome.submission), 201);
}
