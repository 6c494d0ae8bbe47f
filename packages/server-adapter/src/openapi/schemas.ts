/**
 * Zod schemas of what the reference server ANSWERS, written from the route
 * code (`src/routes/*.ts`, `sessionToJson`, `submissionJson`, core's
 * `toProblem`) so that `createOpenApiDocument` can publish them. What the
 * routes READ is documented with the routes' own schemas (`shareBody`,
 * `validateBody` …), never a copy.
 *
 * Objects are plain `z.object`s: parsing an answer with one drops members it
 * does not list, so a test can compare the parsed answer with the answer to
 * catch an undocumented member. The published document leaves them open:
 * answers may gain members, and clients ignore the ones they do not know.
 */

import { serviceType, trackingEvent, trackingStatus } from '@tollgate/connectors/logistics';
import { PROBLEM_TYPE_BASE, ROUNDING_MODES } from '@tollgate/core';
import { z } from 'zod';
import { API_KEY_ROLES, API_KEY_SCOPES } from '../auth/api-keys.js';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const nullableString = z.string().nullable();

/** An ISO 4217 currency code as the server writes it (`USD`). */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .meta({ description: 'An ISO 4217 currency code.', examples: ['USD'] });

/** An integer of any size as a base-10 string (how bigint values travel in JSON). */
export const bigintString = z
  .string()
  .regex(/^-?[0-9]+$/)
  .meta({ description: 'An integer written in base 10, as a string (no float rounding).' });

/**
 * Money as every answer writes it: `amount` in MINOR units as a string of
 * digits (`"2500"` USD is $25.00), never a float, and the ISO 4217 currency.
 * Negative only for a reversal (`-`).
 */
export const moneyJsonSchema = z
  .object({
    amount: z
      .string()
      .regex(/^-?[0-9]+$/)
      .meta({ description: 'Minor units (cents …) as a base-10 string.', examples: ['2500'] }),
    currency: currencyCode,
  })
  .meta({
    description:
      'An amount of money: minor units as a digit string (`"2500"` USD is $25.00) and the ISO 4217 currency.',
    examples: [{ amount: '2500', currency: 'USD' }],
  });

/** Money in billing answers: {@link moneyJsonSchema} plus the exact decimal text. */
export const billingMoneySchema = moneyJsonSchema
  .extend({
    decimal: z
      .string()
      .regex(/^-?[0-9]+(\.[0-9]+)?$/)
      .meta({ description: 'The amount in major units, exact.', examples: ['25.00'] }),
  })
  .meta({
    description:
      'Money with its decimal text: `{ amount: "2500", currency: "USD", decimal: "25.00" }`.',
  });

/** One problem of a request, as a `validation_failed` problem lists it. */
export const validationIssueSchema = z
  .object({
    path: z.array(z.union([z.string(), z.number().int()])).meta({
      description: 'Where the problem is: `["amount", "currency"]`; empty for the whole body.',
    }),
    code: z.string().meta({ description: 'A stable code (zod issue code or the server’s own).' }),
    message: z.string(),
  })
  .meta({ description: 'One problem found in the request.' });

/**
 * RFC 9457 problem details, the body of every error answer
 * (`application/problem+json`): core's `TollgateError.toProblem` plus the
 * error's extension members.
 */
export const problemSchema = z
  .looseObject({
    type: z.string().meta({
      description: `\`${PROBLEM_TYPE_BASE}<code>\`.`,
      examples: [`${PROBLEM_TYPE_BASE}not_found`],
    }),
    title: z.string(),
    status: z.number().int().min(100).max(599),
    detail: z.string().meta({ description: 'What went wrong, for a person.' }),
    code: z.string().meta({
      description: 'Stable machine-readable code: switch on this.',
      examples: ['not_found'],
    }),
    instance: z.string().optional().meta({ description: 'The request path.' }),
    connector: z.string().optional().meta({ description: 'The partner connector that failed.' }),
    operation: z.string().optional().meta({ description: 'The connector or billed operation.' }),
    issues: z.array(validationIssueSchema).optional(),
  })
  .meta({
    description:
      'RFC 9457 problem details. Errors may carry further members (`required_scope`, `max_body_bytes`, `upstream_status` …).',
  });

/** A `validation_failed` (400) problem: every issue of the request, not only the first. */
export const validationProblemSchema = problemSchema
  .extend({ issues: z.array(validationIssueSchema) })
  .meta({
    description: 'A problem listing every issue found in the request (`validation_failed`).',
  });

/** The price a 402 asks the payer to consent to. */
export const chargeQuoteSchema = z
  .object({
    quote_id: z.string().meta({ examples: ['quote_0f6c…'] }),
    operation: z.string().meta({ examples: ['bank.recheck'] }),
    amount: z
      .string()
      .regex(/^[0-9]+$/)
      .meta({ description: 'Minor units as a digit string.', examples: ['2500'] }),
    currency: currencyCode,
    expires_at: isoDateTime,
  })
  .meta({ description: 'A price offer: consent to it with `Tollgate-Accept-Charge: <quote_id>`.' });

/**
 * A `payment_required` (402) problem: the caller pays for this call itself and
 * must consent to the quote by repeating the call with
 * `Tollgate-Accept-Charge: <quote.quote_id>`.
 */
export const paymentRequiredProblemSchema = problemSchema
  .extend({
    code: z.literal('payment_required'),
    status: z.literal(402),
    reason: z
      .enum([
        'consent_required',
        'quote_unknown',
        'quote_mismatch',
        'quote_expired',
        'price_changed',
        'quote_used',
      ])
      .meta({ description: 'Why the call (or its consent) was not accepted.' }),
    quote: chargeQuoteSchema,
  })
  .meta({
    description:
      'Payment required: repeat the same call with `Tollgate-Accept-Charge: <quote.quote_id>` to accept the charge.',
  });

/** A 429 problem: the key's rate limit (`rate_limited`), a partner's, or the tenant's quota (`quota_exceeded`). */
export const tooManyRequestsProblemSchema = problemSchema
  .extend({
    retry_after_seconds: z.number().int().min(0).optional().meta({
      description: 'The key’s own limit: whole seconds to wait (also in `Retry-After`).',
    }),
    retry_after_ms: z.number().min(0).optional().meta({
      description: 'A partner’s limit, when it said how long to wait.',
    }),
    resets_at: isoDateTime.optional().meta({ description: 'When the quota resets.' }),
  })
  .meta({ description: 'Too many requests: a rate limit or a quota.' });

/** `GET /health`. */
export const healthSchema = z
  .object({
    status: z.enum(['ok', 'error']),
    database: z.enum(['ok', 'error']),
  })
  .meta({ description: 'Whether the server and its database answer.' });

/** One finding of the LC document check (`checkLetterOfCredit`). */
export const findingSchema = z
  .object({
    severity: z.enum(['error', 'warning', 'info']),
    code: z.string().meta({
      description: 'An `lc.*` finding code, `swift.<rule>` for a parse issue, or `document.*`.',
      examples: ['lc.expiry_passed'],
    }),
    message: z.string(),
    tags: z.array(z.string()).meta({ description: 'The MT fields concerned (`31D`).' }),
  })
  .meta({ description: 'One finding of the document check.' });

/** A validation session as the API shows it (`sessionToJson`). */
export const sessionSchema = z
  .object({
    session_id: z.string(),
    created_at: isoDateTime,
    document: z.object({
      name: z.string(),
      size: z.number().int().min(0).meta({ description: 'Bytes.' }),
      type: z
        .enum(['mt', 'pdf'])
        .meta({ description: 'What the content is: FIN/MT text or a PDF.' }),
    }),
    findings: z.array(findingSchema),
    billing_recorded: z.boolean().meta({
      description: 'Whether `sme.validation` was billed (false when the check did not run).',
    }),
  })
  .meta({ description: 'A validation session: one uploaded document and its findings.' });

/** `POST /uploads` with several files: one session per file. */
export const uploadResultsSchema = z
  .object({ results: z.array(sessionSchema).min(2) })
  .meta({ description: 'The sessions of a multi-file upload, in upload order.' });

/** `POST /uploads`: the session of a single file, or `{ results }` for several. */
export const uploadAnswerSchema = z
  .union([sessionSchema, uploadResultsSchema])
  .meta({ description: 'One file: its session. Several: `{ results: [session, …] }`.' });

/** `POST /sessions/{id}/share`. */
export const sessionShareSchema = z
  .object({
    session_id: z.string(),
    shared_with: z
      .array(z.string())
      .meta({ description: 'Every tenant the session is shared with.' }),
  })
  .meta({ description: 'Who a session is shared with.' });

/** `POST /integrations/bank/{integrationId}/validate` (201): the gateway took the MT700. */
export const bankValidationSchema = z
  .object({
    id: z.string().meta({ examples: ['bankval_…'] }),
    external_reference_id: z.string().meta({ description: 'The gateway’s submission id.' }),
    submission_type: z.string().meta({ examples: ['mt700'] }),
    status_code: z.string().meta({ description: 'The gateway’s status word.' }),
    submitted_at: z.string(),
    billing_recorded: z.literal(true),
  })
  .meta({ description: 'A bank re-check submitted to the bank gateway, billed `bank.recheck`.' });

/** A persisted partner submission (`submissionJson`). */
export const submissionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['bank', 'customs']),
    integration_id: z.string(),
    session_id: nullableString,
    status: z.enum(['pending', 'submitted', 'success', 'failed']),
    status_code: nullableString.meta({ description: 'The partner’s own status word.' }),
    external_reference_id: nullableString,
    attempts: z.number().int().min(0),
    next_retry_at: isoDateTime.nullable(),
    last_error: nullableString,
    billing_recorded: z.boolean(),
    created_at: isoDateTime,
    updated_at: isoDateTime,
  })
  .meta({
    description:
      'A partner submission: `pending` (retry scheduled), `submitted`, `success` or `failed`.',
  });

/** One carrier service of a quote (snake_case, money in minor units). */
export const carrierServiceSchema = z
  .object({
    carrier: z.string().meta({ examples: ['dhl-express'] }),
    service: z.string(),
    service_code: z.string(),
    service_type: serviceType,
    total: moneyJsonSchema,
    transit_days: z.number().int().min(0).nullable(),
    estimated_delivery: nullableString,
    quote_id: z.string(),
  })
  .meta({ description: 'One priced service of one carrier.' });

/** `POST /integrations/logistics/{integrationId}/quote`. */
export const logisticsQuoteSchema = carrierServiceSchema
  .extend({
    id: z.string().meta({ examples: ['lgq_…'] }),
    session_id: z.string(),
    alternatives: z.array(carrierServiceSchema),
    billing_recorded: z.literal(true),
  })
  .meta({ description: 'The best matching service, its alternatives; billed `logistics.quote`.' });

/** `GET /integrations/logistics/{integrationId}/track/{trackingNumber}`. */
export const trackingSchema = z
  .object({
    carrier: z.string(),
    tracking_number: z.string(),
    status: trackingStatus,
    estimated_delivery: nullableString,
    events: z.array(trackingEvent).meta({ description: 'The history, oldest event first.' }),
  })
  .meta({ description: 'Where a shipment stands, in the same words for every carrier.' });

/** `POST /integrations/customs/{integrationId}/submit`. */
export const customsSubmissionSchema = z
  .object({
    declaration_id: z.string(),
    reference: z.string(),
    declarant_reference: z.string().meta({
      description:
        'The Local Reference Number: `TG` + the session id’s first 20 letters and digits.',
    }),
    session_id: z.string(),
    status: z.string().meta({ examples: ['submitted'] }),
    submitted_at: z.string(),
    country_code: z.string(),
    declaration_type: z.enum(['import', 'export']),
    billing_recorded: z.literal(true),
    submission_id: z.string().meta({
      description:
        'The submission the server keeps for the declaration (`GET /submissions/{id}`), moved on by the gateway’s status callbacks.',
    }),
  })
  .meta({
    description: 'A customs declaration lodged with the gateway, billed `customs.submission`.',
  });

/** `POST /integrations/fx/{integrationId}/rates`. */
export const fxRatesSchema = z
  .object({
    base: currencyCode,
    date: isoDate,
    rates: z.record(z.string(), z.string().regex(/^[0-9]+(\.[0-9]+)?$/)).meta({
      description: 'Units of each currency per unit of `base`, as exact decimal strings.',
    }),
  })
  .meta({ description: 'Reference rates of one day.' });

/** `POST /integrations/fx/{integrationId}/convert`. */
export const fxConversionSchema = z
  .object({
    from: moneyJsonSchema,
    to: moneyJsonSchema,
    rate: z.string().meta({ description: 'Units of `to` per unit of `from`, exactly as applied.' }),
    rate_date: isoDate,
    rounding: z.enum(ROUNDING_MODES as [string, ...string[]]),
    billing_recorded: z.literal(true),
  })
  .meta({ description: 'A conversion at the provider’s rate, billed `fx.conversion`.' });

/** One ledger event (`GET /billing/events`). */
export const billingEventSchema = z
  .object({
    id: z.string().meta({ description: 'A UUID v7: id order is time order.' }),
    sequence: bigintString.meta({ description: 'Position in the tenant’s hash chain, from 1.' }),
    created_at: isoDateTime,
    operation: z.string().meta({ examples: ['sme.validation'] }),
    tier: nullableString,
    session_id: nullableString,
    amount: billingMoneySchema,
    actor: z.object({ id: z.string(), role: z.string() }),
    idempotency_key: z.string(),
    external_reference: nullableString,
    reverses: nullableString.meta({
      description: 'For a reversal: the id of the event it corrects.',
    }),
    metadata: z.record(z.string(), z.unknown()),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .meta({ description: 'An immutable, hash-chained billing event.' });

/** `GET /billing/events`: one page. */
export const billingEventPageSchema = z
  .object({
    data: z.array(billingEventSchema),
    next_cursor: nullableString.meta({
      description: 'Pass as `cursor` for the next page; `null` at the end.',
    }),
  })
  .meta({ description: 'A page of billing events, oldest first.' });

/** `GET /billing/usage`. */
export const billingUsageSchema = z
  .object({
    period: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/),
    from: isoDateTime,
    to: isoDateTime,
    operations: z.array(
      z.object({
        operation: z.string(),
        count: z.number().int().min(0).meta({ description: 'Charging events.' }),
        reversals: z.number().int().min(0),
        net: billingMoneySchema,
      }),
    ),
    totals: z.array(billingMoneySchema).meta({ description: 'Net amount per currency.' }),
  })
  .meta({ description: 'Usage and net amount per operation in one UTC month.' });

/** `GET /billing/invoices/{period}`: `renderInvoiceJSON` (camelCase, byte-identical for the same events). */
export const invoiceSchema = z
  .object({
    invoiceNumber: z.string(),
    tenantId: z.string(),
    period: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
    timeZone: z.string(),
    currency: currencyCode,
    lines: z.array(
      z.object({
        kind: z.enum(['subscription', 'included', 'usage', 'minimum-commitment', 'correction']),
        operation: nullableString,
        tier: nullableString,
        model: z
          .enum([
            'per-unit',
            'graduated',
            'volume',
            'package',
            'percentage',
            'subscription',
            'hybrid',
          ])
          .nullable(),
        quantity: z.number(),
        amount: moneyJsonSchema,
        description: z.string(),
      }),
    ),
    subtotal: moneyJsonSchema,
    taxRate: z.string().meta({ description: 'A decimal fraction: `"0.15"` is 15 %.' }),
    tax: moneyJsonSchema,
    total: moneyJsonSchema,
  })
  .meta({ description: 'A tenant’s invoice for one calendar month.' });

const apiKeyFields = {
  prefix: z.string().meta({ description: 'The key’s visible prefix: `tg_<prefix>_…`.' }),
  tenant_id: z.string(),
  role: z.enum(API_KEY_ROLES),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
};

/** A key as `GET /api-keys` lists it: never its secret. */
export const apiKeySchema = z
  .object({
    ...apiKeyFields,
    label: nullableString,
    created_at: isoDateTime,
    revoked_at: isoDateTime
      .nullable()
      .meta({ description: 'When the key is (or was) refused from; `null` while it is live.' }),
  })
  .meta({ description: 'An API key’s public description.' });

/** `GET /api-keys`. */
export const apiKeyListSchema = z
  .object({
    data: z.array(apiKeySchema).meta({ description: 'Newest first, revoked keys included.' }),
  })
  .meta({ description: 'A tenant’s API keys.' });

/** `POST /api-keys` (201): the new key, whose secret is shown in this answer only. */
export const issuedApiKeySchema = z
  .object({
    ...apiKeyFields,
    label: nullableString,
    key: z
      .string()
      .regex(/^tg_[a-z0-9]{8}_[A-Za-z0-9_-]{20,128}$/)
      .meta({ description: 'The secret key, shown once: `tg_<prefix>_<secret>`.' }),
  })
  .meta({ description: 'A newly issued API key; store `key` now, it is never shown again.' });

/** `POST /api-keys/{prefix}/rotate` (201): the successor key. */
export const rotatedApiKeySchema = z
  .object({
    ...apiKeyFields,
    key: issuedApiKeySchema.shape.key,
    replaces: z.string().meta({ description: 'The prefix of the key being retired.' }),
  })
  .meta({
    description: 'The successor of a rotated key; the old one is revoked after the grace period.',
  });

/** `GET /monitoring/health/{integrationId}`. */
export const integrationHealthSchema = z
  .object({
    integration_id: z.string(),
    kind: z.enum(['bank', 'logistics', 'customs', 'fx']),
    status: z.enum(['up', 'degraded', 'down']),
    consecutive_failures: z.number().int().min(0),
    latency_ms: z.number().min(0),
    reason: z.string().optional().meta({ description: 'Why the probe failed (redacted).' }),
    checked_at: isoDateTime,
  })
  .meta({ description: 'An integration’s health after a fresh probe of its connector.' });

/** `POST /webhooks/{integrationId}` (200): the callback was verified and recorded. */
export const partnerWebhookReceiptSchema = z
  .object({
    received: z.literal(true),
    duplicate: z
      .boolean()
      .meta({ description: 'Seen before (same `webhook-id`): nothing was done.' }),
    applied: z.boolean().meta({ description: 'Whether it changed a submission.' }),
  })
  .meta({ description: 'A partner callback’s receipt.' });

/**
 * The body of `POST /webhook-endpoints` as the server accepts it: the route's
 * own schema (`createBody` of `outgoing-webhooks/routes.ts`: a string `url`,
 * 1–32 string `events`, an optional string `description`) tightened by the
 * checks of `outgoing-webhooks/filters.ts` that the store applies (an `https:`
 * URL of at most 2048 characters, event filters of the `a.b`, `a.*` or `*`
 * form, a description of at most 500 characters), all answered 400.
 */
export const webhookEndpointBody = z.strictObject({
  url: z
    .url({ protocol: /^https?$/ })
    .regex(/^https?:\/\//)
    .max(2048)
    .meta({
      description:
        'Where events are POSTed: `https:` (plain `http:` only for localhost in development).',
    }),
  events: z
    .array(
      z
        .string()
        .max(100)
        .regex(/^(\*|[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*(\.\*)?)$/),
    )
    .min(1)
    .max(32)
    .meta({
      description:
        'Event filters: an exact type (`session.validated`), a prefix (`submission.*`) or `*`.',
    }),
  description: z.string().max(500).optional(),
});

/** The query of `GET /webhook-endpoints/{id}/deliveries` (as `deliveriesQuery` of `outgoing-webhooks/routes.ts`). */
export const webhookDeliveriesQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'At most this many.' }),
  status: z
    .enum(['pending', 'delivered', 'failed', 'dead'])
    .optional()
    .meta({ description: 'Only deliveries in this state.' }),
});

/** A tenant’s outgoing-webhook endpoint, without its secret. */
export const webhookEndpointSchema = z
  .object({
    id: z.string().meta({ examples: ['whe_…'] }),
    url: z.string(),
    events: z.array(z.string()),
    description: nullableString,
    created_at: isoDateTime,
  })
  .meta({ description: 'An endpoint events are delivered to, signed with Standard Webhooks.' });

/** `POST /webhook-endpoints` (201): the only answer carrying the signing secret. */
export const createdWebhookEndpointSchema = webhookEndpointSchema
  .extend({
    secret: z
      .string()
      .regex(/^whsec_/)
      .meta({ description: 'The Standard Webhooks secret (`whsec_…`): shown once.' }),
  })
  .meta({ description: 'A new endpoint and its signing secret, shown in this answer only.' });

/** `GET /webhook-endpoints`. */
export const webhookEndpointListSchema = z
  .object({ data: z.array(webhookEndpointSchema) })
  .meta({ description: 'The tenant’s enabled endpoints, oldest first.' });

/** One delivery of one event to one endpoint. */
export const webhookDeliverySchema = z
  .object({
    id: z.string().meta({ examples: ['whd_…'] }),
    endpoint_id: z.string(),
    event_id: z
      .string()
      .meta({ description: 'The `webhook-id` header: the same on every attempt.' }),
    event_type: z.string(),
    status: z.enum(['pending', 'delivered', 'failed', 'dead']),
    attempts: z.number().int().min(0),
    next_attempt_at: isoDateTime.nullable(),
    last_status_code: z.number().int().nullable(),
    last_error: nullableString,
    created_at: isoDateTime,
    delivered_at: isoDateTime.nullable(),
  })
  .meta({
    description: 'A delivery: `pending`, `failed` (retry scheduled), `delivered` or `dead`.',
  });

/** `GET /webhook-endpoints/{id}/deliveries`. */
export const webhookDeliveryListSchema = z
  .object({ data: z.array(webhookDeliverySchema).meta({ description: 'Newest first.' }) })
  .meta({ description: 'An endpoint’s delivery log.' });
