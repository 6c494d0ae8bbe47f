import { z } from 'zod';
import { type Mt750, parseSwiftMessage, readMt750, type SwiftMessage } from '../swift-mt/index.js';
import type { SubmissionStatus } from './schema.js';
import { statusOfDelivery, statusOfTransmission } from './submission-status.js';
import { type finMessageReception, type WebhookPayload, webhookPayload } from './wire.js';

/** What every submission status event carries. */
export interface SubmissionEventFields {
  /** The distribution the gateway announces (for de-duplication). */
  distributionId: number;
  /** The submission (`message_cloud_reference`) the report is about. */
  submissionId: string;
  /** Your reference (`sender_reference`). */
  reference: string;
  /** When the network answered (ISO 8601). */
  occurredAt: string;
  /** The network's message input reference (MIR), when known. */
  messageInputReference?: string;
}

/**
 * A submission's status changed: `submission.accepted` (ACK),
 * `submission.rejected` (NAK, with the FIN error code in `rejection.code`),
 * `submission.delivered`, `submission.undelivered`.
 */
export type SubmissionStatusEvent = {
  [S in Exclude<SubmissionStatus, 'submitted'>]: SubmissionEventFields & {
    type: `submission.${S}`;
    status: S;
  } & (S extends 'rejected' ? { rejection: { code: string; reason: string } } : unknown);
}[Exclude<SubmissionStatus, 'submitted'>];

/** What every incoming-message event carries. */
export interface IncomingMessageFields {
  distributionId: number;
  /** The incoming message's id at the gateway (`message_cloud_reference`). */
  messageId: string;
  /** The correspondent that sent it (FIN address). */
  sender: string;
  /** You (FIN address). */
  receiver: string;
  /** When the gateway announced it (ISO 8601). */
  occurredAt: string;
  /** The FIN text (blocks 1, 2 and 4) rebuilt from the gateway's payload. */
  finText: string;
  /** The message as the codec parses it (lenient mode: what a bank sent is read, findings are warnings). */
  message: SwiftMessage;
}

/** An MT750 advice of discrepancy for a documentary credit you issued. */
export interface DiscrepancyAdviceEvent extends IncomingMessageFields {
  type: 'discrepancy.advised';
  /** The typed MT750 (`readMt750`): the credit number (21), amounts in minor units, the discrepancies (77J). */
  advice: Mt750;
}

/** Any other incoming FIN message. */
export interface MessageReceivedEvent extends IncomingMessageFields {
  type: 'message.received';
  /** `fin.730`, `fin.799`, … */
  messageType: string;
}

/** A verified gateway callback, parsed. */
export type BankSwiftWebhookEvent =
  | SubmissionStatusEvent
  | DiscrepancyAdviceEvent
  | MessageReceivedEvent;

type FinMessageReception = z.output<typeof finMessageReception>;

/**
 * The FIN text of a received message: Alliance Cloud's payload holds only
 * the text block, so blocks 1 and 2 are rebuilt from the routing and the
 * network info (the output form of block 2 needs the input time, the MIR and
 * the output time; without them the input form is written).
 */
export function finTextOfReception(message: FinMessageReception): string {
  const mt = message.message_type.slice(4, 7);
  const textBlock = Buffer.from(message.payload, 'base64').toString('utf8');
  const info = message.network_info;
  const priority = info?.network_priority === 'Urgent' ? 'U' : 'N';
  const inputTime = info?.message_input_time;
  const mir = info?.message_input_reference;
  const output = info?.local_output_time;
  const block2 =
    inputTime?.length === 14 && mir?.length === 28 && output?.length === 14
      ? `O${mt}${inputTime?.slice(8, 12)}${mir}${output.slice(2, 8)}${output.slice(8, 12)}${priority}`
      : `I${mt}${message.sender}${priority}`;
  const body = textBlock.startsWith('\r\n') ? textBlock : `\r\n${textBlock}`;
  return `{1:F01${message.receiver}0000000000}{2:${block2}}{4:${body}\r\n-}`;
}

function submissionEvent(
  status: Exclude<SubmissionStatus, 'submitted'>,
  fields: SubmissionEventFields,
  rejection: { code: string; reason: string } | undefined,
): SubmissionStatusEvent {
  const event = { type: `submission.${status}`, status, ...fields };
  return (
    status === 'rejected' ? { ...event, rejection: rejection ?? { code: '', reason: '' } } : event
  ) as SubmissionStatusEvent;
}

type Issues = z.core.$RefinementCtx<WebhookPayload>;

function toEvent(payload: WebhookPayload, ctx: Issues): BankSwiftWebhookEvent | typeof z.NEVER {
  const distributionId = payload.data.distribution.id;
  const submissionId = payload.data.message_cloud_reference;
  if (payload.type === 'fin.transmission_report') {
    const report = payload.data.transmission_report;
    const status = statusOfTransmission(report.delivery_status) as 'accepted' | 'rejected';
    return submissionEvent(
      status,
      {
        distributionId,
        submissionId,
        reference: report.sender_reference,
        occurredAt: report.response_date,
        ...(report.message_input_reference === undefined
          ? {}
          : { messageInputReference: report.message_input_reference }),
      },
      {
        code: report.rejection_code ?? report.delivery_status.toUpperCase(),
        reason: report.rejection_reason ?? '',
      },
    );
  }
  if (payload.type === 'fin.delivery_report') {
    const report = payload.data.delivery_report;
    const status = statusOfDelivery(report.delivery_status) as Exclude<
      SubmissionStatus,
      'submitted'
    >;
    return submissionEvent(
      status,
      {
        distributionId,
        submissionId,
        reference: report.sender_reference,
        occurredAt: report.response_date,
        messageInputReference: report.message_input_reference,
      },
      { code: report.delivery_status, reason: 'the network reported a delayed NAK' },
    );
  }
  const reception = payload.data.message;
  if (reception.direction !== 'Incoming') {
    ctx.addIssue({
      code: 'custom',
      message: 'an outgoing message is not a callback',
      input: payload,
    });
    return z.NEVER;
  }
  const finText = finTextOfReception(reception);
  const message = parseSwiftMessage(finText, { mode: 'lenient' });
  const fields = {
    distributionId,
    messageId: submissionId,
    sender: reception.sender,
    receiver: reception.receiver,
    occurredAt: payload.timestamp,
    finText,
    message,
  };
  if (reception.message_type === 'fin.750') {
    return { type: 'discrepancy.advised', ...fields, advice: readMt750(message) };
  }
  return { type: 'message.received', messageType: reception.message_type, ...fields };
}

/**
 * Schema of a verified gateway callback: the wire body (Standard Webhooks'
 * `{ type, timestamp, data }` around Alliance Cloud's report and message
 * objects), parsed into a {@link BankSwiftWebhookEvent}. An MT750's payload
 * is read with the SWIFT MT codec; a payload the codec cannot read at all
 * fails verification with `invalid_payload`.
 */
export const bankSwiftWebhookEvent = webhookPayload.transform((payload, ctx) => {
  try {
    return toEvent(payload, ctx);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `the incoming message cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      input: payload,
    });
    return z.NEVER;
  }
});
