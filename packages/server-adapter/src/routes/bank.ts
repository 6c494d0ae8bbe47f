import { randomUUID } from 'node:crypto';
import type { BillingGuard } from '@tollgate/billing';
import type { bankSwift } from '@tollgate/connectors/bank-swift';
import { parseSwiftMessage, readMt700 } from '@tollgate/connectors/swift-mt';
import { ValidationError } from '@tollgate/core';
import { Hono } from 'hono';
import { z } from 'zod';
import { ServerProblem } from '../errors/problem.js';
import type { SessionStore } from '../sessions/session-store.js';
import type { AppEnv } from '../types.js';
import { readJsonBody } from './input.js';
import { integrationClient, partnerError, replayedAnswer } from './integration-support.js';

/** The operation a bank's validation bills. */
export const BANK_RECHECK = 'bank.recheck';
/** The pricing tier a bank's validation is billed at. */
export const BANK_TIER = 'bank';
/** The header a bank repeats its call with to consent to a 402's quote: `Tollgate-Accept-Charge: <quote_id>`. */
export const ACCEPT_CHARGE_HEADER = 'Tollgate-Accept-Charge';

/** A connected `bankSwift` client (`bankSwift.connect(…)` or `connectSandbox(bankSwift, …)`). */
export type BankSwiftClient = ReturnType<(typeof bankSwift)['connect']>;

/** What the bank integration routes need. */
export interface BankRoutesOptions {
  guard: BillingGuard;
  sessions: SessionStore;
  /** Bank gateway clients by integration id (the `:integrationId` of the route). */
  integrations: Record<string, BankSwiftClient>;
}

/** BIC8, BIC11 or a 12-character FIN logical terminal address. */
const BIC = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3,4})?$/;

const validateBody = z.strictObject({
  session_id: z.string().min(1).max(256),
  lc_number: z.string().min(1).max(16),
  swift_format: z.literal('MT700'),
  priority: z.enum(['normal', 'urgent']),
  sender_bic: z.string().regex(BIC, 'A BIC8, BIC11 or 12-character FIN address.'),
  receiver_bic: z.string().regex(BIC, 'A BIC8, BIC11 or 12-character FIN address.'),
  idempotency_key: z.string().min(1).max(200),
});

type ValidateBody = z.output<typeof validateBody>;

/** The answer of `POST /integrations/bank/:integrationId/validate`. */
interface BankValidation {
  id: string;
  external_reference_id: string;
  submission_type: string;
  status_code: string;
  submitted_at: string;
  billing_recorded: true;
}

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
    const client = integrationClient(options.integrations, integrationId, 'bank');
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

    const consent = c.req.header(ACCEPT_CHARGE_HEADER);
    const request = requestFingerprint(integrationId, body);
    const outcome = await options.guard.run(
      {
        tenantId: principal.tenantId,
        actor: { id: principal.prefix, role: principal.role },
        sessionId: session.id,
        operation: BANK_RECHECK,
        tier: BANK_TIER,
        idempotencyKey: `bank-validate:${body.idempotency_key}`,
        ...(consent === undefined ? {} : { consent }),
        metadata: { integration_id: integrationId, lc_number: body.lc_number, request },
      },
      async () => {
        try {
          const submission = await client.operations.submitLetterOfCredit(
            {
              message,
              senderBic: body.sender_bic,
              receiverBic: body.receiver_bic,
              priority: body.priority,
            },
            { idempotencyKey: body.idempotency_key },
          );
          const answer: BankValidation = {
            id: `bankval_${randomUUID()}`,
            external_reference_id: submission.submissionId,
            submission_type: submission.submissionType,
            status_code: submission.status,
            submitted_at: submission.submittedAt,
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
    if (outcome.replayed) {
      c.header('Tollgate-Idempotent-Replayed', 'true');
      return c.json(
        replayedAnswer<BankValidation>(outcome.event, request, 'validation request'),
        201,
      );
    }
    return c.json(outcome.result, 201);
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
