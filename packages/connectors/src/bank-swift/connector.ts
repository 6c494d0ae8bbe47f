import { defineConnector, type OperationContext } from '@tollgate/core';
import { defineWebhook } from '@tollgate/core/webhooks';
import { bankSwiftAuth } from './auth.js';
import { toGatewayError } from './errors.js';
import { finMessageEmissionFor } from './fin-emission.js';
import {
  type BankSwiftConfig,
  type BankSwiftCredentials,
  bankSwiftConfig,
  bankSwiftCredentials,
  finSubmissionInput,
  getSubmissionInput,
  type Submission,
  type SubmissionState,
  type SubmissionType,
  submissionOutput,
  submissionState,
} from './schema.js';
import { statusOfDelivery, statusOfTransmission } from './submission-status.js';
import { bankSwiftWebhookEvent } from './webhook-events.js';
import { finMessageStatusResponse, sendMessageResponse } from './wire.js';

type Context = OperationContext<BankSwiftConfig, BankSwiftCredentials>;

/** Run a gateway call, turning its refusals into the connector's typed errors. */
async function gatewayCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toGatewayError(error);
  }
}

/**
 * Send one FIN message. The gateway deduplicates on `sender_reference` (a
 * resubmission with the same reference answers with the first message), so
 * the POST is safe to retry and is marked idempotent.
 */
async function submit(
  type: SubmissionType,
  input: Parameters<typeof finMessageEmissionFor>[1],
  { http, idempotencyKey }: Context,
): Promise<Submission> {
  const body = finMessageEmissionFor(type, input, idempotencyKey);
  const answer = await gatewayCall(() =>
    http.json<unknown>({ method: 'POST', path: '/fin/messages', json: body, idempotent: true }),
  );
  const created = sendMessageResponse.safeParse(answer);
  return {
    // An answer without a reference fails the output schema: an UpstreamError with the raw body.
    submissionId: created.success ? created.data.message_cloud_reference : '',
    reference: body.sender_reference,
    submissionType: type,
    status: 'submitted',
    submittedAt: new Date().toISOString(),
  };
}

const SUBMISSION_TYPE_OF_MT: Readonly<Record<string, SubmissionType>> = {
  'fin.700': 'mt700',
  'fin.707': 'mt707',
  'fin.720': 'mt720',
};

/** Read one submission's state: the message and its latest transmission and delivery reports. */
async function readSubmission(submissionId: string, { http }: Context): Promise<SubmissionState> {
  const raw = await gatewayCall(() =>
    http.json<unknown>({ path: `/fin/messages/${encodeURIComponent(submissionId)}` }),
  );
  const parsed = finMessageStatusResponse.safeParse(raw);
  if (!parsed.success) return raw as SubmissionState; // the output schema reports the mismatch
  const { message, transmission_report: sent, delivery_report: delivered } = parsed.data;
  const latest = delivered ?? sent;
  const status =
    delivered !== undefined
      ? statusOfDelivery(delivered.delivery_status)
      : sent !== undefined
        ? statusOfTransmission(sent.delivery_status)
        : 'submitted';
  const mir = delivered?.message_input_reference ?? sent?.message_input_reference;
  return {
    submissionId: parsed.data.message_cloud_reference,
    reference: message.sender_reference,
    // Another MT (not sent by this connector) fails the output schema.
    submissionType: SUBMISSION_TYPE_OF_MT[message.message_type] ?? ('' as SubmissionType),
    status,
    submittedAt: parsed.data.creation_date,
    updatedAt: latest?.response_date ?? parsed.data.creation_date,
    ...(mir === undefined ? {} : { messageInputReference: mir }),
    ...(status !== 'rejected'
      ? {}
      : sent !== undefined && sent.delivery_status !== 'Acked'
        ? {
            rejection: {
              code: sent.rejection_code ?? sent.delivery_status.toUpperCase(),
              reason: sent.rejection_reason ?? '',
            },
          }
        : {
            rejection: {
              code: delivered?.delivery_status ?? 'NAK',
              reason: 'the network reported a delayed NAK',
            },
          }),
  };
}

/**
 * A bank gateway for documentary credits over SWIFT FIN, on the Swift
 * Messaging API of Alliance Cloud: submit an MT700 (issue of a documentary
 * credit) for validation, an MT707 (amendment), an MT720 (transfer); read a
 * submission's state; verify the gateway's signed status callbacks (ACK,
 * NAK with its FIN error code, delivery) and MT750 discrepancy advices.
 *
 * Auth: OAuth2 client credentials or mutual TLS, chosen by the credentials
 * given. The sandbox (a simulated gateway that validates with the SWIFT MT
 * codec) is at `@tollgate/connectors/bank-swift/sandbox`.
 */
export const bankSwift = defineConnector({
  id: 'bank-swift',
  kind: 'bank',
  displayName: 'Bank gateway (SWIFT FIN)',
  description:
    'Letters of credit over SWIFT FIN through a bank gateway on the Swift Messaging API (Alliance Cloud): MT700, MT707, MT720 out; status callbacks and MT750 discrepancy advices in.',
  config: bankSwiftConfig,
  credentials: bankSwiftCredentials,
  // The servers of the Swift Messaging API 2.0.0 specification.
  environments: {
    sandbox: 'https://sandbox.swift.com/alliancecloud/v2',
    test: 'https://api-test.swiftnet.sipn.swift.com/alliancecloud-test/v2',
    production: 'https://api.swiftnet.sipn.swift.com/alliancecloud/v2',
  },
  auth: bankSwiftAuth,
  transport: { timeoutMs: 15_000 },
  operations: {
    submitLetterOfCredit: {
      description:
        'Submit an MT700 (issue of a documentary credit) to the gateway for validation and sending',
      input: finSubmissionInput,
      output: submissionOutput,
      idempotent: true,
      billable: 'bank.recheck',
      run: (input, context) => submit('mt700', input, context),
    },
    submitAmendment: {
      description: 'Submit an MT707 (amendment to a documentary credit)',
      input: finSubmissionInput,
      output: submissionOutput,
      idempotent: true,
      run: (input, context) => submit('mt707', input, context),
    },
    submitTransfer: {
      description: 'Submit an MT720 (transfer of a documentary credit)',
      input: finSubmissionInput,
      output: submissionOutput,
      idempotent: true,
      run: (input, context) => submit('mt720', input, context),
    },
    getSubmission: {
      description: "A submission's state: submitted, accepted (ACK), rejected (NAK), delivered",
      input: getSubmissionInput,
      output: submissionState,
      idempotent: true,
      run: (input, context) => readSubmission(input.submissionId, context),
    },
  },
  webhooks: defineWebhook<typeof bankSwiftWebhookEvent, BankSwiftConfig, BankSwiftCredentials>({
    scheme: 'standard-webhooks',
    event: bankSwiftWebhookEvent,
    credential: 'webhookSecret',
  }),
  check: async ({ http }) => {
    await gatewayCall(() => http.request({ path: '/distributions', query: { limit: 1 } }));
  },
});
