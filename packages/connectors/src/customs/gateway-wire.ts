/**
 * The customs gateway's wire format: a JSON variant of HMRC's Customs
 * Declarations API (CDS), extended to several territories. What is kept from
 * HMRC, by name:
 *
 * - `POST /customs/declarations` answers **202 Accepted** with an
 *   `X-Conversation-ID` header; outcomes arrive later as notifications.
 * - `Accept: application/vnd.hmrc.1.0+json` (HMRC's versioned media type; the
 *   XML API uses `+xml`), `Authorization: Bearer …` (OAuth 2.0 token from
 *   `POST /oauth/token`), `X-Submitter-Identifier` (the EORI / trader id) or
 *   `X-Badge-Identifier`.
 * - Errors are HMRC's `{ code, message }` bodies: `BAD_REQUEST` (400),
 *   `UNAUTHORIZED` (401), `ACCEPT_HEADER_INVALID` (406),
 *   `UNSUPPORTED_MEDIA_TYPE` (415), `NOT_FOUND` (404), `INTERNAL_SERVER_ERROR` (500).
 * - The body follows the WCO DEC data model (`functionCode` 9, the LRN as
 *   `functionalReferenceId`, UCC `typeCode` IM/EX + `A`, goods items with
 *   `commodity.classifications`), and `metaData.responsibleCountryCode` says
 *   which territory the declaration is for (a WCO MetaData field).
 * - Notifications carry the WCO RES `functionCode` (01 accepted, 02 received,
 *   03 rejected, 05 undergoing physical check, 06 additional documents required,
 *   08 released, 09 cleared, 10 cancelled) and `errors[].validationCode`.
 * - Status is pulled with the Pull Notifications API's
 *   `GET /notifications/conversationId/{conversationId}`; a cheap credential
 *   probe is HMRC's `GET /hello/application`.
 * @module
 */
import { z } from 'zod';

/** The `Accept` header every gateway call sends. */
export const GATEWAY_ACCEPT = 'application/vnd.hmrc.1.0+json';

/** The OAuth 2.0 scope declarations need (HMRC's scope name). */
export const GATEWAY_SCOPE = 'write:customs-declaration';

/** Where a declaration is submitted. */
export const DECLARATIONS_PATH = '/customs/declarations';

/** Where a conversation's notifications are pulled. */
export function notificationsPath(conversationId: string): string {
  return `/notifications/conversationId/${encodeURIComponent(conversationId)}`;
}

/** HMRC's application-restricted "Hello World" endpoint, used as the health probe. */
export const HELLO_APPLICATION_PATH = '/hello/application';

/** Statuses of a declaration, from the submission to the final notification. */
export const DECLARATION_STATUSES = [
  'submitted',
  'received',
  'accepted',
  'rejected',
  'held_for_inspection',
  'documents_required',
  'released',
  'cleared',
  'cancelled',
] as const;

/** One of {@link DECLARATION_STATUSES}. */
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/** WCO RES function codes and the status each one means. */
export const FUNCTION_CODE_STATUS: Readonly<Record<string, DeclarationStatus>> = {
  '01': 'accepted',
  '02': 'received',
  '03': 'rejected',
  '05': 'held_for_inspection',
  '06': 'documents_required',
  '08': 'released',
  '09': 'cleared',
  '10': 'cancelled',
};

/** The status a function code means, or `undefined` for codes without one (amendments, queries …). */
export function statusOfFunctionCode(functionCode: string): DeclarationStatus | undefined {
  return Object.hasOwn(FUNCTION_CODE_STATUS, functionCode)
    ? FUNCTION_CODE_STATUS[functionCode]
    : undefined;
}

/** An amount as WCO messages carry it: a decimal string and an ISO 4217 code. */
export const wireAmount = z.object({
  value: z.string().regex(/^\d+(\.\d+)?$/),
  currencyId: z.string().regex(/^[A-Z]{3}$/),
});

/** One goods item of a declaration. */
export const wireGoodsItem = z.object({
  sequenceNumeric: z.number().int().min(1).max(999),
  commodity: z.object({
    description: z.string().min(1).max(512).optional(),
    classifications: z
      .array(
        z.object({
          id: z.string().regex(/^\d{6,12}$/),
          identificationTypeCode: z.literal('TSP'),
        }),
      )
      .length(1),
  }),
  customsValueAmount: wireAmount.optional(),
  quantity: z.number().int().positive().optional(),
  origin: z.object({ countryCode: z.string().regex(/^[A-Z]{2}$/) }).optional(),
});

/** The body of `POST /customs/declarations`. */
export const wireDeclarationRequest = z.object({
  metaData: z.object({
    wcoDataModelVersionCode: z.literal('3.6'),
    wcoTypeName: z.literal('DEC'),
    responsibleCountryCode: z.enum(['BD', 'IN', 'US', 'AE', 'SA', 'EU']),
  }),
  declaration: z.object({
    functionCode: z.literal('9'),
    functionalReferenceId: z.string().min(1).max(22),
    typeCode: z.enum(['IMA', 'EXA']),
    declarationOfficeId: z.string().min(2).max(17),
    goodsItemQuantity: z.number().int().min(1).max(999),
    invoiceAmount: wireAmount.optional(),
    goodsShipment: z.object({ governmentAgencyGoodsItems: z.array(wireGoodsItem).min(1).max(999) }),
  }),
});

/** The JSON variant's acknowledgement body (the `X-Conversation-ID` header is authoritative). */
export const wireSubmissionAck = z.object({
  conversationId: z.uuid(),
  functionalReferenceId: z.string(),
  receivedDateTime: z.iso.datetime(),
});

/** One WCO `Error` of a rejection. */
export const wireValidationError = z.object({
  validationCode: z.string(),
  description: z.string().optional(),
  pointer: z.string().optional(),
});

/** One notification, as pulled and as pushed. */
export const wireNotification = z.object({
  conversationId: z.uuid(),
  notificationId: z.string().min(1),
  functionCode: z.string().regex(/^\d{2}$/),
  issueDateTime: z.iso.datetime(),
  responsibleCountryCode: z.string(),
  declaration: z.object({
    functionalReferenceId: z.string(),
    id: z.string().optional(),
    versionId: z.number().int().optional(),
  }),
  errors: z.array(wireValidationError).default([]),
});

/** A notification on the wire. */
export type WireNotification = z.infer<typeof wireNotification>;

/** The Pull Notifications answer for one conversation. */
export const wireNotificationList = z.object({
  conversationId: z.uuid(),
  notifications: z.array(wireNotification),
});

/** HMRC's error body. */
export interface GatewayErrorBody {
  code: string;
  message: string;
  errors?: Array<{ code: string; message: string; path?: string }>;
}
