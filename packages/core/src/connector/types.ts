import type { z } from 'zod';
import type { AuthStrategy } from '../auth/types.js';
import type { TollgateEventBus } from '../events/event-bus.js';
import type { CircuitBreakerOptions, ConcurrencyOptions } from '../transport/circuit.js';
import type { FetchLike } from '../transport/fetch-like.js';
import type { RateLimitOptions } from '../transport/rate-limit.js';
import type { RetryOptions, Transport, TransportRequest } from '../transport/transport.js';

/** What a connector connects to. Open: a partner may name a kind of its own. */
export type ConnectorKind =
  | 'bank'
  | 'customs'
  | 'logistics'
  | 'fx'
  | 'payments'
  | 'messaging'
  | 'identity'
  | 'llm'
  | 'erp'
  | (string & {});

/** Any zod schema. */
export type AnySchema = z.ZodType;

/** Base URLs per environment; `sandbox` and `production` are required. */
export interface ConnectorEnvironments {
  sandbox: string;
  production: string;
  [environment: string]: string;
}

/** What `auth`, `check` and the sandbox factory receive about a connection. */
export interface ConnectionInfo<Config, Credentials> {
  config: Config;
  credentials: Credentials;
  environment: string;
  baseUrl: string;
}

/** A request an operation sends; the operation's name, idempotency and key are filled in. */
export type OperationRequest = Omit<
  TransportRequest,
  'operation' | 'idempotent' | 'idempotencyKey'
> & {
  /** Overrides the operation's `idempotent` flag for this one request. */
  idempotent?: boolean;
};

/** The HTTP surface an operation calls the partner through. */
export interface OperationHttp {
  /** Send a request; resolves with a 2xx `Response` or throws a `TollgateError`. */
  request(request: OperationRequest): Promise<Response>;
  /** Send a request and parse its JSON body (the raw text is kept for error reports). */
  json<T = unknown>(request: OperationRequest): Promise<T>;
}

/** What an operation's `run` receives besides its input. */
export interface OperationContext<Config, Credentials> extends ConnectionInfo<Config, Credentials> {
  /** The partner's API, through the connector's resilient transport. */
  http: OperationHttp;
  /** The idempotency key of this call, if the caller gave one. */
  idempotencyKey: string | undefined;
  /** Aborts the call. */
  signal: AbortSignal | undefined;
}

/**
 * One typed operation of a connector. `run` receives input already parsed by
 * `input` and returns data that must satisfy `output`.
 */
export interface OperationDefinition<
  Input extends AnySchema,
  Output extends AnySchema,
  Config = unknown,
  Credentials = unknown,
> {
  /** One line for docs and OpenAPI. */
  description?: string;
  /** Schema of the caller's input. */
  input: Input;
  /** Schema of what the operation returns; a partner answer that fails it is an `UpstreamError`. */
  output: Output;
  /**
   * Whether the partner call may be sent twice. When false, the transport
   * retries only if the caller gives an idempotency key.
   */
  idempotent: boolean;
  /** The billable operation this maps to (e.g. `logistics.quote`), if it is paid. */
  billable?: string;
  /** Call the partner. */
  run(
    input: z.output<Input>,
    context: OperationContext<Config, Credentials>,
  ): Promise<z.input<Output>> | z.input<Output>;
}

/** Any operation definition. */
// biome-ignore lint/suspicious/noExplicitAny: the variance of `run` needs `any` here.
export type AnyOperation = OperationDefinition<AnySchema, AnySchema, any, any>;

/** The input and output schemas of one operation: what a client's types are built from. */
export interface OperationSchemas {
  input: AnySchema;
  output: AnySchema;
}

/** The schemas of every operation, keyed by operation name. */
export type OperationMap<
  Inputs extends Record<string, AnySchema>,
  Outputs extends Record<string, AnySchema>,
> = {
  [K in keyof Inputs & keyof Outputs & string]: { input: Inputs[K]; output: Outputs[K] };
};

/**
 * The `operations` of a definition. Written as two mapped types over the
 * input and output schemas so TypeScript infers both from the object literal
 * and types each `run`'s input and return value from its siblings.
 */
export type OperationDefinitions<
  Inputs extends Record<string, AnySchema>,
  Outputs extends Record<string, AnySchema>,
  Config,
  Credentials,
> = { [K in keyof Outputs]: { output: Outputs[K] } } & {
  [K in keyof Inputs]: OperationDefinition<
    Inputs[K],
    Outputs[K & keyof Outputs],
    Config,
    Credentials
  >;
};

/** Result of a health probe. It is never thrown. */
export interface HealthCheckResult {
  ok: boolean;
  latencyMs: number;
  /** Why the probe failed (redacted), when it did. */
  reason?: string;
}

/** What a connector's `check` may return: nothing (healthy), or an explicit verdict. */
// biome-ignore lint/suspicious/noConfusingVoidType: `async () => {}` (Promise<void>) must be a valid check.
export type CheckOutcome = void | { ok: boolean; reason?: string };

/** A partner callback as received: the exact raw body and its headers. */
export interface WebhookRequest {
  /** The raw body, exactly as received. Re-serialized JSON will not verify. */
  body: string | Uint8Array;
  headers: Headers | Record<string, string | string[] | undefined>;
}

/** A provider's GET that confirms a webhook subscription before it sends callbacks. */
export interface WebhookHandshakeRequest {
  /** The full request URL: the handshake's fields are in its query (`hub.challenge` …). */
  url: URL;
  headers: Headers | Record<string, string | string[] | undefined>;
}

/** What to answer a {@link WebhookHandshakeRequest}. */
export interface WebhookHandshakeAnswer {
  /** 200 when the handshake is genuine; 403 otherwise. */
  status: number;
  body: string;
  contentType: string;
}

/** How a connector verifies and parses a partner's callbacks. */
export interface WebhookDefinition<
  Event extends AnySchema,
  Config = unknown,
  Credentials = unknown,
> {
  /** The signature scheme's name (`standard-webhooks`, `stripe`, `hub-signature-256`, …). */
  scheme: string;
  /** Schema of a verified event. */
  event: Event;
  /**
   * Check the signature over the raw body and return the decoded payload.
   * Throws `WebhookVerificationError` when the callback is not genuine.
   */
  verify(
    request: WebhookRequest,
    connection: Omit<ConnectionInfo<Config, Credentials>, 'baseUrl'>,
  ): unknown | Promise<unknown>;
  /**
   * Answer the provider's subscription handshake, for a provider that confirms
   * a callback URL with a GET before sending to it: Meta's WhatsApp Cloud API
   * wants `hub.challenge` echoed when `hub.verify_token` matches
   * (`answerWhatsAppSubscription`). Absent when the provider needs none.
   */
  handshake?(
    request: WebhookHandshakeRequest,
    connection: Omit<ConnectionInfo<Config, Credentials>, 'baseUrl'>,
  ): WebhookHandshakeAnswer;
}

/**
 * A request handler of the connector's sandbox, as msw builds them
 * (`http.get(...)`). Typed structurally so core does not depend on msw.
 */
export interface SandboxHandler {
  readonly info: { header: string };
}

/** Resilience defaults a connector declares for its partner. */
export interface ConnectorTransportDefaults {
  retry?: RetryOptions;
  timeoutMs?: number;
  deadlineMs?: number;
  circuitBreaker?: CircuitBreakerOptions | false;
  concurrency?: ConcurrencyOptions | false;
  rateLimit?: RateLimitOptions | false;
  /** The partner's idempotency-key header, or `false` when it honours none (then a key never makes a write retryable). */
  idempotencyHeader?: string | false;
  headers?: Record<string, string>;
}

/** Everything `defineConnector` accepts. */
export interface ConnectorDefinition<
  Id extends string,
  ConfigSchema extends AnySchema,
  CredentialsSchema extends AnySchema,
  Inputs extends Record<string, AnySchema>,
  Outputs extends Record<string, AnySchema>,
  WebhookEvent extends AnySchema = AnySchema,
> {
  /** Stable id, kebab-case (`dhl-express`). */
  id: Id;
  kind: ConnectorKind;
  displayName: string;
  description?: string;
  /** Non-secret settings. */
  config: ConfigSchema;
  /** Secret settings: redacted in every log, error and `toJSON`. */
  credentials: CredentialsSchema;
  environments: ConnectorEnvironments;
  /** Build the auth strategy from the validated credentials. */
  auth?: (
    connection: ConnectionInfo<z.output<ConfigSchema>, z.output<CredentialsSchema>>,
  ) => AuthStrategy;
  /** Resilience defaults for this partner. */
  transport?: ConnectorTransportDefaults;
  /** The partner's operations, each with its input and output schemas. */
  operations: OperationDefinitions<
    Inputs,
    Outputs,
    z.output<ConfigSchema>,
    z.output<CredentialsSchema>
  >;
  webhooks?: WebhookDefinition<WebhookEvent, z.output<ConfigSchema>, z.output<CredentialsSchema>>;
  /** A cheap call that tells whether the partner is reachable with these credentials. */
  check: (
    context: OperationContext<z.output<ConfigSchema>, z.output<CredentialsSchema>>,
  ) => Promise<CheckOutcome>;
  /** msw handlers imitating the partner's API at `baseUrl`, faults included. */
  sandbox?: (
    connection: Pick<ConnectionInfo<z.output<ConfigSchema>, unknown>, 'baseUrl'> & {
      config?: z.output<ConfigSchema>;
    },
  ) => readonly SandboxHandler[];
}

/** Options of `connector.connect`. */
export interface ConnectOptions<
  ConfigSchema extends AnySchema,
  CredentialsSchema extends AnySchema,
> {
  config: z.input<ConfigSchema>;
  credentials: z.input<CredentialsSchema>;
  /** `sandbox`, `production`, or another environment the connector declares. */
  environment: string;
  /** Overrides the environment's base URL (a proxy, a local gateway). */
  baseUrl?: string;
  /** The `fetch` to send with: a sandbox's, undici's, a test double. */
  fetch?: FetchLike;
  /** Where events go. Default: a bus of the client's own (`client.events`). */
  events?: TollgateEventBus;
  /** Overrides of the connector's resilience defaults. */
  transport?: ConnectorTransportDefaults;
}

/** Per-call options of an operation. */
export interface RunOptions {
  /** Makes the call safe to retry; sent in the idempotency header. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** A typed function per operation. */
export type OperationFunctions<Operations extends Record<string, OperationSchemas>> = {
  [K in keyof Operations]: (
    input: z.input<Operations[K]['input']>,
    options?: RunOptions,
  ) => Promise<z.output<Operations[K]['output']>>;
};

/** A connected client: typed operations, health probe, webhook verification. */
export interface ConnectorClient<
  Id extends string,
  Operations extends Record<string, OperationSchemas>,
  WebhookEvent extends AnySchema = AnySchema,
> {
  readonly connectorId: Id;
  readonly environment: string;
  readonly baseUrl: string;
  readonly events: TollgateEventBus;
  readonly transport: Transport;
  /** Run an operation by name. */
  run<K extends keyof Operations & string>(
    operation: K,
    input: z.input<Operations[K]['input']>,
    options?: RunOptions,
  ): Promise<z.output<Operations[K]['output']>>;
  /** The same operations as typed functions: `client.operations.quote(input)`. */
  readonly operations: OperationFunctions<Operations>;
  /** Probe the partner; never throws. */
  check(options?: { timeoutMs?: number }): Promise<HealthCheckResult>;
  /** Verify a partner callback and parse it with the webhook event schema. */
  verifyWebhook(request: WebhookRequest): Promise<z.output<WebhookEvent>>;
  /**
   * Answer the provider's subscription handshake (a GET to the callback URL);
   * `undefined` when the connector's provider has none.
   */
  answerWebhookHandshake(request: WebhookHandshakeRequest): WebhookHandshakeAnswer | undefined;
  /** Connection details with every credential redacted. */
  toJSON(): Record<string, unknown>;
}

/** A defined connector: its declaration plus `connect`. */
export interface Connector<
  Id extends string,
  ConfigSchema extends AnySchema,
  CredentialsSchema extends AnySchema,
  Operations extends Record<string, OperationSchemas>,
  WebhookEvent extends AnySchema = AnySchema,
> {
  readonly id: Id;
  readonly kind: ConnectorKind;
  readonly displayName: string;
  readonly description: string | undefined;
  readonly config: ConfigSchema;
  readonly credentials: CredentialsSchema;
  readonly environments: Readonly<ConnectorEnvironments>;
  /** Every operation's declaration (schemas, idempotency, billable name). */
  readonly operations: { readonly [K in keyof Operations]: AnyOperation };
  readonly webhooks: WebhookDefinition<WebhookEvent> | undefined;
  /** The sandbox's msw handlers for a base URL, if the connector ships a sandbox. */
  readonly sandbox:
    | ((connection: {
        baseUrl: string;
        config?: z.output<ConfigSchema>;
      }) => readonly SandboxHandler[])
    | undefined;
  /** Which operations bill, and as what: `{ quote: 'logistics.quote' }`. */
  readonly billableOperations: Readonly<Record<string, string>>;
  /** Validate config and credentials and return a client. Bad input throws `ValidationError`; nothing is sent. */
  connect(
    options: ConnectOptions<ConfigSchema, CredentialsSchema>,
  ): ConnectorClient<Id, Operations, WebhookEvent>;
}

/** Any connector, for registries. */
export type AnyConnector = Connector<
  string,
  AnySchema,
  AnySchema,
  // biome-ignore lint/suspicious/noExplicitAny: operation functions are contravariant in their input; a registry holds every shape.
  any,
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  any
>;
