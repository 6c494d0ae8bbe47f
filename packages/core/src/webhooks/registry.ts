import type {
  AnySchema,
  ConnectionInfo,
  WebhookDefinition,
  WebhookRequest,
} from '../connector/types.js';
import { ValidationError, WebhookVerificationError } from '../errors/index.js';
import type { TollgateEventBus } from '../events/event-bus.js';
import { readHeader } from './headers.js';
import { HUB_SIGNATURE_256_HEADER, verifyHubSignature256 } from './hub-signature.js';
import { verifyMailgunSignature } from './mailgun.js';
import { parseVerifiedJson, rawPayloadText, toRawPayload } from './raw-body.js';
import type { WebhookSecretInput } from './secrets.js';
import type { SeenTokenStore } from './seen-tokens.js';
import { Webhook } from './standard-webhooks.js';
import { STRIPE_SIGNATURE_HEADER, verifyStripeSignature } from './stripe.js';
import type { WebhookClock, WebhookTimestampOptions } from './timestamps.js';

/** What a scheme needs besides the request: the secret(s), and the optional checks. */
export interface WebhookSchemeOptions extends WebhookTimestampOptions {
  /**
   * The secret, or several while rotating. Standard Webhooks takes `whsec_…`,
   * `whpk_…` or `whsk_…`; Stripe, `X-Hub-Signature-256` and Mailgun take text.
   */
  secret: WebhookSecretInput | readonly WebhookSecretInput[];
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  clock?: WebhookClock;
  /** Mailgun: refuse replayed tokens. */
  seenTokens?: SeenTokenStore;
}

/** A verified delivery: the parsed payload and, when the scheme has one, the delivery's id. */
export interface VerifiedWebhook {
  payload: unknown;
  messageId: string | undefined;
}

/** One signature scheme the registry can verify with. */
export interface WebhookScheme {
  /** Its name, as a connector declares it (`webhooks: { scheme: 'stripe' }`). */
  readonly name: string;
  /** Verify the raw request; throw `WebhookVerificationError` when it is not genuine. */
  verify(
    request: WebhookRequest,
    options: WebhookSchemeOptions,
  ): VerifiedWebhook | Promise<VerifiedWebhook>;
}

/** Options of {@link WebhookVerifierRegistry.verify}. */
export interface RegistryVerifyOptions extends WebhookSchemeOptions {
  /** Named in the `webhook.verified` / `webhook.rejected` events. */
  connectorId?: string;
}

/** Schemes by name: a connector names its scheme, the server verifies every partner's callback the same way. */
export interface WebhookVerifierRegistry {
  /** Add a scheme (and optional alias names); a name already taken is an error. */
  register(scheme: WebhookScheme, aliases?: readonly string[]): WebhookVerifierRegistry;
  /** The scheme registered under `name`, if any. */
  get(name: string): WebhookScheme | undefined;
  /** Every registered name, aliases included. */
  names(): string[];
  /**
   * Verify `request` with the scheme `name` and return the parsed payload.
   * Emits `webhook.verified` / `webhook.rejected` when the registry has an event bus.
   */
  verify(name: string, request: WebhookRequest, options: RegistryVerifyOptions): Promise<unknown>;
}

/** Options of {@link createWebhookVerifierRegistry}. */
export interface WebhookVerifierRegistryOptions {
  /** Start with only these schemes instead of the built-in ones. */
  schemes?: readonly WebhookScheme[];
  /** Where to emit `webhook.verified` / `webhook.rejected`. */
  events?: TollgateEventBus;
}

const standardWebhooksCache = new Map<string, Webhook>();
const STANDARD_WEBHOOKS_CACHE_LIMIT = 64;

/** A `Webhook` per secret list, cached when the secrets are text (keys are prepared once). */
function standardWebhookFor(secret: WebhookSchemeOptions['secret']): Webhook {
  const list: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
  if (!list.every((one) => typeof one === 'string')) return new Webhook(secret);
  const cacheKey = JSON.stringify(list);
  let webhook = standardWebhooksCache.get(cacheKey);
  if (webhook === undefined) {
    webhook = new Webhook(secret);
    if (standardWebhooksCache.size >= STANDARD_WEBHOOKS_CACHE_LIMIT) {
      const oldest = standardWebhooksCache.keys().next().value;
      if (oldest !== undefined) standardWebhooksCache.delete(oldest);
    }
    standardWebhooksCache.set(cacheKey, webhook);
  }
  return webhook;
}

function textSecrets(secret: WebhookSchemeOptions['secret']): string | readonly string[] {
  // The verifiers reject non-text secrets with `invalid_secret`; the cast only hands them over.
  return secret as string | readonly string[];
}

/** Standard Webhooks (`webhook-*` headers, or `svix-*`): HMAC `v1` and ed25519 `v1a`. */
export const standardWebhooksScheme: WebhookScheme = {
  name: 'standard-webhooks',
  verify(request, options) {
    const payload = standardWebhookFor(options.secret).verify(request.body, request.headers, {
      toleranceInSeconds: options.toleranceInSeconds,
      receivedAt: options.receivedAt ?? options.clock?.(),
    });
    return {
      payload,
      messageId:
        readHeader(request.headers, 'webhook-id') ?? readHeader(request.headers, 'svix-id'),
    };
  },
};

/** Stripe (`Stripe-Signature: t=…,v1=…`). The message id is the event's `id`. */
export const stripeScheme: WebhookScheme = {
  name: 'stripe',
  verify(request, options) {
    const payload = verifyStripeSignature(
      request.body,
      readHeader(request.headers, STRIPE_SIGNATURE_HEADER),
      textSecrets(options.secret),
      options,
    );
    return { payload, messageId: stringField(payload, 'id') };
  },
};

/** `X-Hub-Signature-256: sha256=…` (WhatsApp Cloud API and other Meta webhooks, GitHub). */
export const hubSignature256Scheme: WebhookScheme = {
  name: 'hub-signature-256',
  verify(request, options) {
    const header = readHeader(request.headers, HUB_SIGNATURE_256_HEADER);
    const payload = verifyHubSignature256(request.body, header, textSecrets(options.secret));
    return { payload, messageId: readHeader(request.headers, 'x-github-delivery') };
  },
};

/**
 * Mailgun: a JSON body whose `signature` object holds the HMAC of timestamp
 * and token. The message id is `event-data.id`.
 */
export const mailgunScheme: WebhookScheme = {
  name: 'mailgun',
  async verify(request, options) {
    const raw = toRawPayload(request.body);
    let body: unknown;
    try {
      body = parseVerifiedJson(rawPayloadText(raw));
    } catch {
      throw new WebhookVerificationError(
        'invalid_payload',
        'The Mailgun webhook body is not JSON (Tollgate verifies JSON webhooks, not the legacy form-encoded ones).',
      );
    }
    const signature =
      body !== null && typeof body === 'object'
        ? (body as Record<string, unknown>).signature
        : undefined;
    await verifyMailgunSignature(signature, textSecrets(options.secret), options);
    const eventData = (body as Record<string, unknown>)['event-data'];
    return { payload: body, messageId: stringField(eventData, 'id') };
  },
};

function stringField(value: unknown, name: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const field = (value as Record<string, unknown>)[name];
  return typeof field === 'string' ? field : undefined;
}

/**
 * The built-in schemes: `standard-webhooks` (alias `svix`), `stripe`,
 * `hub-signature-256` (alias `whatsapp`), `mailgun`.
 */
export const BUILT_IN_WEBHOOK_SCHEMES: readonly WebhookScheme[] = Object.freeze([
  standardWebhooksScheme,
  stripeScheme,
  hubSignature256Scheme,
  mailgunScheme,
]);

const BUILT_IN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'standard-webhooks': ['svix'],
  'hub-signature-256': ['whatsapp'],
};

/**
 * A registry of webhook signature schemes, with the built-in ones unless
 * `schemes` says otherwise. Register a partner's own scheme with `register`.
 */
export function createWebhookVerifierRegistry(
  options: WebhookVerifierRegistryOptions = {},
): WebhookVerifierRegistry {
  const schemes = new Map<string, WebhookScheme>();
  const registry: WebhookVerifierRegistry = {
    register(scheme, aliases = []) {
      for (const name of [scheme.name, ...aliases]) {
        if (schemes.has(name)) {
          throw new ValidationError(`A webhook scheme named "${name}" is already registered.`, [
            { path: ['name'], code: 'duplicate', message: `"${name}" is taken` },
          ]);
        }
      }
      for (const name of [scheme.name, ...aliases]) schemes.set(name, scheme);
      return registry;
    },
    get: (name) => schemes.get(name),
    names: () => [...schemes.keys()],
    async verify(name, request, verifyOptions) {
      const scheme = schemes.get(name);
      if (scheme === undefined) {
        throw new ValidationError(
          `Unknown webhook scheme "${name}"; registered: ${[...schemes.keys()].join(', ')}.`,
          [{ path: ['scheme'], code: 'unknown_scheme', message: `"${name}" is not registered` }],
        );
      }
      const connectorId = verifyOptions.connectorId;
      try {
        const verified = await scheme.verify(request, verifyOptions);
        options.events?.emit('webhook.verified', {
          connectorId,
          scheme: name,
          messageId: verified.messageId,
        });
        return verified.payload;
      } catch (error) {
        if (error instanceof WebhookVerificationError) {
          options.events?.emit('webhook.rejected', { connectorId, scheme: name, code: error.code });
        }
        throw error;
      }
    },
  };
  for (const scheme of options.schemes ?? BUILT_IN_WEBHOOK_SCHEMES) {
    registry.register(scheme, options.schemes === undefined ? BUILT_IN_ALIASES[scheme.name] : []);
  }
  return registry;
}

const defaultRegistry = createWebhookVerifierRegistry();

/**
 * Verify `request` with a built-in scheme and return the parsed payload:
 * `await verifyWithScheme('stripe', { body, headers }, { secret })`.
 */
export function verifyWithScheme(
  name: string,
  request: WebhookRequest,
  options: RegistryVerifyOptions,
): Promise<unknown> {
  return defaultRegistry.verify(name, request, options);
}

/** The connection as a connector's webhook `verify` receives it. */
export type WebhookConnection<Config, Credentials> = Omit<
  ConnectionInfo<Config, Credentials>,
  'baseUrl'
>;

/** Options of {@link defineWebhook}: where the secret comes from is either `credential` or `secret`. */
export type DefineWebhookOptions<Event extends AnySchema, Config, Credentials> = {
  /** The scheme's name in the registry (`stripe`, `standard-webhooks`, `hub-signature-256`, `mailgun`, …). */
  scheme: string;
  /** Schema of a verified event. */
  event: Event;
  /** Tolerance, seen-token store, clock: the same for every connection. */
  options?: Omit<WebhookSchemeOptions, 'secret'>;
  /** Where `scheme` is looked up; the built-in registry by default. */
  registry?: WebhookVerifierRegistry;
} & (
  | {
      /** The name of the credential that holds the secret (or a list of secrets), e.g. `webhookSecret`. */
      credential: string;
      secret?: never;
    }
  | {
      /** The secret(s) for a connection, computed from it. */
      secret: (
        connection: WebhookConnection<Config, Credentials>,
      ) => WebhookSchemeOptions['secret'];
      credential?: never;
    }
);

/**
 * A connector's `webhooks` block whose verification comes from the registry:
 *
 * ```ts
 * webhooks: defineWebhook({ scheme: 'stripe', event: stripeEvent, credential: 'webhookSecret' }),
 * ```
 *
 * An unknown scheme name fails here, when the connector is defined; a
 * missing credential fails each verification with `invalid_secret`.
 */
export function defineWebhook<Event extends AnySchema, Config = unknown, Credentials = unknown>(
  definition: DefineWebhookOptions<Event, Config, Credentials>,
): WebhookDefinition<Event, Config, Credentials> {
  const registry = definition.registry ?? defaultRegistry;
  if (registry.get(definition.scheme) === undefined) {
    throw new ValidationError(
      `Unknown webhook scheme "${definition.scheme}"; registered: ${registry.names().join(', ')}.`,
      [{ path: ['webhooks', 'scheme'], code: 'unknown_scheme', message: 'not registered' }],
    );
  }
  return {
    scheme: definition.scheme,
    event: definition.event,
    verify: async (request, connection) =>
      registry.verify(definition.scheme, request, {
        ...definition.options,
        secret:
          definition.credential === undefined
            ? definition.secret(connection)
            : credentialSecret(connection.credentials, definition.credential),
      }),
  };
}

function credentialSecret(credentials: unknown, name: string): WebhookSchemeOptions['secret'] {
  const value =
    credentials !== null && typeof credentials === 'object'
      ? (credentials as Record<string, unknown>)[name]
      : undefined;
  if (value === undefined) {
    throw new WebhookVerificationError(
      'invalid_secret',
      `The connection has no "${name}" credential to verify webhooks with.`,
    );
  }
  return value as WebhookSchemeOptions['secret'];
}
