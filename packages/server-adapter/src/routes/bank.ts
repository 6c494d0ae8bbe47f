import type { bankSwift } from '@tollgate/connectors/bank-swift';
import { parseSwiftMessage, readMt700 } from '@tollgate/connectors/swift-mt';
import { ValidationError } from '@tollgate/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { ServerProblem } from '../errors/problem.js';
import type { SessionStore } from '../sessions/session-store.js';
import {
  attemptBankSubmission,
  type BankSubmissionDeps,
  type BankSubmissionRequest,
} from '../submissions/bank-submission.js';
import type { AppEnv } from '../types.js';
import { readJsonBody } from './input.js';
import { ACCEPT_CHARGE_HEADER, integrationClient } from './integration-support.js';
import { runSubmission, submissionResponse } from './submission-flow.js';

export { ACCEPT_CHARGE_HEADER };

/** A connected `bankSwift` client (`bankSwift.connect(…)` or `connectSandbox(bankSwift, …)`). */
export type BankSwiftClient = ReturnType<(typeof bankSwift)['connect']>;

/** What the bank integration routes need. */
export interface BankRoutesOptions extends Omit<BankSubmissionDeps, 'clients'> {
  sessions: SessionStore;
  /** Bank gateway clients by integration id (the `:integrationId` of the route). */
  integrations: Record<string, BankSwiftClient>;
}

/** BIC8, BIC11 or a 12-character FIN logical terminal address. */
const BIC = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3,4})?$/;

export const validateBody = z.strictObject({
  session_id: z.string().min(1).max(256),
  lc_number: z.string().min(1).max(16),
  swift_format: z.literal('MT700'),
  priority: z.enum(['normal', 'urgent']),
  sender_bic: z.string().regex(BIC, 'A BIC8, BIC11 or 12-character FIN address.'),
  receiver_bic: z.string().regex(BIC, 'A BIC8, BIC11 or 12-character FIN address.'),
  idempotency_key: z.string().min(1).max(200),
});

type ValidateBody = z.output<typeof validateBody>;

/**
 * `POST /integrations/bank/:integrationId/validate`: a bank re-checks a
 * session shared with it by submitting its MT700 to the bank gateway
 * registered under `integrationId`. Bank keys only (403); an unknown
 * integration or a session not shared with the caller is a 404. The bank pays
 * for its own `bank.recheck` (tier `bank`): the guard first answers 402 with a
 * quote, and the call repeated with `Tollgate-Accept-Charge: <quote_id>` is
 * authorized, submitted and committed; a failed submission is voided (nothing
 * billed). The same `idempotency_key` answers the same result and bills nothing more.
 */
export function bankRoutes(options: BankRoutesOptions): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/integrations/bank/:integrationId/validate', async (c) => {
    const principal = c.get('principal');
    if (principal.role !== 'bank') {
      throw new ServerProblem(
        'forbidden',
        'Only bank keys may validate through a bank integration.',
      );
    }
    const integrationId = c.req.param('integrationId');
    // An unknown integration is a 404 before anything else is read.
    integrationClient(options.integrations, integrationId, 'bank');
    const body = await readJsonBody(c, validateBody, 'validation request');

    const session = await options.sessions.get(body.session_id, principal.tenantId);
    if (session === undefined || !session.sharedWith.includes(principal.tenantId)) {
      throw new ServerProblem('not_found', 'No such session.');
    }
    const message = session.text;
    if (message === null) {
      throw new ValidationError('The session holds no MT700 to submit.', [
        {
          path: ['session_id'],
          code: 'not_mt700',
          message: 'The session document is not FIN/MT text.',
        },
      ]);
    }
    checkLcNumber(message, body.lc_number);

    const consent = c.req.header(ACCEPT_CHARGE_HEADER) ?? null;
    const request: BankSubmissionRequest = {
      message,
      lcNumber: body.lc_number,
      senderBic: body.sender_bic,
      receiverBic: body.receiver_bic,
      priority: body.priority,
      consent,
      actor: { id: principal.prefix, role: principal.role },
      fingerprint: requestFingerprint(integrationId, body),
    };
    const outcome = await runSubmission({
      submissions: options.submissions,
      clock: options.clock,
      tenantId: principal.tenantId,
      kind: 'bank',
      integrationId,
      sessionId: session.id,
      idempotencyKey: body.idempotency_key,
      request,
      what: 'validation request',
      attempt: (submission) =>
        attemptBankSubmission({ ...options, clients: options.integrations }, submission),
    });
    return submissionResponse(c, outcome);
  });
}

/** Field 20 of the session's MT700 must be the `lc_number` the bank names. */
function checkLcNumber(message: string, lcNumber: string): void {
  let documentaryCredit: string | undefined;
  try {
    documentaryCredit = readMt700(parseSwiftMessage(message)).documentaryCreditNumber;
  } catch {
    documentaryCredit = undefined;
  }
  if (documentaryCredit !== lcNumber) {
    throw new ValidationError('The validation request is invalid.', [
      {
        path: ['lc_number'],
        code: 'lc_number_mismatch',
        message: 'lc_number is not the documentary credit number (field 20) of the session.',
      },
    ]);
  }
}

/** What a replay must repeat exactly (the guard's own fingerprint covers session, payer and price). */
function requestFingerprint(integrationId: string, body: ValidateBody): string {
  return JSON.stringify([
    integrationId,
    body.lc_number,
    body.swift_format,
    body.priority,
    body.sender_bic,
    body.receiver_bic,
  ]);
}
