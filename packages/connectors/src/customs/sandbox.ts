/**
 * `@tollgate/connectors/customs/sandbox`: msw handlers imitating the customs
 * gateway (HMRC Customs Declarations API, JSON variant; see `gateway-wire.ts`)
 * for tests and offline runs. It checks what HMRC checks, in HMRC's order
 * (Accept header, Content-Type, bearer token, submitter headers, payload) and
 * answers with HMRC's status codes and `{ code, message }` bodies. Outcomes
 * follow the LRN prefix (`sandbox-outcomes.ts`); notifications go to an
 * outbox a test reads (`sandbox-outbox.ts`) and to the pull endpoint.
 *
 * Imports msw: keep it out of production code paths (`@tollgate/connectors/customs` does not import it).
 * @module
 */
import { HttpResponse, http } from 'msw';
import {
  SANDBOX_SCENARIOS,
  type SandboxOptions,
  type SandboxScenario,
  scenarioHandlers,
} from '../shared/sandbox-scenario.js';
import { type CustomsCountry, declarationCodeLengths } from './countries.js';
import {
  DECLARATIONS_PATH,
  GATEWAY_ACCEPT,
  GATEWAY_SCOPE,
  type GatewayErrorBody,
  HELLO_APPLICATION_PATH,
  type WireNotification,
  wireDeclarationRequest,
} from './gateway-wire.js';
import { type CustomsNotificationOutbox, createCustomsOutbox } from './sandbox-outbox.js';
import { INVALID_COMMODITY_CODE, outcomeForReference } from './sandbox-outcomes.js';
import type { CustomsConfig } from './schema.js';

/** Options of {@link customsSandbox}. */
export interface CustomsSandboxOptions extends SandboxOptions<CustomsConfig> {
  /** Where notifications go; default a new outbox that issues them on submission. */
  outbox?: CustomsNotificationOutbox;
  /** The sandbox's business clock (received and issue times). Default: the wall clock. */
  now?: () => Date;
  /**
   * OAuth2 clients the token endpoint accepts (id → secret); any other gets
   * 401 `invalid_client`. Default: the one client of {@link CUSTOMS_SANDBOX_CREDENTIALS}.
   */
  clients?: Readonly<Record<string, string>>;
}

/** The OAuth2 client the customs sandbox knows unless `clients` says otherwise. */
export const CUSTOMS_SANDBOX_CREDENTIALS = Object.freeze({
  clientId: 'tollgate-platform',
  clientSecret: 'sandbox-client-secret-0001',
});

const TOKEN_PREFIX = 'customs-sandbox-token-';

function gatewayError(status: number, body: GatewayErrorBody): Response {
  return HttpResponse.json(body, { status });
}

const errors = {
  acceptHeader: () =>
    gatewayError(406, {
      code: 'ACCEPT_HEADER_INVALID',
      message: 'The accept header is missing or invalid',
    }),
  contentType: () =>
    gatewayError(415, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The content type header is missing or invalid',
    }),
  unauthorized: () =>
    gatewayError(401, {
      code: 'UNAUTHORIZED',
      message: 'Bearer token is missing or not authorized',
    }),
  badRequest: (message: string, details: GatewayErrorBody['errors'] = []) =>
    gatewayError(400, {
      code: 'BAD_REQUEST',
      message,
      ...(details.length > 0 ? { errors: details } : {}),
    }),
  notFound: () =>
    gatewayError(404, { code: 'NOT_FOUND', message: 'The requested resource could not be found' }),
};

/** `00000000-0000-4000-8000-000000000001`, … : deterministic RFC 9562 (v4 layout) ids. */
function sequentialUuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/**
 * The customs gateway sandbox's msw handlers, faults first (`scenario`).
 *
 * - `POST /oauth/token`: client credentials in the form body; a client secret
 *   starting with `invalid` is refused (`invalid_client`).
 * - `POST /customs/declarations`: 202 + `X-Conversation-ID`; the LRN prefix
 *   picks the outcome (`ACC`, `REJ`, `REJHS`, `REJDOC`, `INS`, `DOC`, `PND`,
 *   `CLR`/other); a commodity code of the wrong national length is rejected
 *   (function code 03, `SBX-CC-001`) whatever the prefix. A repeated
 *   `Idempotency-Key` with the same body answers the first acknowledgement again.
 * - `GET /notifications/conversationId/{id}`: the notifications issued so far.
 * - `GET /hello/application`: `{ "message": "Hello Application" }`.
 */
export function customsSandbox(options: CustomsSandboxOptions) {
  const base = options.baseUrl.replace(/\/$/, '');
  const outbox = options.outbox ?? createCustomsOutbox();
  const now = options.now ?? (() => new Date());
  const tokens = new Set<string>();
  const conversations = new Map<string, { countryCode: string }>();
  const byIdempotencyKey = new Map<
    string,
    { body: string; conversationId: string; ack: unknown }
  >();
  let declarations = 0;

  const acceptOk = (request: Request) => request.headers.get('accept') === GATEWAY_ACCEPT;
  const authorized = (request: Request) => {
    const header = request.headers.get('authorization') ?? '';
    return header.startsWith('Bearer ') && tokens.has(header.slice('Bearer '.length));
  };

  const planNotifications = (
    conversationId: string,
    declaration: ReturnType<typeof wireDeclarationRequest.parse>,
    receivedAt: Date,
    mrn: string,
  ) => {
    const country = declaration.metaData.responsibleCountryCode as CustomsCountry;
    const lengths = declarationCodeLengths(
      country,
      declaration.declaration.typeCode === 'IMA' ? 'import' : 'export',
    );
    const badCode = declaration.declaration.goodsShipment.governmentAgencyGoodsItems.some(
      (item) => !lengths.includes(item.commodity.classifications[0]?.id.length ?? 0),
    );
    const outcome = badCode
      ? { functionCodes: ['02', '03'], errors: [INVALID_COMMODITY_CODE] }
      : outcomeForReference(declaration.declaration.functionalReferenceId);
    const notifications: WireNotification[] = outcome.functionCodes.map((functionCode, index) => ({
      conversationId,
      notificationId: `${conversationId.slice(-12)}-${String(index + 1).padStart(2, '0')}`,
      functionCode,
      issueDateTime: new Date(receivedAt.getTime() + (index + 1) * 1000).toISOString(),
      responsibleCountryCode: country,
      declaration: {
        functionalReferenceId: declaration.declaration.functionalReferenceId,
        // Customs assigns the MRN on acceptance; a rejection carries none.
        ...(functionCode === '01' ||
        functionCode === '05' ||
        functionCode === '06' ||
        functionCode === '09'
          ? { id: mrn }
          : {}),
        versionId: 1,
      },
      errors: functionCode === '03' ? [...outcome.errors] : [],
    }));
    outbox.plan(notifications);
  };

  return [
    // The OAuth service is HMRC's API platform, not the declarations API: a scenario faults the
    // API endpoints, and token-endpoint faults are injected with `sandbox.use(faults…)`.
    http.post(`${base}/oauth/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const clientId = form.get('client_id') ?? '';
      const clientSecret = form.get('client_secret') ?? '';
      if (form.get('grant_type') !== 'client_credentials') {
        return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 });
      }
      const clients: Readonly<Record<string, string>> = options.clients ?? {
        [CUSTOMS_SANDBOX_CREDENTIALS.clientId]: CUSTOMS_SANDBOX_CREDENTIALS.clientSecret,
      };
      if (!Object.hasOwn(clients, clientId) || clients[clientId] !== clientSecret) {
        return HttpResponse.json(
          { error: 'invalid_client', error_description: 'invalid client id or secret' },
          { status: 401 },
        );
      }
      const token = `${TOKEN_PREFIX}${tokens.size + 1}`;
      tokens.add(token);
      return HttpResponse.json({
        access_token: token,
        scope: form.get('scope') ?? GATEWAY_SCOPE,
        expires_in: 14400,
        token_type: 'bearer',
      });
    }),
    ...scenarioHandlers(options),
    http.post(`${base}${DECLARATIONS_PATH}`, async ({ request }) => {
      if (!acceptOk(request)) return errors.acceptHeader();
      if (!/^application\/json(\s*;.*)?$/i.test(request.headers.get('content-type') ?? '')) {
        return errors.contentType();
      }
      if (!authorized(request)) return errors.unauthorized();
      const submitter = request.headers.get('x-submitter-identifier');
      const badge = request.headers.get('x-badge-identifier');
      const submitterOk = submitter !== null && /^[A-Za-z0-9]{1,17}$/.test(submitter);
      const badgeOk = badge !== null && /^[A-Z0-9]{6,12}$/.test(badge);
      if (
        (submitter !== null && !submitterOk) ||
        (badge !== null && !badgeOk) ||
        (!submitterOk && !badgeOk)
      ) {
        return errors.badRequest(
          'X-Submitter-Identifier or X-Badge-Identifier header is missing or invalid',
        );
      }
      const text = await request.text();
      const key = request.headers.get('idempotency-key');
      const previous = key === null ? undefined : byIdempotencyKey.get(key);
      if (previous !== undefined) {
        if (previous.body !== text) {
          return gatewayError(409, {
            code: 'CONFLICT',
            message: 'The Idempotency-Key was already used with a different declaration',
          });
        }
        return HttpResponse.json(previous.ack as Record<string, unknown>, {
          status: 202,
          headers: { 'X-Conversation-ID': previous.conversationId },
        });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return errors.badRequest('Payload is not valid according to schema', [
          { code: 'json_validation_error', message: 'The body is not JSON' },
        ]);
      }
      const parsed = wireDeclarationRequest.safeParse(json);
      if (!parsed.success) {
        return errors.badRequest(
          'Payload is not valid according to schema',
          parsed.error.issues.map((issue) => ({
            code: 'json_validation_error',
            message: issue.message,
            path: issue.path.join('.'),
          })),
        );
      }
      declarations += 1;
      const conversationId = sequentialUuid(declarations);
      const receivedAt = now();
      const country = parsed.data.metaData.responsibleCountryCode;
      const territory =
        country === 'EU' ? parsed.data.declaration.declarationOfficeId.slice(0, 2) : country;
      const mrn = `${String(receivedAt.getUTCFullYear() % 100).padStart(2, '0')}${territory}SBX${String(declarations).padStart(11, '0')}`;
      conversations.set(conversationId, { countryCode: country });
      const ack = {
        conversationId,
        functionalReferenceId: parsed.data.declaration.functionalReferenceId,
        receivedDateTime: receivedAt.toISOString(),
      };
      if (key !== null) byIdempotencyKey.set(key, { body: text, conversationId, ack });
      planNotifications(conversationId, parsed.data, receivedAt, mrn);
      return HttpResponse.json(ack, {
        status: 202,
        headers: { 'X-Conversation-ID': conversationId },
      });
    }),
    http.get(`${base}/notifications/conversationId/:conversationId`, ({ request, params }) => {
      if (!acceptOk(request)) return errors.acceptHeader();
      if (!authorized(request)) return errors.unauthorized();
      const conversationId = String(params.conversationId);
      if (!conversations.has(conversationId)) return errors.notFound();
      return HttpResponse.json({ conversationId, notifications: outbox.issuedFor(conversationId) });
    }),
    http.get(`${base}${HELLO_APPLICATION_PATH}`, ({ request }) => {
      if (!acceptOk(request)) return errors.acceptHeader();
      if (!authorized(request)) return errors.unauthorized();
      return HttpResponse.json({ message: 'Hello Application' });
    }),
  ];
}

export {
  CUSTOMS_SANDBOX_CALLBACK_URL,
  CUSTOMS_SANDBOX_WEBHOOK_SECRET,
  type CustomsCallback,
  type CustomsNotificationOutbox,
  type CustomsOutboxOptions,
  createCustomsOutbox,
} from './sandbox-outbox.js';
export {
  INVALID_COMMODITY_CODE,
  MISSING_DOCUMENT,
  outcomeForReference,
  type SandboxOutcome,
  type SandboxRejection,
} from './sandbox-outcomes.js';
export { SANDBOX_SCENARIOS, type SandboxOptions, type SandboxScenario };
