import type { z } from 'zod';
import { isTollgateError, UpstreamError, WebhookVerificationError } from '../errors/index.js';
import { createEventBus } from '../events/event-bus.js';
import { collectSecretStrings, redactObject, redactSecrets } from '../redaction/redact.js';
import { createTransport, type Transport } from '../transport/transport.js';
import { runHealthCheck } from './check.js';
import type {
  AnyOperation,
  AnySchema,
  ConnectOptions,
  Connector,
  ConnectorClient,
  ConnectorDefinition,
  OperationContext,
  OperationFunctions,
  OperationHttp,
  OperationMap,
  OperationSchemas,
  RunOptions,
  WebhookDefinition,
  WebhookHandshakeRequest,
  WebhookRequest,
} from './types.js';
import { parseOrThrow } from './validate.js';

const CONNECTOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Declare a connector: data (id, kind, schemas, environments, operations) plus
 * functions (auth, operation `run`s, `check`, sandbox handlers). The result's
 * `connect()` validates config and credentials and returns a typed client.
 *
 * A partner writes its connector in its own npm package against these public
 * types only; the connectors in `@tollgate/connectors` are built the same way.
 *
 * @example
 * ```ts
 * const rates = defineConnector({
 *   id: 'acme-fx', kind: 'fx', displayName: 'Acme FX',
 *   config: z.object({}), credentials: z.object({ apiKey: z.string() }),
 *   environments: { sandbox: 'https://sandbox.acme.test', production: 'https://api.acme.com' },
 *   auth: ({ credentials }) => apiKey({ key: credentials.apiKey, name: 'X-Api-Key', in: 'header' }),
 *   operations: {
 *     rate: {
 *       input: z.object({ from: z.string(), to: z.string() }),
 *       output: z.object({ rate: z.string() }),
 *       idempotent: true,
 *       run: (input, { http }) => http.json({ path: '/rate', query: input }),
 *     },
 *   },
 *   check: async ({ http }) => { await http.request({ path: '/health' }); },
 * });
 * const client = rates.connect({ environment: 'sandbox', config: {}, credentials: { apiKey: 'k' } });
 * const { rate } = await client.operations.rate({ from: 'EUR', to: 'USD' });
 * ```
 */
export function defineConnector<
  const Id extends string,
  ConfigSchema extends AnySchema,
  CredentialsSchema extends AnySchema,
  Inputs extends Record<string, AnySchema>,
  Outputs extends Record<string, AnySchema>,
  WebhookEvent extends AnySchema = AnySchema,
>(
  definition: ConnectorDefinition<
    Id,
    ConfigSchema,
    CredentialsSchema,
    Inputs,
    Outputs,
    WebhookEvent
  >,
): Connector<Id, ConfigSchema, CredentialsSchema, OperationMap<Inputs, Outputs>, WebhookEvent> {
  if (!CONNECTOR_ID.test(definition.id)) {
    throw new TypeError(`Connector id "${definition.id}" must be kebab-case (a-z, 0-9, dashes)`);
  }
  for (const env of ['sandbox', 'production'] as const) {
    if (typeof definition.environments?.[env] !== 'string') {
      throw new TypeError(`Connector "${definition.id}" must declare a ${env} base URL`);
    }
  }
  const billableOperations: Record<string, string> = {};
  const operations = definition.operations as unknown as Record<string, AnyOperation>;
  for (const [name, operation] of Object.entries(operations)) {
    if (operation.billable !== undefined) billableOperations[name] = operation.billable;
  }
  const connector: Connector<
    Id,
    ConfigSchema,
    CredentialsSchema,
    OperationMap<Inputs, Outputs>,
    WebhookEvent
  > = {
    id: definition.id,
    kind: definition.kind,
    displayName: definition.displayName,
    description: definition.description,
    config: definition.config,
    credentials: definition.credentials,
    environments: Object.freeze({ ...definition.environments }),
    operations: Object.freeze({ ...operations }) as Connector<
      Id,
      ConfigSchema,
      CredentialsSchema,
      OperationMap<Inputs, Outputs>,
      WebhookEvent
    >['operations'],
    webhooks: definition.webhooks as WebhookDefinition<WebhookEvent> | undefined,
    sandbox: definition.sandbox,
    billableOperations: Object.freeze(billableOperations),
    connect: (options) =>
      connect<Id, ConfigSchema, CredentialsSchema, OperationMap<Inputs, Outputs>, WebhookEvent>(
        definition as unknown as RuntimeDefinition<ConfigSchema, CredentialsSchema, WebhookEvent>,
        options,
      ),
  };
  return Object.freeze(connector);
}

/** The definition as the runtime reads it: operations by name, without the inference scaffolding. */
type RuntimeDefinition<
  ConfigSchema extends AnySchema,
  CredentialsSchema extends AnySchema,
  WebhookEvent extends AnySchema,
> = Omit<
  ConnectorDefinition<
    string,
    ConfigSchema,
    CredentialsSchema,
    Record<never, AnySchema>,
    Record<never, AnySchema>,
    WebhookEvent
  >,
  'operations'
> & { operations: Record<string, AnyOperation> };

function connect<
  Id extends string,
  ConfigSchema extends AnySchema,
  CredentialsSchema extends AnySchema,
  Operations extends Record<string, OperationSchemas>,
  WebhookEvent extends AnySchema,
>(
  definition: RuntimeDefinition<ConfigSchema, CredentialsSchema, WebhookEvent>,
  options: ConnectOptions<ConfigSchema, CredentialsSchema>,
): ConnectorClient<Id, Operations, WebhookEvent> {
  const connectorId = definition.id as Id;
  const where = { connectorId };
  const config = parseOrThrow(definition.config, options.config, 'config', where);
  const credentials = parseOrThrow(
    definition.credentials,
    options.credentials,
    'credentials',
    where,
  );
  const secretStrings = collectSecretStrings(credentials);
  const environment = options.environment;
  const environmentUrl = definition.environments[environment];
  const baseUrl = options.baseUrl ?? environmentUrl;
  if (baseUrl === undefined) {
    throw new TypeError(
      `Connector "${connectorId}" has no environment "${environment}"; it declares ${Object.keys(definition.environments).join(', ')}`,
    );
  }
  const connection = { config, credentials, environment, baseUrl };
  const auth = definition.auth?.(connection);
  const secrets = () => [...secretStrings, ...(auth?.secretValues?.() ?? [])];
  const events = options.events ?? createEventBus();
  const transport: Transport = createTransport({
    ...definition.transport,
    ...options.transport,
    retry: { ...definition.transport?.retry, ...options.transport?.retry },
    headers: { ...definition.transport?.headers, ...options.transport?.headers },
    baseUrl,
    events,
    connectorId,
    secrets,
    ...(auth ? { auth } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const contextFor = (
    operationName: string | undefined,
    operation: AnyOperation | undefined,
    runOptions: RunOptions,
    lastBody: { text: string | undefined },
  ): OperationContext<z.output<ConfigSchema>, z.output<CredentialsSchema>> => {
    const bind = (request: Parameters<OperationHttp['request']>[0]) => ({
      ...request,
      ...(operationName === undefined ? {} : { operation: operationName }),
      idempotent: request.idempotent ?? operation?.idempotent ?? true,
      ...(runOptions.idempotencyKey === undefined
        ? {}
        : { idempotencyKey: runOptions.idempotencyKey }),
      ...(runOptions.signal === undefined ? {} : { signal: runOptions.signal }),
    });
    const http: OperationHttp = {
      request: (request) => transport.request(bind(request)),
      json: async <T>(request: Parameters<OperationHttp['json']>[0]) => {
        const result = await transport.json<T>(bind(request));
        lastBody.text = result.text;
        return result.data;
      },
    };
    return {
      ...connection,
      http,
      idempotencyKey: runOptions.idempotencyKey,
      signal: runOptions.signal,
    };
  };

  const run = async (operationName: string, input: unknown, runOptions: RunOptions = {}) => {
    const operation = Object.hasOwn(definition.operations, operationName)
      ? (definition.operations[operationName] as AnyOperation)
      : undefined;
    if (!operation) {
      throw new TypeError(
        `Connector "${connectorId}" has no operation "${operationName}"; it has ${Object.keys(definition.operations).join(', ')}`,
      );
    }
    const at = { connectorId, operation: operationName };
    const parsedInput = parseOrThrow(operation.input, input, 'input', at);
    const lastBody = { text: undefined as string | undefined };
    const raw = await operation.run(
      parsedInput,
      contextFor(operationName, operation, runOptions, lastBody),
    );
    const parsed = operation.output.safeParse(raw);
    if (parsed.success) return parsed.data;
    const body = redactSecrets(lastBody.text ?? safeJson(raw), secrets());
    throw new UpstreamError(
      `The partner's answer to ${operationName} does not match the expected shape: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
      { ...at, status: 502, retryable: false, body, cause: parsed.error },
    );
  };

  const operations = Object.fromEntries(
    Object.keys(definition.operations).map((name) => [
      name,
      (input: unknown, runOptions?: RunOptions) => run(name, input, runOptions),
    ]),
  ) as OperationFunctions<Operations>;

  const client: ConnectorClient<Id, Operations, WebhookEvent> = {
    connectorId,
    environment,
    baseUrl,
    events,
    transport,
    run: run as ConnectorClient<Id, Operations, WebhookEvent>['run'],
    operations: Object.freeze(operations),
    check: ({ timeoutMs = 5000 } = {}) =>
      runHealthCheck(
        (signal) =>
          definition.check(contextFor(undefined, undefined, { signal }, { text: undefined })),
        { timeoutMs, secrets },
      ),
    verifyWebhook: async (request: WebhookRequest) => {
      const webhooks = definition.webhooks;
      if (!webhooks) {
        throw new TypeError(`Connector "${connectorId}" declares no webhooks`);
      }
      try {
        const payload = await webhooks.verify(request, { config, credentials, environment });
        const event = webhooks.event.safeParse(payload);
        if (!event.success) {
          throw new WebhookVerificationError(
            'invalid_payload',
            `The webhook is genuine but its payload does not match ${connectorId}'s event schema`,
            { connectorId },
          );
        }
        events.emit('webhook.verified', {
          connectorId,
          scheme: webhooks.scheme,
          messageId: messageIdOf(request),
        });
        return event.data;
      } catch (error) {
        events.emit('webhook.rejected', {
          connectorId,
          scheme: webhooks.scheme,
          code: isTollgateError(error) ? error.code : 'invalid_signature',
        });
        throw error;
      }
    },
    answerWebhookHandshake: (request: WebhookHandshakeRequest) => {
      const handshake = definition.webhooks?.handshake;
      if (handshake === undefined) return undefined;
      const answer = handshake(request, { config, credentials, environment });
      events.emit('webhook.handshake', {
        connectorId,
        scheme: definition.webhooks?.scheme ?? 'unknown',
        accepted: answer.status >= 200 && answer.status < 300,
      });
      return answer;
    },
    toJSON: () => ({
      connectorId,
      environment,
      baseUrl,
      config,
      credentials: redactObject(credentials),
      auth: auth?.toJSON() ?? null,
    }),
  };
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), {
    value: () => client.toJSON(),
  });
  return Object.freeze(client);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function messageIdOf(request: WebhookRequest): string | undefined {
  const headers = request.headers;
  for (const name of ['webhook-id', 'svix-id', 'x-request-id']) {
    const value = headers instanceof Headers ? headers.get(name) : headerOf(headers, name);
    if (value) return value;
  }
  return undefined;
}

function headerOf(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
