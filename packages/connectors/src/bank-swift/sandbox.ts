/**
 * `@tollgate/connectors/bank-swift/sandbox`: a simulated SWIFT gateway for
 * the `bank-swift` connector, as msw handlers (needs `msw`). It imitates the
 * Swift Messaging API of Alliance Cloud (see `wire.ts` for the sources):
 *
 * - `POST /oauth2/v1/token` (client credentials, `client_secret_basic`);
 * - `POST /fin/messages`: validates the request like the API (`AC-400` for an
 *   invalid body, `AC-409` for a `sender_reference` reused for another
 *   message, the first answer again for a resubmission), then validates the
 *   FIN text block with the SWIFT MT codec: a payload that is no text block
 *   is refused (`AC-400` with the FIN findings); a message FIN would refuse
 *   is taken (`201`) and later NAKed with the FIN error code (`T13`, …);
 * - `GET /fin/messages/{message_cloud_reference}` (the gateway's status
 *   read), `GET /fin/messages/{distribution-id}`,
 *   `GET /fin/transmission-reports/{id}`, `GET /fin/delivery-reports/{id}`,
 *   `GET /distributions`;
 * - signed Standard Webhooks callbacks for each report, played one step at a
 *   time by the gateway's controls (`advance`, `settle`), or by itself with
 *   `autoAdvanceMs`;
 * - the shared fault scenarios (429, 500, slow, malformed, network error)
 *   in front of the API (not of the token endpoint).
 */
import type { SandboxHandler } from '@tollgate/core';
import { HttpResponse, http } from 'msw';
import { type SandboxOptions, scenarioHandlers } from '../shared/sandbox-scenario.js';
import { validateFinMessage } from './sandbox-fin-validation.js';
import {
  BANK_SWIFT_SANDBOX_CREDENTIALS,
  type BankSwiftGatewayOptions,
  type GatewayDelivery,
  GatewayState,
} from './sandbox-gateway.js';
import { DEFAULT_DISCREPANCIES } from './sandbox-mt750.js';
import type { BankSwiftConfig } from './schema.js';
import { finMessageEmission } from './wire.js';

export type { SandboxOptions, SandboxScenario } from '../shared/sandbox-scenario.js';
export {
  BANK_SWIFT_SANDBOX_CREDENTIALS,
  type BankSwiftGatewayOptions,
  type GatewayDelivery,
  type GatewayNak,
  type GatewayWebhookOptions,
} from './sandbox-gateway.js';

/** A simulated gateway: its msw handlers, and the controls a test steps it with. */
export interface BankSwiftGateway {
  /**
   * The msw handlers at `options.baseUrl` (pass as `connectSandbox`'s
   * `sandbox`). Every call serves the same gateway state; `scenario` puts a
   * fault in front of this set of handlers only.
   */
  sandbox(options: SandboxOptions<BankSwiftConfig>): SandboxHandler[];
  /** Play one step of the network for every message (ACK/NAK, then delivery, then MT750 advices); resolves with the callbacks sent. */
  advance(): Promise<GatewayDelivery[]>;
  /** Step until nothing moves; resolves with every callback sent. */
  settle(): Promise<GatewayDelivery[]>;
  /** Have the presenting bank answer a delivered MT700 with an MT750 on a later step. */
  adviseDiscrepancy(submissionId: string, discrepancies?: readonly string[]): void;
  /** Every callback sent so far. */
  readonly deliveries: readonly GatewayDelivery[];
}

const TOKEN_PREFIX = 'sandbox-swift-token-';

/** An Alliance Cloud `ErrorMessage` answer. */
function errorAnswer(
  status: number,
  code: string,
  text: string,
  extra: Record<string, unknown> = {},
) {
  return HttpResponse.json({ code, severity: 'Fatal', text, ...extra }, { status });
}

function unauthorized(description: string) {
  return HttpResponse.json(
    { error: 'invalid_token', error_description: description },
    { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
  );
}

function basicCredentials(header: string | null): [string, string] | undefined {
  if (header === null || !header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  return [
    decodeURIComponent(decoded.slice(0, colon)),
    decodeURIComponent(decoded.slice(colon + 1)),
  ];
}

function decodeBase64(value: string): string | undefined {
  const bytes = Buffer.from(value, 'base64');
  return bytes.toString('base64') === value ? bytes.toString('utf8') : undefined;
}

function handlersFor(
  state: GatewayState,
  options: SandboxOptions<BankSwiftConfig>,
): SandboxHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const tokenUrl = new URL(options.config?.tokenUrl ?? '/oauth2/v1/token', base).toString();
  const mtlsOnly = state.options.clientAuthentication === 'mtls';

  const authorized = (request: Request): Response | undefined => {
    if (mtlsOnly) return undefined;
    const header = request.headers.get('authorization') ?? '';
    if (!header.startsWith('Bearer ')) return unauthorized('a bearer token is required');
    if (!state.issuedTokens.has(header.slice(7)))
      return unauthorized('the token is unknown or expired');
    return undefined;
  };

  return [
    ...scenarioHandlers(options),

    http.post(tokenUrl, async ({ request }) => {
      const client = basicCredentials(request.headers.get('authorization'));
      const form = new URLSearchParams(await request.text());
      if (form.get('grant_type') !== 'client_credentials') {
        return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 });
      }
      const clients: Readonly<Record<string, string>> = state.options.clients ?? {
        [BANK_SWIFT_SANDBOX_CREDENTIALS.clientId]: BANK_SWIFT_SANDBOX_CREDENTIALS.clientSecret,
      };
      if (
        client === undefined ||
        !Object.hasOwn(clients, client[0]) ||
        clients[client[0]] !== client[1]
      ) {
        return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
      }
      const token = `${TOKEN_PREFIX}${state.issuedTokens.size + 1}`;
      state.issuedTokens.add(token);
      return HttpResponse.json({
        access_token: token,
        token_type: 'Bearer',
        expires_in: 1799,
        scope: form.get('scope') ?? 'swift.alliancecloud.api',
      });
    }),

    http.post(`${base}/fin/messages`, async ({ request }) => {
      const denied = authorized(request);
      if (denied) return denied;
      let json: unknown;
      try {
        json = JSON.parse(await request.text());
      } catch {
        return errorAnswer(400, 'AC-400', 'The request is invalid: the body is not JSON');
      }
      const parsed = finMessageEmission.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues
          .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
          .join('; ');
        return errorAnswer(400, 'AC-400', `The request is invalid: ${where}`);
      }
      const emission = parsed.data;
      const { sender_reference: reference, ...routing } = emission;
      const fingerprint = JSON.stringify(routing);
      const previous = state.byReference.get(reference);
      if (previous !== undefined) {
        if (previous.fingerprint !== fingerprint) {
          return errorAnswer(
            409,
            'AC-409',
            `The sender_reference ${reference} was already used for another message`,
          );
        }
        return HttpResponse.json(
          { message_cloud_reference: previous.messageCloudReference },
          { status: 200 },
        );
      }
      const textBlock = decodeBase64(emission.payload);
      if (textBlock === undefined || textBlock.length > 14_000) {
        return errorAnswer(
          400,
          'AC-400',
          'The request is invalid: payload must be base64 of a FIN text block of at most 14000 characters',
        );
      }
      const priority = emission.network_info?.network_priority;
      const validation = validateFinMessage({
        mt: emission.message_type.slice(4, 7),
        sender: emission.sender,
        receiver: emission.receiver,
        priority: priority === 'Urgent' ? 'U' : priority === 'System' ? 'S' : 'N',
        textBlock,
      });
      if (validation.outcome === 'unreadable') {
        const first = validation.findings[0];
        return errorAnswer(
          400,
          'AC-400',
          `The request is invalid: the payload is not a FIN text block (${first?.code ?? 'T13'}: ${first?.message ?? 'no field'})`,
          { errors: validation.findings },
        );
      }
      const nak =
        validation.outcome === 'nak'
          ? {
              code: validation.findings[0]?.code ?? 'T13',
              reason: validation.findings
                .map(
                  (finding) =>
                    `${finding.code}${finding.tag ? ` ${finding.tag}` : ''}: ${finding.message}`,
                )
                .join('; ')
                .slice(0, 1800),
            }
          : undefined;
      const message = state.take(emission, fingerprint, validation.message, nak);
      return HttpResponse.json(
        { message_cloud_reference: message.messageCloudReference },
        { status: 201 },
      );
    }),

    http.get(`${base}/fin/messages/:reference`, ({ request, params }) => {
      const denied = authorized(request);
      if (denied) return denied;
      const reference = String(params.reference);
      if (/^\d+$/.test(reference)) {
        const stored = state.distributions.get(Number(reference));
        return stored?.type === 'fin.message'
          ? HttpResponse.json(stored.body)
          : errorAnswer(404, 'AC-404', 'The specified resource was not found');
      }
      const message = state.messages.get(reference);
      return message === undefined
        ? errorAnswer(404, 'AC-404', 'The specified resource was not found')
        : HttpResponse.json(state.statusOf(message));
    }),

    ...(
      [
        ['transmission-reports', 'fin.transmission_report'],
        ['delivery-reports', 'fin.delivery_report'],
      ] as const
    ).map(([path, type]) =>
      http.get(`${base}/fin/${path}/:id`, ({ request, params }) => {
        const denied = authorized(request);
        if (denied) return denied;
        const stored = state.distributions.get(Number(params.id));
        return stored?.type === type
          ? HttpResponse.json(stored.body)
          : errorAnswer(404, 'AC-404', 'The specified resource was not found');
      }),
    ),

    http.get(`${base}/distributions`, ({ request }) => {
      const denied = authorized(request);
      if (denied) return denied;
      const query = new URL(request.url).searchParams;
      const limit = Math.min(Math.max(Number(query.get('limit')) || 50, 1), 200);
      const offset = Math.max(Number(query.get('offset')) || 0, 0);
      const distributions = [...state.distributions.values()]
        .slice(offset, offset + limit)
        .map(({ body }) => body.distribution);
      return HttpResponse.json({ distributions, links: [] });
    }),
  ];
}

/**
 * A simulated SWIFT gateway with controls: `sandbox` for `connectSandbox`,
 * `advance` / `settle` to play the network's answers and send the signed
 * callbacks, `adviseDiscrepancy` for an MT750.
 *
 * @example
 * ```ts
 * const gateway = createBankSwiftGateway({ webhooks: { url, secret, deliver: (r) => received.push(r) } });
 * const { client } = connectSandbox(bankSwift, { sandbox: gateway.sandbox, config: {}, credentials });
 * const { submissionId } = await client.operations.submitLetterOfCredit({ message, senderBic, receiverBic });
 * await gateway.settle(); // ACK, delivery: two signed callbacks
 * ```
 */
export function createBankSwiftGateway(options: BankSwiftGatewayOptions = {}): BankSwiftGateway {
  const state = new GatewayState(options);
  return {
    sandbox: (sandboxOptions) => handlersFor(state, sandboxOptions),
    advance: () => state.advance(),
    settle: () => state.settle(),
    adviseDiscrepancy: (submissionId, discrepancies = DEFAULT_DISCREPANCIES) =>
      state.adviseDiscrepancy(submissionId, discrepancies),
    get deliveries() {
      return state.deliveries;
    },
  };
}

/**
 * The `bank-swift` sandbox handlers (a fresh gateway per call): pass as
 * `connectSandbox`'s `sandbox`, with a fault `scenario` if wanted. Use
 * {@link createBankSwiftGateway} to step the network and receive callbacks.
 */
export function bankSwiftSandbox(
  options: SandboxOptions<BankSwiftConfig> & BankSwiftGatewayOptions,
): SandboxHandler[] {
  return createBankSwiftGateway(options).sandbox(options);
}
