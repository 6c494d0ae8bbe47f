import { createBillingGuard, createLedger, createPriceBook, sqliteStore } from '@tollgate/billing';
import { UpstreamError } from '@tollgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  attemptSubmission,
  createSubmissionRetryWorker,
  DEFAULT_PRICE_BOOK,
  DEFAULT_SUBMISSION_RETRY,
  SUBMISSION_RECOVERY_MS,
  type Submission,
  type SubmissionCall,
  type SubmissionStore,
  sqlSubmissionStore,
} from '../src/index.js';

const stores: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** A guard and a submission store on one in-memory SQLite database, with a clock moved by hand. */
function setup(wrap: (store: SubmissionStore) => SubmissionStore = (store) => store) {
  const store = sqliteStore({ path: ':memory:' });
  stores.push(store);
  let now = Date.parse('2026-11-27T10:00:00Z');
  const clock = () => new Date(now);
  const ledger = createLedger({ store, clock });
  const guard = createBillingGuard({
    ledger,
    prices: createPriceBook(DEFAULT_PRICE_BOOK),
    clock,
  });
  if (store.sql === undefined) throw new Error('SQLite has a SQL surface');
  const submissions = wrap(sqlSubmissionStore(store.sql));
  const deps = { guard, submissions, retry: DEFAULT_SUBMISSION_RETRY, clock };
  return { deps, ledger, submissions, clock, advance: (ms: number) => (now += ms) };
}

/** A customs-like call whose partner `send` is given. */
const call = (send: () => Promise<{ id: string }>) => (): SubmissionCall<{ id: string }> => ({
  operation: 'customs.submission',
  tier: 'sme',
  ledgerKind: 'customs-submit',
  partnerKind: 'customs-submit',
  partner: 'customs gateway',
  what: 'declaration',
  consent: null,
  actor: { id: 'key1', role: 'sme' },
  fingerprint: 'fp-1',
  metadata: { integration_id: 'demo-customs' },
  send,
  submitted: (answer) => ({ externalReference: answer.id, statusCode: 'accepted' }),
});

async function openSubmission(submissions: SubmissionStore, now: Date): Promise<Submission> {
  const { submission } = await submissions.open(
    {
      tenantId: 'acme',
      kind: 'customs',
      integrationId: 'demo-customs',
      sessionId: 'session-1',
      idempotencyKey: 'declare-1',
      request: { fingerprint: 'fp-1' },
    },
    now,
  );
  return submission;
}

describe('attemptSubmission', () => {
  it('takes up a call whose outcome was never recorded (the process died) at its recovery time', async () => {
    const { deps, submissions, clock, advance, ledger } = setup();
    const opened = await openSubmission(submissions, clock());
    // What a call that died half-way leaves behind: counted, nothing recorded after.
    await submissions.countAttempt(
      opened.id,
      clock(),
      new Date(clock().getTime() + SUBMISSION_RECOVERY_MS),
    );
    const worker = createSubmissionRetryWorker({
      submissions,
      clock,
      attempt: (submission) =>
        attemptSubmission(
          deps,
          submission,
          call(async () => ({ id: 'DEC-1' })),
          { retrying: true },
        ),
    });
    expect(await worker.runOnce()).toBe(0);
    advance(SUBMISSION_RECOVERY_MS);
    expect(await worker.runOnce()).toBe(1);
    expect(await submissions.get(opened.id, 'acme')).toMatchObject({
      status: 'submitted',
      externalReference: 'DEC-1',
      attempts: 2,
    });
    expect((await ledger.list()).events).toHaveLength(1);
  });

  it('never fails a submission the partner took and was billed for, when recording it fails', async () => {
    let failNextRecord = true;
    const { deps, submissions, clock, advance, ledger } = setup((store) => ({
      ...store,
      markSubmitted: async (...args) => {
        if (failNextRecord) {
          failNextRecord = false;
          throw new Error('database is locked');
        }
        return store.markSubmitted(...args);
      },
    }));
    const opened = await openSubmission(submissions, clock());
    let sent = 0;
    const send = async () => {
      sent += 1;
      return { id: 'DEC-7' };
    };
    await expect(attemptSubmission(deps, opened, call(send))).rejects.toThrow('database is locked');
    expect(await submissions.get(opened.id, 'acme')).toMatchObject({ status: 'pending' });
    expect((await ledger.list()).events).toHaveLength(1);

    // At its recovery time the retry replays the billed answer and records it.
    advance(SUBMISSION_RECOVERY_MS);
    const [due] = await submissions.claimDue(clock(), 10, 60_000);
    if (due === undefined) throw new Error('the submission is due again');
    const again = await attemptSubmission(deps, due, call(send), { retrying: true });
    expect(again).toMatchObject({ replayed: true, answer: { id: 'DEC-7' } });
    expect(sent).toBe(1);
    expect(await submissions.get(opened.id, 'acme')).toMatchObject({
      status: 'submitted',
      externalReference: 'DEC-7',
    });
    expect((await ledger.list()).events).toHaveLength(1);
  });

  it('schedules a retryable failure and fails a refusal, billing neither', async () => {
    const { deps, submissions, clock, ledger } = setup();
    const opened = await openSubmission(submissions, clock());
    const down = async (): Promise<{ id: string }> => {
      throw new UpstreamError('maintenance', { retryable: true, status: 502 });
    };
    const error = await attemptSubmission(deps, opened, call(down)).catch((caught) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.details).toMatchObject({
      submission_id: opened.id,
      submission_status: 'pending',
      next_retry_at: '2026-11-27T10:00:15.000Z',
    });
    const refused = async (): Promise<{ id: string }> => {
      throw new UpstreamError('refused', { retryable: false, status: 502 });
    };
    const pending = await submissions.get(opened.id, 'acme');
    if (pending === undefined) throw new Error('still there');
    await expect(attemptSubmission(deps, pending, call(refused))).rejects.toThrow('refused');
    expect(await submissions.get(opened.id, 'acme')).toMatchObject({ status: 'failed' });
    expect((await ledger.list()).events).toHaveLength(0);
  });
});
