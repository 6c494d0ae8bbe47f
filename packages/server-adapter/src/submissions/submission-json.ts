import type { Submission } from './submission-store.js';

/** A submission as the HTTP API shows it (snake_case; the stored request is not shown). */
export function submissionJson(submission: Submission): Record<string, unknown> {
  return {
    id: submission.id,
    kind: submission.kind,
    integration_id: submission.integrationId,
    session_id: submission.sessionId,
    status: submission.status,
    status_code: submission.statusCode,
    external_reference_id: submission.externalReference,
    attempts: submission.attempts,
    next_retry_at: submission.nextRetryAt?.toISOString() ?? null,
    last_error: submission.lastError,
    billing_recorded: submission.billingEventId !== null,
    created_at: submission.createdAt.toISOString(),
    updated_at: submission.updatedAt.toISOString(),
  };
}
