/**
 * The customs connector: declarations (import/export) for BD, IN, US, AE, SA
 * and the EU through a multi-country gateway modelled on HMRC's Customs
 * Declarations API (see `gateway-wire.ts`), plus HS code validation and lookup
 * and duty estimates computed locally from shipped tables.
 * @module
 */
import {
  defineConnector,
  oauth2ClientCredentials,
  UpstreamError,
  ValidationError,
} from '@tollgate/core';
import { defineWebhook } from '@tollgate/core/webhooks';
import { buildDeclarationRequest } from './declaration-request.js';
import { summarizeNotifications } from './declaration-status.js';
import { estimateDuties } from './duty-estimate.js';
import {
  DECLARATIONS_PATH,
  GATEWAY_ACCEPT,
  GATEWAY_SCOPE,
  HELLO_APPLICATION_PATH,
  notificationsPath,
  wireNotificationList,
  wireSubmissionAck,
} from './gateway-wire.js';
import { lookupHsCode, validateHsCode } from './hs-codes.js';
import {
  customsConfig,
  customsCredentials,
  customsStatusEvent,
  estimateDutiesInput,
  estimateDutiesOutput,
  getDeclarationStatusInput,
  getDeclarationStatusOutput,
  lookupHsCodeInput,
  lookupHsCodeOutput,
  submitDeclarationInput,
  submitDeclarationOutput,
  validateHsCodeInput,
  validateHsCodeOutput,
} from './schema.js';

const CONNECTOR_ID = 'customs';

/** The `X-Submitter-Identifier` / `X-Badge-Identifier` headers of a connection. */
function submitterHeaders(config: {
  submitterIdentifier: string;
  badgeIdentifier?: string | undefined;
}): Record<string, string> {
  return {
    'X-Submitter-Identifier': config.submitterIdentifier,
    ...(config.badgeIdentifier ? { 'X-Badge-Identifier': config.badgeIdentifier } : {}),
  };
}

/**
 * The customs connector. Connect it to the gateway (or its sandbox) with OAuth
 * 2.0 client credentials; status callbacks are verified with `webhookSecret`.
 *
 * @example
 * ```ts
 * const client = customs.connect({
 *   environment: 'production',
 *   baseUrl: 'https://customs-gateway.example.com',
 *   config: { submitterIdentifier: 'GB123456789000' },
 *   credentials: { clientId, clientSecret, webhookSecret },
 * });
 * const { declarationId } = await client.operations.submitDeclaration(input, { idempotencyKey });
 * ```
 */
export const customs = defineConnector({
  id: CONNECTOR_ID,
  kind: 'customs',
  displayName: 'Customs declarations',
  description:
    'Import/export declarations for BD, IN, US, AE, SA and the EU through an HMRC CDS-style JSON gateway; HS code validation and lookup (HS 2022); duty and tax estimates.',
  config: customsConfig,
  credentials: customsCredentials,
  environments: {
    sandbox: 'https://test-api.customs-gateway.tollgate.test',
    production: 'https://api.customs-gateway.tollgate.example',
  },
  auth: ({ credentials }) =>
    oauth2ClientCredentials({
      tokenUrl: '/oauth/token',
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      scopes: [GATEWAY_SCOPE],
      // HMRC's token endpoint takes client_id and client_secret in the form body.
      clientAuthentication: 'client_secret_post',
    }),
  transport: { headers: { accept: GATEWAY_ACCEPT } },
  operations: {
    submitDeclaration: {
      description:
        'Lodge an import or export declaration (202 Accepted: outcomes arrive as notifications)',
      input: submitDeclarationInput,
      output: submitDeclarationOutput,
      // POST: retried only with an idempotency key (sent as Idempotency-Key).
      idempotent: false,
      billable: 'customs.submission',
      run: async (input, { http, config }) => {
        const response = await http.request({
          method: 'POST',
          path: DECLARATIONS_PATH,
          json: buildDeclarationRequest(input),
          headers: { accept: GATEWAY_ACCEPT, ...submitterHeaders(config) },
        });
        const conversationId = response.headers.get('x-conversation-id');
        const text = await response.text();
        let ack: ReturnType<typeof wireSubmissionAck.safeParse> | undefined;
        try {
          ack = wireSubmissionAck.safeParse(text === '' ? undefined : JSON.parse(text));
        } catch {
          ack = undefined;
        }
        if (!conversationId || !ack?.success || ack.data.conversationId !== conversationId) {
          throw new UpstreamError(
            'The gateway accepted the declaration without a usable X-Conversation-ID acknowledgement',
            {
              connectorId: CONNECTOR_ID,
              operation: 'submitDeclaration',
              status: 502,
              upstreamStatus: response.status,
              retryable: false,
              body: text.slice(0, 2048),
            },
          );
        }
        return {
          declarationId: conversationId,
          reference: input.declarantReference,
          status: 'submitted' as const,
          submittedAt: ack.data.receivedDateTime,
          countryCode: input.countryCode,
          declarationType: input.declarationType,
        };
      },
    },
    getDeclarationStatus: {
      description: "A declaration's status, from the notifications customs sent for it",
      input: getDeclarationStatusInput,
      output: getDeclarationStatusOutput,
      idempotent: true,
      run: async (input, { http }) => {
        const body = await http.json<unknown>({
          path: notificationsPath(input.declarationId),
          headers: { accept: GATEWAY_ACCEPT },
        });
        const parsed = wireNotificationList.safeParse(body);
        if (!parsed.success) {
          throw new UpstreamError(
            "The gateway's notification list does not have the expected shape",
            {
              connectorId: CONNECTOR_ID,
              operation: 'getDeclarationStatus',
              status: 502,
              retryable: false,
              cause: parsed.error,
            },
          );
        }
        return summarizeNotifications(input.declarationId, parsed.data.notifications);
      },
    },
    validateHsCode: {
      description:
        'Check a commodity code: digits, HS 2022 chapter, national length (local, no network)',
      input: validateHsCodeInput,
      output: validateHsCodeOutput,
      idempotent: true,
      run: (input) =>
        validateHsCode(input.code, {
          countryCode: input.countryCode,
          ...(input.declarationType ? { declarationType: input.declarationType } : {}),
        }),
    },
    lookupHsCode: {
      description: 'Chapter, heading and subheading texts of a code (HS 2022; local, no network)',
      input: lookupHsCodeInput,
      output: lookupHsCodeOutput,
      idempotent: true,
      run: (input) => lookupHsCode(input.code),
    },
    estimateDuties: {
      description:
        'Estimate duty and import VAT/GST from shipped rate tables (an estimate; local, no network)',
      input: estimateDutiesInput,
      output: estimateDutiesOutput,
      idempotent: true,
      run: (input) => {
        try {
          return estimateDuties({
            countryCode: input.countryCode,
            memberState: input.memberState,
            items: input.items.map((item) => ({
              hsCode: item.hsCode,
              value: item.value,
              quantity: item.quantity,
              dutyRatePercent: item.dutyRatePercent,
            })),
            freight: input.freight,
            insurance: input.insurance,
            rounding: input.rounding,
          });
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          throw new ValidationError(
            error.message,
            error.issues.map((issue) => ({ ...issue, path: ['input', ...issue.path] })),
            { connectorId: CONNECTOR_ID, operation: 'estimateDuties' },
          );
        }
      },
    },
  },
  // Standard Webhooks (HMAC over id.timestamp.body, 5-minute tolerance, whsec secret,
  // rotation) rather than HMRC's push scheme, which sends the subscriber's static
  // token in `Authorization`: a bearer token proves who sent the callback but not
  // that the body was not altered, and it gives no replay protection. The gateway
  // keeps HMRC's `X-Conversation-ID` header beside the `webhook-*` ones.
  webhooks: defineWebhook({
    scheme: 'standard-webhooks',
    event: customsStatusEvent,
    credential: 'webhookSecret',
  }),
  check: async ({ http }) => {
    const hello = await http.json<{ message?: unknown } | undefined>({
      path: HELLO_APPLICATION_PATH,
      headers: { accept: GATEWAY_ACCEPT },
    });
    if (typeof hello?.message !== 'string') {
      return { ok: false, reason: 'The gateway answered /hello/application without a message' };
    }
    return { ok: true };
  },
});
