import { quoteRequestBody } from '@tollgate/connectors/logistics';
import { z } from 'zod';
import type { ApiKeyScope } from '../auth/api-keys.js';
import { issueBody, rotateBody } from '../routes/api-keys.js';
import { validateBody } from '../routes/bank.js';
import { eventsQuery, usageQuery } from '../routes/billing.js';
import { submitBody } from '../routes/customs.js';
import { convertBody, ratesBody } from '../routes/fx.js';
import { shareBody } from '../routes/sessions.js';
import { uploadBody } from '../routes/uploads.js';
import {
  apiKeyListSchema,
  apiKeySchema,
  bankValidationSchema,
  billingEventPageSchema,
  billingEventSchema,
  billingMoneySchema,
  billingUsageSchema,
  carrierServiceSchema,
  chargeQuoteSchema,
  createdWebhookEndpointSchema,
  customsSubmissionSchema,
  findingSchema,
  fxConversionSchema,
  fxRatesSchema,
  healthSchema,
  integrationHealthSchema,
  invoiceSchema,
  issuedApiKeySchema,
  logisticsQuoteSchema,
  moneyJsonSchema,
  partnerWebhookReceiptSchema,
  paymentRequiredProblemSchema,
  problemSchema,
  rotatedApiKeySchema,
  sessionSchema,
  sessionShareSchema,
  submissionSchema,
  tooManyRequestsProblemSchema,
  trackingSchema,
  uploadAnswerSchema,
  uploadResultsSchema,
  validationIssueSchema,
  validationProblemSchema,
  webhookDeliveriesQuery,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookEndpointBody,
  webhookEndpointListSchema,
  webhookEndpointSchema,
} from './schemas.js';

/**
 * The header a payer repeats a 402-answered call with to accept its quote:
 * `Tollgate-Accept-Charge: <quote_id>` (the server's `ACCEPT_CHARGE_HEADER`).
 */
export const ACCEPT_CHARGE_HEADER = 'Tollgate-Accept-Charge';

/** An HTTP method as OpenAPI spells it. */
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A path, query or header parameter. */
export interface ApiParameter {
  description: string;
  /** Default `z.string()`. */
  schema?: z.ZodType;
  /** Query and header parameters only (path parameters are always required); default false. */
  required?: boolean;
  example?: string;
}

/** A request body. */
export interface ApiRequestBody {
  /** A schema named in {@link REQUEST_SCHEMAS}, or `null` for a raw body of any shape. */
  schema: z.ZodType | null;
  /** Default `application/json`. */
  mediaType?: string;
  /** Default true. */
  required?: boolean;
  description?: string;
  /** OpenAPI `encoding` of a multipart body, by field. */
  encoding?: Record<string, { contentType: string }>;
}

/** A response header documented in `components.headers`. */
export type ApiResponseHeader =
  | 'RateLimit'
  | 'RateLimit-Policy'
  | 'Retry-After'
  | 'Tollgate-Idempotent-Replayed';

/** A response that is not a problem (problems are listed in {@link ApiRoute.problems}). */
export interface ApiResponse {
  description: string;
  /** A schema named in {@link RESPONSE_SCHEMAS}; omit for an empty body. */
  schema?: z.ZodType;
  /** Default `application/json`. */
  mediaType?: string;
  headers?: readonly ApiResponseHeader[];
}

/**
 * A problem status of a route, with what it means there when it says more
 * than the status, and its schema when it is not the status's usual one
 * (named in {@link RESPONSE_SCHEMAS}).
 */
export type ApiProblem = number | { status: number; description: string; schema?: z.ZodType };

/**
 * One route of the API as the OpenAPI document describes it. The document is
 * generated from these entries: adding a route is adding one entry.
 */
export interface ApiRoute {
  method: ApiMethod;
  /** The OpenAPI path template, with the route's own parameter names: `/sessions/{id}`. */
  path: string;
  operationId: string;
  tag: ApiTag;
  summary: string;
  description?: string;
  /** The API-key scope the route requires, or `null` for a public route (no API key). */
  scope: ApiKeyScope | null;
  /** Every `{name}` of `path`. */
  pathParams?: Record<string, ApiParameter>;
  /** The route's own query schema (one parameter per member), or the parameters one by one. */
  query?: z.ZodObject | Record<string, ApiParameter>;
  headers?: Record<string, ApiParameter>;
  body?: ApiRequestBody;
  /** Answers other than problems, by status. */
  responses: Record<number, ApiResponse>;
  /**
   * Problem (`application/problem+json`) statuses beyond those every route
   * of its kind has: 500 always; 401, 403 and 429 for a route with a scope;
   * 400 and 413 for a route with a body.
   */
  problems?: readonly ApiProblem[];
  /** Documented ahead of its implementation: not served yet. */
  planned?: boolean;
}

/** The tags of the document, in display order, with their descriptions. */
export const API_TAGS = {
  Health: 'Liveness, readiness and Prometheus metrics (no API key).',
  Sessions: 'Upload trade documents, read their validation sessions, share them with a bank.',
  Bank: 'A bank re-checks a shared session through its SWIFT gateway, paying for it after a 402 quote.',
  Logistics: 'Carrier quotes (billed) and shipment tracking.',
  Customs: 'Customs declarations (billed).',
  FX: 'Reference rates and currency conversion (billed).',
  Submissions: 'Partner submissions the server keeps and retries.',
  Billing: 'The caller’s own ledger events, usage and invoices.',
  'API keys': 'Issue, list, rotate and revoke API keys (scope `api_keys`).',
  Monitoring: 'Health of the partner integrations.',
  Webhooks: 'Partner callbacks in; signed event deliveries out.',
} as const;

/** A tag of {@link API_TAGS}. */
export type ApiTag = keyof typeof API_TAGS;

/**
 * The named schemas of what the server answers (`components.schemas`,
 * converted as zod OUTPUT types). A schema used by a route must be named here.
 */
export const RESPONSE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Money: moneyJsonSchema,
  BillingMoney: billingMoneySchema,
  ValidationIssue: validationIssueSchema,
  Problem: problemSchema,
  ValidationProblem: validationProblemSchema,
  ChargeQuote: chargeQuoteSchema,
  PaymentRequiredProblem: paymentRequiredProblemSchema,
  TooManyRequestsProblem: tooManyRequestsProblemSchema,
  Health: healthSchema,
  Finding: findingSchema,
  Session: sessionSchema,
  UploadResults: uploadResultsSchema,
  UploadAnswer: uploadAnswerSchema,
  SessionShare: sessionShareSchema,
  BankValidation: bankValidationSchema,
  Submission: submissionSchema,
  CarrierService: carrierServiceSchema,
  LogisticsQuote: logisticsQuoteSchema,
  Tracking: trackingSchema,
  CustomsSubmission: customsSubmissionSchema,
  FxRates: fxRatesSchema,
  FxConversion: fxConversionSchema,
  BillingEvent: billingEventSchema,
  BillingEventPage: billingEventPageSchema,
  BillingUsage: billingUsageSchema,
  Invoice: invoiceSchema,
  ApiKey: apiKeySchema,
  ApiKeyList: apiKeyListSchema,
  IssuedApiKey: issuedApiKeySchema,
  RotatedApiKey: rotatedApiKeySchema,
  IntegrationHealth: integrationHealthSchema,
  PartnerWebhookReceipt: partnerWebhookReceiptSchema,
  WebhookEndpoint: webhookEndpointSchema,
  CreatedWebhookEndpoint: createdWebhookEndpointSchema,
  WebhookEndpointList: webhookEndpointListSchema,
  WebhookDelivery: webhookDeliverySchema,
  WebhookDeliveryList: webhookDeliveryListSchema,
};

/**
 * The named request bodies (`components.schemas`, converted as zod INPUT
 * types): the routes' own schemas, so the document cannot drift from what
 * the routes accept.
 */
export const REQUEST_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  UploadRequest: uploadBody,
  ShareSessionRequest: shareBody,
  BankValidationRequest: validateBody,
  LogisticsQuoteRequest: quoteRequestBody,
  CustomsSubmissionRequest: submitBody,
  FxRatesRequest: ratesBody,
  FxConversionRequest: convertBody,
  IssueApiKeyRequest: issueBody,
  RotateApiKeyRequest: rotateBody,
  WebhookEndpointRequest: webhookEndpointBody,
};

const integrationId: ApiParameter = {
  description:
    'The id the server registered the partner client under (`demo-dhl`, `demo-swift` …).',
  example: 'demo-dhl',
};

const RATE_LIMITED: readonly ApiResponseHeader[] = ['RateLimit', 'RateLimit-Policy'];
const BILLED: readonly ApiResponseHeader[] = [...RATE_LIMITED, 'Tollgate-Idempotent-Replayed'];

/** What a failing partner answers with, passed through (or made a 502). */
const PARTNER_PROBLEMS: readonly ApiProblem[] = [
  {
    status: 502,
    description:
      'The partner failed or refused the server’s credentials (`upstream_error`); nothing was billed.',
  },
  {
    status: 503,
    description: 'The partner’s circuit breaker is open (`circuit_open`): try later.',
  },
  {
    status: 504,
    description: 'The partner did not answer in time (`timeout`); nothing was billed.',
  },
];

const IDEMPOTENCY_CONFLICT: ApiProblem = {
  status: 409,
  description:
    'The `idempotency_key` was used for a different request (`idempotency_conflict`), or its first call is still running (`in_progress`).',
};

/** The consent header of a billed route. */
const ACCEPT_CHARGE: Record<string, ApiParameter> = {
  [ACCEPT_CHARGE_HEADER]: {
    description: 'The `quote.quote_id` of the 402 whose charge this call accepts.',
    example: 'quote_0f6c…',
  },
};

/** A 402 of a billed partner route: only payers that must consent to their own charge get one. */
const CONSENT_REQUIRED: ApiProblem = {
  status: 402,
  description: `The caller pays for this call itself and must accept the quote first (a bank key acting on a session, by default): repeat the same call with \`${ACCEPT_CHARGE_HEADER}: <quote.quote_id>\` (\`payment_required\`).`,
};

const idempotencyNote =
  'The same `idempotency_key` answers the first result again (header `Tollgate-Idempotent-Replayed: true`) and bills nothing more.';

/** Every route of the reference server, in the order the document lists them. */
export const TOLLGATE_API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    tag: 'Health',
    summary: 'Liveness and database check',
    scope: null,
    responses: {
      200: { description: 'The server and its database answer.', schema: healthSchema },
      503: { description: 'The database does not answer.', schema: healthSchema },
    },
  },
  {
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    tag: 'Health',
    summary: 'Prometheus metrics',
    description:
      'The Prometheus text exposition (HTTP requests, billing, rate-limit hits, partner calls, integration health). No authentication of its own: serve it on an internal network.',
    scope: null,
    responses: {
      200: {
        description: 'The metrics in the Prometheus text format (version 0.0.4).',
        schema: z.string(),
        mediaType: 'text/plain',
      },
    },
  },
  {
    method: 'post',
    path: '/uploads',
    operationId: 'uploadDocuments',
    tag: 'Sessions',
    summary: 'Upload documents for validation',
    description:
      'One to five files (1 MiB each) in the multipart field `documents`, typed by content: FIN/MT text is checked with the LC document check and billed `sme.validation` once per file; a PDF opens a session that is not checked and not billed. SME keys only.',
    scope: 'uploads',
    body: {
      schema: uploadBody,
      mediaType: 'multipart/form-data',
      encoding: {
        documents: { contentType: 'text/plain, application/pdf, application/octet-stream' },
      },
    },
    responses: {
      201: {
        description:
          'One session per file: the session itself for one file, `{ results }` for several.',
        schema: uploadAnswerSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [
      {
        status: 403,
        description: 'Not an SME key, or the key lacks the `uploads` scope (`forbidden`).',
      },
      {
        status: 413,
        description:
          'More than five files, a file over 1 MiB, or a body over the limit (`payload_too_large`).',
      },
      {
        status: 415,
        description:
          'A file is neither FIN/MT text nor a PDF (`unsupported_media_type`); nothing was billed.',
      },
    ],
  },
  {
    method: 'get',
    path: '/sessions/{id}',
    operationId: 'getSession',
    tag: 'Sessions',
    summary: 'Read a validation session',
    description:
      'To its own tenant and the tenants it was shared with; to anyone else it does not exist (404).',
    scope: 'sessions',
    pathParams: { id: { description: 'The session id.' } },
    responses: {
      200: { description: 'The session.', schema: sessionSchema, headers: RATE_LIMITED },
    },
    problems: [{ status: 404, description: 'No such session for this tenant (`not_found`).' }],
  },
  {
    method: 'post',
    path: '/sessions/{id}/share',
    operationId: 'shareSession',
    tag: 'Sessions',
    summary: 'Share a session with another tenant',
    description: 'The owning tenant lets another tenant (a bank) read the session. Idempotent.',
    scope: 'sessions',
    pathParams: { id: { description: 'The session id.' } },
    body: { schema: shareBody },
    responses: {
      200: {
        description: 'Who the session is shared with now.',
        schema: sessionShareSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [{ status: 404, description: 'The tenant owns no such session (`not_found`).' }],
  },
  {
    method: 'post',
    path: '/integrations/bank/{integrationId}/validate',
    operationId: 'validateWithBank',
    tag: 'Bank',
    summary: 'Re-check a shared session through a bank gateway',
    description: `A bank submits the MT700 of a session shared with it to its SWIFT gateway. The bank pays for \`bank.recheck\` itself: the first call answers 402 with a quote; repeating the same call with \`${ACCEPT_CHARGE_HEADER}: <quote_id>\` submits it and bills it. A failed submission is not billed. ${idempotencyNote} Bank keys only.`,
    scope: 'integrations',
    pathParams: { integrationId: { ...integrationId, example: 'demo-swift' } },
    headers: ACCEPT_CHARGE,
    body: { schema: validateBody },
    responses: {
      201: {
        description: 'The gateway took the MT700; `bank.recheck` is billed.',
        schema: bankValidationSchema,
        headers: BILLED,
      },
      202: {
        description:
          'An earlier call with this `idempotency_key` failed and a retry is scheduled: the submission as it stands.',
        schema: submissionSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [
      {
        status: 400,
        description:
          'The body is invalid, the session holds no MT700, or `lc_number` is not its field 20 (`validation_failed`).',
      },
      402,
      {
        status: 403,
        description:
          'Not a bank key, the key lacks the `integrations` scope, or the tenant is not entitled to `bank.recheck`.',
      },
      {
        status: 404,
        description:
          'No such bank integration, or no such session shared with the caller (`not_found`).',
      },
      IDEMPOTENCY_CONFLICT,
      ...PARTNER_PROBLEMS,
    ],
  },
  {
    method: 'post',
    path: '/integrations/logistics/{integrationId}/quote',
    operationId: 'quoteShipment',
    tag: 'Logistics',
    summary: 'Quote a shipment with a carrier',
    description: `The carrier registered under \`integrationId\` prices a shipment for a session the caller can see; billed \`logistics.quote\` at the tier of the caller’s role. A failed quote is not billed. ${idempotencyNote}`,
    scope: 'integrations',
    pathParams: { integrationId },
    headers: ACCEPT_CHARGE,
    body: { schema: quoteRequestBody },
    responses: {
      201: {
        description: 'The best matching service and the alternatives.',
        schema: logisticsQuoteSchema,
        headers: BILLED,
      },
    },
    problems: [
      CONSENT_REQUIRED,
      {
        status: 404,
        description:
          'No such logistics integration, or a session the caller cannot see (`not_found`).',
      },
      IDEMPOTENCY_CONFLICT,
      { status: 501, description: 'The carrier offers no quote API (`unsupported_operation`).' },
      ...PARTNER_PROBLEMS,
    ],
  },
  {
    method: 'get',
    path: '/integrations/logistics/{integrationId}/track/{trackingNumber}',
    operationId: 'trackShipment',
    tag: 'Logistics',
    summary: 'Track a shipment',
    description: 'Not billed.',
    scope: 'integrations',
    pathParams: {
      integrationId,
      trackingNumber: { description: '6 to 40 letters, digits or dashes.', example: '1234567890' },
    },
    responses: {
      200: {
        description: 'Where the shipment stands.',
        schema: trackingSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [
      { status: 400, description: 'The tracking number is malformed (`validation_failed`).' },
      {
        status: 404,
        description:
          'No such logistics integration (`not_found`) or shipment (`shipment_not_found`).',
      },
      ...PARTNER_PROBLEMS,
    ],
  },
  {
    method: 'post',
    path: '/integrations/customs/{integrationId}/submit',
    operationId: 'submitCustomsDeclaration',
    tag: 'Customs',
    summary: 'Lodge a customs declaration',
    description: `The customs gateway registered under \`integrationId\` lodges a declaration for a session the caller can see; billed \`customs.submission\` at the tier of the caller’s role. The declaration is recorded as a submission first (\`GET /submissions/{id}\`, updated by the gateway’s callbacks). A refused or failed lodging is not billed; one the gateway could not take (down, slow, rate-limited) is retried in the background, the 502 naming \`submission_id\` and \`next_retry_at\`. ${idempotencyNote}`,
    scope: 'integrations',
    pathParams: { integrationId: { ...integrationId, example: 'demo-customs' } },
    headers: ACCEPT_CHARGE,
    body: { schema: submitBody },
    responses: {
      201: {
        description: 'The declaration was lodged.',
        schema: customsSubmissionSchema,
        headers: BILLED,
      },
      202: {
        description:
          'An earlier call with this `idempotency_key` failed and a retry is scheduled: the submission as it stands.',
        schema: submissionSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [
      CONSENT_REQUIRED,
      {
        status: 404,
        description:
          'No such customs integration, or a session the caller cannot see (`not_found`).',
      },
      IDEMPOTENCY_CONFLICT,
      ...PARTNER_PROBLEMS,
    ],
  },
  {
    method: 'post',
    path: '/integrations/fx/{integrationId}/rates',
    operationId: 'getFxRates',
    tag: 'FX',
    summary: 'Reference rates',
    description: 'Not billed.',
    scope: 'integrations',
    pathParams: { integrationId: { ...integrationId, example: 'demo-ecb' } },
    body: { schema: ratesBody },
    responses: {
      200: { description: 'The provider’s rates.', schema: fxRatesSchema, headers: RATE_LIMITED },
    },
    problems: [
      {
        status: 400,
        description:
          'The body is invalid, or the provider does not publish a currency (`validation_failed`).',
      },
      { status: 404, description: 'No such FX integration (`not_found`).' },
      ...PARTNER_PROBLEMS,
    ],
  },
  {
    method: 'post',
    path: '/integrations/fx/{integrationId}/convert',
    operationId: 'convertCurrency',
    tag: 'FX',
    summary: 'Convert an amount',
    description: `Billed \`fx.conversion\` at the tier of the caller’s role; a failed conversion is not billed. ${idempotencyNote}`,
    scope: 'integrations',
    pathParams: { integrationId: { ...integrationId, example: 'demo-ecb' } },
    headers: ACCEPT_CHARGE,
    body: { schema: convertBody },
    responses: {
      201: { description: 'The converted amount.', schema: fxConversionSchema, headers: BILLED },
    },
    problems: [
      CONSENT_REQUIRED,
      {
        status: 404,
        description:
          'No such FX integration, or a `session_id` the caller cannot see (`not_found`).',
      },
      IDEMPOTENCY_CONFLICT,
      ...PARTNER_PROBLEMS,
    ],
  },
  {
    method: 'get',
    path: '/submissions/{id}',
    operationId: 'getSubmission',
    tag: 'Submissions',
    summary: 'Read a partner submission',
    description:
      'Its status, the partner’s status word and reference, attempts and next retry. Another tenant’s is a 404.',
    scope: 'integrations',
    pathParams: { id: { description: 'The submission id.' } },
    responses: {
      200: { description: 'The submission.', schema: submissionSchema, headers: RATE_LIMITED },
    },
    problems: [{ status: 404, description: 'No such submission for this tenant (`not_found`).' }],
  },
  {
    method: 'get',
    path: '/billing/events',
    operationId: 'listBillingEvents',
    tag: 'Billing',
    summary: 'List the tenant’s billing events',
    description:
      'Ledger events of the caller’s tenant, oldest first, paged with `cursor` / `next_cursor`.',
    scope: 'billing',
    query: eventsQuery,
    responses: {
      200: { description: 'One page.', schema: billingEventPageSchema, headers: RATE_LIMITED },
    },
    problems: [
      {
        status: 400,
        description: 'An unknown or malformed query parameter (`validation_failed`).',
      },
    ],
  },
  {
    method: 'get',
    path: '/billing/usage',
    operationId: 'getBillingUsage',
    tag: 'Billing',
    summary: 'Usage of one month',
    description: 'Count and net amount per operation in one UTC month (default: the current one).',
    scope: 'billing',
    query: usageQuery,
    responses: {
      200: { description: 'The month’s usage.', schema: billingUsageSchema, headers: RATE_LIMITED },
    },
    problems: [{ status: 400, description: 'A malformed `period` (`validation_failed`).' }],
  },
  {
    method: 'get',
    path: '/billing/invoices/{period}',
    operationId: 'getInvoice',
    tag: 'Billing',
    summary: 'The invoice of one month',
    description: 'Priced by the server’s price book; byte-identical for the same events.',
    scope: 'billing',
    pathParams: {
      period: {
        description: 'The month, `YYYY-MM`.',
        schema: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
        example: '2025-04',
      },
    },
    responses: {
      200: { description: 'The invoice.', schema: invoiceSchema, headers: RATE_LIMITED },
    },
    problems: [
      { status: 400, description: 'Not a real month (`validation_failed`).' },
      { status: 404, description: '`period` is not `YYYY-MM` (`not_found`).' },
    ],
  },
  {
    method: 'post',
    path: '/api-keys',
    operationId: 'issueApiKey',
    tag: 'API keys',
    summary: 'Issue an API key',
    description:
      'An admin key issues keys for any tenant; any other key with the `api_keys` scope only non-admin keys of its own tenant. The secret is in this answer only.',
    scope: 'api_keys',
    body: { schema: issueBody },
    responses: {
      201: { description: 'The new key.', schema: issuedApiKeySchema, headers: RATE_LIMITED },
    },
    problems: [
      {
        status: 403,
        description: 'The key lacks the `api_keys` scope, or may not issue this key (`forbidden`).',
      },
    ],
  },
  {
    method: 'get',
    path: '/api-keys',
    operationId: 'listApiKeys',
    tag: 'API keys',
    summary: 'List a tenant’s API keys',
    scope: 'api_keys',
    query: {
      tenant_id: { description: 'The tenant (admin keys only); default the caller’s own.' },
    },
    responses: {
      200: {
        description: 'The keys, newest first.',
        schema: apiKeyListSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [{ status: 404, description: 'A tenant the caller may not manage (`not_found`).' }],
  },
  {
    method: 'post',
    path: '/api-keys/{prefix}/rotate',
    operationId: 'rotateApiKey',
    tag: 'API keys',
    summary: 'Rotate an API key',
    description:
      'Issues a successor with the same tenant, role and scopes, and revokes the old key after `grace_seconds` (default 0: at once). The body is optional.',
    scope: 'api_keys',
    pathParams: { prefix: { description: 'The key’s prefix.' } },
    body: { schema: rotateBody, required: false },
    responses: {
      201: {
        description: 'The successor key.',
        schema: rotatedApiKeySchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [
      { status: 404, description: 'No such live key the caller may manage (`not_found`).' },
    ],
  },
  {
    method: 'delete',
    path: '/api-keys/{prefix}',
    operationId: 'revokeApiKey',
    tag: 'API keys',
    summary: 'Revoke an API key at once',
    scope: 'api_keys',
    pathParams: { prefix: { description: 'The key’s prefix.' } },
    responses: { 204: { description: 'Revoked.', headers: RATE_LIMITED } },
    problems: [
      { status: 404, description: 'No such live key the caller may manage (`not_found`).' },
    ],
  },
  {
    method: 'get',
    path: '/monitoring/health/{integrationId}',
    operationId: 'getIntegrationHealth',
    tag: 'Monitoring',
    summary: 'Probe an integration',
    description:
      'Runs the connector’s health check: `up`, `degraded` after a failed probe, `down` after three failed probes in a row.',
    scope: 'integrations',
    pathParams: { integrationId },
    responses: {
      200: {
        description: 'The integration is `up` or `degraded`.',
        schema: integrationHealthSchema,
        headers: RATE_LIMITED,
      },
      503: {
        description: 'The integration is `down`.',
        schema: integrationHealthSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [{ status: 404, description: 'No such integration (`not_found`).' }],
  },
  {
    method: 'get',
    path: '/webhooks/{integrationId}',
    operationId: 'answerPartnerWebhookHandshake',
    tag: 'Webhooks',
    summary: 'Confirm a partner’s webhook subscription',
    description:
      'The GET some providers send to a callback URL before they POST to it, answered by the connector: Meta’s WhatsApp Cloud API sends `hub.mode=subscribe`, the `hub.verify_token` typed into its dashboard and a `hub.challenge`, which is echoed as plain text when the token matches. No API key.',
    scope: null,
    pathParams: { integrationId: { ...integrationId, example: 'whatsapp' } },
    query: {
      'hub.mode': { description: '`subscribe` (WhatsApp).' },
      'hub.verify_token': { description: 'The verify token configured for the integration.' },
      'hub.challenge': { description: 'What to echo back when the token matches.' },
    },
    responses: {
      200: {
        description: 'Genuine: the challenge, as plain text.',
        schema: z.string(),
        mediaType: 'text/plain',
      },
      403: {
        description: 'A wrong verify token, or not a subscription request.',
        schema: z.string(),
        mediaType: 'text/plain',
      },
    },
    problems: [
      { status: 404, description: 'No integration under this id takes callbacks (`not_found`).' },
      {
        status: 405,
        description:
          'This integration’s partner confirms no subscription: it only POSTs callbacks (`method_not_allowed`, header `Allow: POST`).',
      },
    ],
  },
  {
    method: 'post',
    path: '/webhooks/{integrationId}',
    operationId: 'receivePartnerWebhook',
    tag: 'Webhooks',
    summary: 'Receive a partner callback',
    description:
      'A partner’s callback for the integration registered under `integrationId`. No API key: the RAW body is verified with the connector’s own signature scheme (Standard Webhooks for the bank and customs gateways), de-duplicated by `webhook-id`, and applied to the submission it names (a bank ACK/NAK or delivery report, a customs status).',
    scope: null,
    pathParams: { integrationId: { ...integrationId, example: 'demo-swift' } },
    body: {
      schema: null,
      mediaType: '*/*',
      description: 'The partner’s payload, byte for byte as signed: do not re-serialize it.',
    },
    responses: {
      200: { description: 'Verified and recorded.', schema: partnerWebhookReceiptSchema },
    },
    problems: [
      {
        status: 400,
        description:
          'The signature, timestamp or payload was rejected (`invalid_signature`, `timestamp_too_old`, `missing_header` …); nothing changed.',
        schema: problemSchema,
      },
      {
        status: 404,
        description: 'No integration under this id verifies callbacks (`not_found`).',
      },
      {
        status: 409,
        description:
          'The callback names a submission this server does not know yet, or one already settled (`unknown_reference`): nothing was recorded, so the partner’s redelivery is applied.',
      },
    ],
  },
  {
    method: 'post',
    path: '/webhook-endpoints',
    operationId: 'createWebhookEndpoint',
    tag: 'Webhooks',
    summary: 'Subscribe an endpoint to events',
    description:
      'Events matching the filters are POSTed to `url`, signed with the Standard Webhooks secret of this answer (`webhook-id`, `webhook-timestamp`, `webhook-signature`), retried for about half an hour.',
    scope: 'webhooks',
    body: { schema: webhookEndpointBody },
    responses: {
      201: {
        description: 'The endpoint and its signing secret, shown in this answer only.',
        schema: createdWebhookEndpointSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [
      {
        status: 400,
        description:
          'A bad URL or event filter, or the tenant already has 20 endpoints (`validation_failed`).',
      },
    ],
  },
  {
    method: 'get',
    path: '/webhook-endpoints',
    operationId: 'listWebhookEndpoints',
    tag: 'Webhooks',
    summary: 'List the tenant’s endpoints',
    scope: 'webhooks',
    responses: {
      200: {
        description: 'The enabled endpoints, without secrets.',
        schema: webhookEndpointListSchema,
        headers: RATE_LIMITED,
      },
    },
  },
  {
    method: 'get',
    path: '/webhook-endpoints/{id}',
    operationId: 'getWebhookEndpoint',
    tag: 'Webhooks',
    summary: 'Read an endpoint',
    scope: 'webhooks',
    pathParams: { id: { description: 'The endpoint id (`whe_…`).' } },
    responses: {
      200: {
        description: 'The endpoint, without its secret.',
        schema: webhookEndpointSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [{ status: 404, description: 'No such endpoint for this tenant (`not_found`).' }],
  },
  {
    method: 'delete',
    path: '/webhook-endpoints/{id}',
    operationId: 'deleteWebhookEndpoint',
    tag: 'Webhooks',
    summary: 'Disable an endpoint',
    description: 'It gets no new deliveries; its queued ones are dropped and its secret erased.',
    scope: 'webhooks',
    pathParams: { id: { description: 'The endpoint id (`whe_…`).' } },
    responses: { 204: { description: 'Disabled.', headers: RATE_LIMITED } },
    problems: [{ status: 404, description: 'No such endpoint for this tenant (`not_found`).' }],
  },
  {
    method: 'get',
    path: '/webhook-endpoints/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    tag: 'Webhooks',
    summary: 'An endpoint’s delivery log',
    scope: 'webhooks',
    pathParams: { id: { description: 'The endpoint id (`whe_…`).' } },
    query: webhookDeliveriesQuery,
    responses: {
      200: {
        description: 'The deliveries, newest first.',
        schema: webhookDeliveryListSchema,
        headers: RATE_LIMITED,
      },
    },
    problems: [{ status: 404, description: 'No such endpoint for this tenant (`not_found`).' }],
  },
  {
    method: 'post',
    path: '/webhook-endpoints/{id}/deliveries/{deliveryId}/replay',
    operationId: 'replayWebhookDelivery',
    tag: 'Webhooks',
    summary: 'Deliver an event again',
    description: 'Queues a `delivered` or `dead` delivery again, due now, with the same event id.',
    scope: 'webhooks',
    pathParams: {
      id: { description: 'The endpoint id (`whe_…`).' },
      deliveryId: { description: 'The delivery id (`whd_…`).' },
    },
    responses: {
      202: { description: 'Queued again.', schema: webhookDeliverySchema, headers: RATE_LIMITED },
    },
    problems: [
      { status: 404, description: 'No such endpoint or delivery for this tenant (`not_found`).' },
      {
        status: 409,
        description:
          'The delivery is still queued, `pending` or `failed` (`delivery_not_replayable`).',
      },
    ],
  },
];
