/**
 * The gateway's wire shapes, modelled on the Swift Messaging API for FIN in
 * Alliance Cloud (OpenAPI "Swift Messaging API" 2.0.0, as published in
 * github.com/swiftinc/api-sample-code,
 * `dotnet/MessagingApi/MessagingApi/SWIFT-API-Swift-Messaging-2.0.0-swagger.yaml`):
 *
 * - `POST /fin/messages` takes a `FinMessageEmission` (`sender_reference`,
 *   `message_type` `fin.<MT>`, `sender` and `receiver` as 12-character FIN
 *   addresses, `payload`: base64 of the MT text block, `network_info`) and
 *   answers `201` with the message's `message_cloud_reference`;
 * - errors are an `ErrorMessage` `{ code: 'AC-400', severity, text, … }`
 *   (`AC-403`, `AC-404`, `AC-409`, `AC-500`), with additional properties allowed;
 * - the network's answer comes back as a transmission report (`delivery_status`
 *   `Acked` / `Nacked` / `Rejected`, `rejection_code`, `rejection_reason`), then
 *   a delivery report (`Delivered`, `Aborted`, …); incoming messages (an MT750)
 *   as a `FinMessageReception` (`direction: 'Incoming'`).
 *
 * Alliance Cloud hands reports out as distributions a back office polls
 * (`GET /distributions`). The bank gateway this connector talks to pushes each
 * distribution's download body as a Standard Webhooks callback instead, and
 * answers `GET /fin/messages/{message_cloud_reference}` with the message and
 * its latest reports: those two are the gateway's additions, in the same
 * shapes. Only the fields the connector reads are listed; others pass through.
 */
import { z } from 'zod';

/** Base64 (RFC 4648, padded), as the API's `format: byte` fields. */
const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);

/** A 12-character FIN address: BIC8 + logical terminal + branch code. */
export const finAddress = z.string().regex(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}[A-Z0-9][A-Z0-9]{3}$/);

/** `fin.<MT>[.<variant>]`, e.g. `fin.700`, `fin.103.REMIT`. */
export const finMessageType = z.string().regex(/^fin\.\d{3}(\.[A-Z0-9]{1,8})?$/);

/** `FinMessageNetworkInfoEmission` (the fields a sender may set). */
export const finNetworkInfoEmission = z.strictObject({
  network_priority: z.enum(['Normal', 'Urgent', 'System']).nullable().optional(),
  possible_duplicate: z.boolean().optional(),
  delivery_monitoring: z
    .enum(['None', 'NonDelivery', 'NonDeliveryAndDelivery', 'Delivery'])
    .nullable()
    .optional(),
  banking_priority: z.string().max(4).optional(),
  validation_identifier: z.string().max(8).optional(),
  uetr: z.uuid().optional(),
  message_user_reference: z.string().max(16).optional(),
  service_type_identifier: z.string().max(3).optional(),
});

/** `FinMessageEmission`: the body of `POST /fin/messages` (no additional properties). */
export const finMessageEmission = z.strictObject({
  sender_reference: z.string().min(1).max(70),
  message_type: finMessageType,
  sender: finAddress,
  receiver: finAddress,
  network_info: finNetworkInfoEmission.optional(),
  /** Base64 of the MT text block; at most 14 000 characters once decoded. */
  payload: base64.min(1),
});

/** The body of `POST /fin/messages`. */
export type FinMessageEmission = z.output<typeof finMessageEmission>;

/** `SendMessageResponse`: the answer to `POST /fin/messages`. */
export const sendMessageResponse = z.looseObject({
  message_cloud_reference: z.string().min(1),
});

/** One FIN validation finding the gateway adds to an `ErrorMessage` (an additional property). */
export const finValidationError = z.looseObject({
  /** The FIN error code: `T13`, `T12`, `D05`, … */
  code: z.string(),
  message: z.string(),
  /** The field tag (`32B`), when the error is about a field. */
  tag: z.string().optional(),
  /** 1-based line in the text block. */
  line: z.number().int().optional(),
});

/** `ErrorMessage`: every error body of the API. */
export const errorMessage = z.looseObject({
  code: z.string(),
  severity: z.string(),
  text: z.string(),
  user_message: z.string().optional(),
  more_info: z.string().optional(),
  /** The gateway's FIN validation findings, when it refused the payload. */
  errors: z.array(finValidationError).optional(),
});

/** An error body of the API. */
export type ErrorMessage = z.output<typeof errorMessage>;

/** `Distribution`: what a report or an incoming message was handed out as. */
export const distribution = z.looseObject({
  id: z.number().int(),
  service: z.enum(['fin', 'interAct', 'fileAct']),
  type: z.enum([
    'message',
    'deliveryReport',
    'deliveryNotification',
    'transmissionReport',
    'archive',
    'export',
  ]),
  message_cloud_reference: z.string().optional(),
  transmission_possible_duplicate: z.boolean().optional(),
  copy: z.boolean().optional(),
});

/** `FinTransmissionReportReception`: the network's ACK or NAK. */
export const finTransmissionReport = z.looseObject({
  sender_reference: z.string(),
  message_input_reference: z.string().max(28).optional(),
  message_input_time: z.string().max(14).optional(),
  response_date: z.iso.datetime({ offset: true }),
  delivery_status: z.enum(['Acked', 'Nacked', 'Rejected']),
  rejection_code: z.string().max(12).optional(),
  rejection_reason: z.string().max(1800).optional(),
  receiver: finAddress,
});

/** `FinDeliveryReportReception`: delivered to the receiver, or not. */
export const finDeliveryReport = z.looseObject({
  sender_reference: z.string(),
  message_input_reference: z.string().max(28),
  response_date: z.iso.datetime({ offset: true }),
  delivery_status: z.enum(['Delivered', 'Aborted', 'DelayedNak', 'FincopyReleased', 'Overdue']),
  receiver: finAddress,
});

/** `FinMessageNetworkInfoReception` (the fields the connector reads). */
export const finNetworkInfoReception = z.looseObject({
  network_priority: z.enum(['Normal', 'Urgent', 'System']).nullable().optional(),
  message_input_reference: z.string().max(28).optional(),
  message_input_time: z.string().max(14).optional(),
  local_output_time: z.string().max(14).optional(),
});

/** `FinMessageReception`: a message as Alliance Cloud hands it out. */
export const finMessageReception = z.looseObject({
  sender_reference: z.string(),
  message_type: finMessageType,
  sender: finAddress,
  receiver: finAddress,
  version: z.number().int(),
  network_info: finNetworkInfoReception.optional(),
  payload: base64,
  direction: z.enum(['Outgoing', 'Incoming']),
});

/** The gateway's answer to `GET /fin/messages/{message_cloud_reference}`. */
export const finMessageStatusResponse = z.looseObject({
  message_cloud_reference: z.string(),
  creation_date: z.iso.datetime({ offset: true }),
  message: finMessageReception,
  transmission_report: finTransmissionReport.optional(),
  delivery_report: finDeliveryReport.optional(),
});

/** The gateway's answer to `GET /fin/messages/{message_cloud_reference}`. */
export type FinMessageStatusResponse = z.output<typeof finMessageStatusResponse>;

/**
 * A webhook body: Standard Webhooks' recommended `{ type, timestamp, data }`,
 * where `data` is the download body of the distribution it announces
 * (`FinTransmissionReportDownloadResponse`, `FinDeliveryReportDownloadResponse`,
 * `FinMessageDownloadResponse`) plus the `message_cloud_reference` it is about.
 */
export const webhookPayload = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('fin.transmission_report'),
    timestamp: z.iso.datetime({ offset: true }),
    data: z.looseObject({
      distribution,
      message_cloud_reference: z.string(),
      transmission_report: finTransmissionReport,
    }),
  }),
  z.looseObject({
    type: z.literal('fin.delivery_report'),
    timestamp: z.iso.datetime({ offset: true }),
    data: z.looseObject({
      distribution,
      message_cloud_reference: z.string(),
      delivery_report: finDeliveryReport,
    }),
  }),
  z.looseObject({
    type: z.literal('fin.message'),
    timestamp: z.iso.datetime({ offset: true }),
    data: z.looseObject({
      distribution,
      message_cloud_reference: z.string(),
      message: finMessageReception,
    }),
  }),
]);

/** A webhook body as the gateway sends it. */
export type WebhookPayload = z.output<typeof webhookPayload>;
