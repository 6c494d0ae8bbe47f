import type { TollgateLogger } from '../logging/logger.js';
import type { Submission, SubmissionStore } from './submission-store.js';

/** Options of {@link createSubmissionRetryWorker}. */
export interface SubmissionRetryWorkerOptions {
  submissions: SubmissionStore;
  /** Make the next call of a claimed submission (it records its own outcome); throws when the call failed. */
  attempt: (submission: Submission) => Promise<unknown>;
  clock?: () => Date;
  /** Submissions claimed per round; default 10. */
  batchSize?: number;
  /** Time between rounds when started; default 5000 ms. */
  intervalMs?: number;
  /** How long a claim keeps other workers away; default 60000 ms (longer than any call). */
  leaseMs?: number;
  /** Told of every retry (e.g. `submission_retry_count`). */
  onRetry?: (submission: Submission) => void;
  logger?: TollgateLogger;
}

/** A background worker that retries failed partner submissions when they are due. */
export interface SubmissionRetryWorker {
  /** Claim the due submissions and retry each once; resolves with how many were retried. */
  runOnce(): Promise<number>;
  /** Run a round every `intervalMs` until stopped. */
  start(): void;
  /** Stop taking rounds and resolve once the current round is done. */
  stop(): Promise<void>;
}

/**
 * Retry partner submissions whose `next_retry_at` has come: each round claims
 * a batch (a lease, so several processes never retry the same submission at
 * once) and calls `attempt` for each, one after another. The attempt bills and
 * records the outcome itself; a failure is logged and the submission keeps the
 * state the attempt gave it (retry later, or `failed`).
 */
export function createSubmissionRetryWorker(
  options: SubmissionRetryWorkerOptions,
): SubmissionRetryWorker {
  const clock = options.clock ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<number> | undefined;
  let stopped = false;

  const runOnce = async (): Promise<number> => {
    const claimed = await options.submissions.claimDue(
      clock(),
      options.batchSize ?? 10,
      options.leaseMs ?? 60_000,
    );
    for (const submission of claimed) {
      options.onRetry?.(submission);
      try {
        await options.attempt(submission);
        options.logger?.info({ submission_id: submission.id }, 'submission.retry_succeeded');
      } catch (error) {
        const code = error instanceof Error && 'code' in error ? String(error.code) : 'error';
        options.logger?.warn({ submission_id: submission.id, code }, 'submission.retry_failed');
      }
    }
    return claimed.length;
  };

  const tick = () => {
    if (stopped || round !== undefined) return;
    round = runOnce()
      .catch((error: unknown) => {
        options.logger?.error({ err: error }, 'submission.retry_round_failed');
        return 0;
      })
      .finally(() => {
        round = undefined;
      });
  };

  return {
    runOnce,
    start() {
      if (timer !== undefined) return;
      stopped = false;
      timer = setInterval(tick, options.intervalMs ?? 5000);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await round;
    },
  };
}
