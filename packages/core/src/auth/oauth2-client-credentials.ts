import { ExponentialBackoff, handleWhen, type IPolicy, retry } from 'cockatiel';
import { z } from 'zod';
import { AuthError, ValidationError } from '../errors/index.js';
import { redactSecrets } from '../redaction/redact.js';
import { abortable } from '../transport/abortable.js';
import { base64Utf8, HTTP_TOKEN } from './header-values.js';
import { INSPECT_CUSTOM, parseAuthOptions } from './parse-options.js';
import type { AuthContext, AuthStrategy } from './types.js';

const RESERVED_PARAMS = ['grant_type', 'client_id', 'client_secret', 'scope', 'audience'];

const optionsSchema = z.strictObject({
  tokenUrl: z
    .string()
    .min(1)
    .refine((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url) || /^https?:\/\/[^/]/i.test(url), {
      message: 'must be an http(s) URL or a path relative to the base URL',
    }),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scopes: z
    .array(
      z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, {
        message: 'must be one scope token (no spaces or quotes)',
      }),
    )
    .optional(),
  audience: z.string().min(1).optional(),
  clientAuthentication: z.enum(['client_secret_basic', 'client_secret_post']).optional(),
  refreshSkewSeconds: z.number().finite().nonnegative().optional(),
  extraParams: z
    .record(z.string(), z.string())
    .refine((params) => !Object.keys(params).some((key) => RESERVED_PARAMS.includes(key)), {
      message: `must not set ${RESERVED_PARAMS.join(', ')} (use the dedicated options)`,
    })
    .optional(),
  timeoutMs: z.number().int().positive().optional(),
  tokenRetry: z
    .union([
      z.literal(false),
      z.strictObject({
        retries: z.number().int().nonnegative().max(10).optional(),
        baseDelayMs: z.number().int().nonnegative().optional(),
        maxDelayMs: z.number().int().nonnegative().optional(),
      }),
    ])
    .optional(),
  now: z
    .custom<() => number>((value) => typeof value === 'function', { message: 'must be a function' })
    .optional(),
});

/** Options of {@link oauth2ClientCredentials}. */
export interface OAuth2ClientCredentialsOptions {
  /** The token endpoint; a relative URL resolves against the context's `baseUrl`. */
  tokenUrl: string;
  /** The OAuth2 client id. */
  clientId: string;
  /** The OAuth2 client secret. Never logged, never in an error. */
  clientSecret: string;
  /** Scopes to ask for, sent space-separated as `scope`. */
  scopes?: readonly string[];
  /** Sent as `audience` (Auth0, some banks' gateways). */
  audience?: string;
  /** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). Default `client_secret_basic`. */
  clientAuthentication?: 'client_secret_basic' | 'client_secret_post';
  /** Fetch a new token this many seconds before the old one expires. Default 30. */
  refreshSkewSeconds?: number;
  /** Extra form parameters for the token request (e.g. `resource`). */
  extraParams?: Readonly<Record<string, string>>;
  /** Give up on a token request after this many milliseconds. Default 30 000. */
  timeoutMs?: number;
  /**
   * Retries of a token request that failed transiently (network error,
   * timeout, 429, 5xx) with exponential backoff and jitter: by default 2
   * retries from 200 ms, at most 2 s apart. A 4xx other than 429 (a wrong
   * secret, say) is never retried. `false` turns retries off.
   */
  tokenRetry?: OAuth2TokenRetryOptions | false;
  /** The clock, in epoch milliseconds (tests inject one). Default `Date.now`. */
  now?: () => number;
}

/** Retries of a failed token request (see {@link OAuth2ClientCredentialsOptions.tokenRetry}). */
export interface OAuth2TokenRetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** Delay before the first retry, doubled for each next one (with jitter). Default 200 ms. */
  baseDelayMs?: number;
  /** Longest delay between two attempts. Default 2 000 ms. */
  maxDelayMs?: number;
}

interface CachedToken {
  value: string;
  header: string;
  /** Epoch ms after which the token is fetched again; `Infinity` when the server gave no lifetime. */
  refreshAt: number;
}

type RefreshReason = 'initial' | 'expiring' | 'unauthorized';

const tokenResponseSchema = z.object({
  access_token: z.string().regex(/^[\x21-\x7E]+$/),
  token_type: z.string().regex(HTTP_TOKEN).nullish(),
  expires_in: z
    .union([z.number().finite().nonnegative(), z.string().regex(/^\d+$/).transform(Number)])
    .nullish(),
});

/** The retry policy of token requests: transient failures only (`AuthError` marked retryable). */
function tokenRetryPolicy(
  options: OAuth2TokenRetryOptions | false | undefined,
): IPolicy | undefined {
  if (options === false || options?.retries === 0) return undefined;
  return retry(
    handleWhen((error) => error instanceof AuthError && error.retryable),
    {
      maxAttempts: options?.retries ?? 2,
      backoff: new ExponentialBackoff({
        initialDelay: options?.baseDelayMs ?? 200,
        maxDelay: options?.maxDelayMs ?? 2000,
      }),
    },
  );
}

/**
 * OAuth2 client credentials (RFC 6749 §4.4) with a cached token. Concurrent
 * callers share one token request (single-flight); a cached, fresh token is
 * applied synchronously.
 */
export class OAuth2ClientCredentialsStrategy implements AuthStrategy {
  /** Always `oauth2-client-credentials`. */
  readonly type = 'oauth2-client-credentials';
  readonly #tokenUrl: string;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #scopes: readonly string[];
  readonly #audience: string | undefined;
  readonly #clientAuthentication: 'client_secret_basic' | 'client_secret_post';
  readonly #skewMs: number;
  readonly #extraParams: Readonly<Record<string, string>>;
  readonly #timeoutMs: number;
  readonly #now: () => number;
  readonly #basicCredentials: string;
  readonly #tokenRetry: IPolicy | undefined;
  #token: CachedToken | undefined;
  #inflight: Promise<CachedToken> | undefined;

  /** Use {@link oauth2ClientCredentials}; `options` are validated there. */
  constructor(options: OAuth2ClientCredentialsOptions) {
    this.#tokenUrl = options.tokenUrl;
    this.#clientId = options.clientId;
    this.#clientSecret = options.clientSecret;
    this.#scopes = [...(options.scopes ?? [])];
    this.#audience = options.audience;
    this.#clientAuthentication = options.clientAuthentication ?? 'client_secret_basic';
    this.#skewMs = (options.refreshSkewSeconds ?? 30) * 1000;
    this.#extraParams = { ...options.extraParams };
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#now = options.now ?? Date.now;
    this.#tokenRetry = tokenRetryPolicy(options.tokenRetry);
    // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.
    this.#basicCredentials = base64Utf8(
      `${formEncode(this.#clientId)}:${formEncode(this.#clientSecret)}`,
    );
  }

  /**
   * The `Authorization` value for the current token: a string when a fresh
   * token is cached (no promise, no await), else a promise of one.
   */
  authorizationHeader(context: AuthContext): string | Promise<string> {
    const token = this.#token;
    if (token !== undefined && this.#now() < token.refreshAt) return token.header;
    return this.#waitForToken(token === undefined ? 'initial' : 'expiring', context).then(
      (fresh) => fresh.header,
    );
  }

  /** Set `Authorization` on `request`; synchronous when a fresh token is cached. */
  authorize(request: Request, context: AuthContext): Request | Promise<Request> {
    const header = this.authorizationHeader(context);
    if (typeof header === 'string') {
      request.headers.set('authorization', header);
      return request;
    }
    return header.then((value) => {
      request.headers.set('authorization', value);
      return request;
    });
  }

  /** After a 401: drop the cached token and fetch a new one (shared with concurrent callers). */
  async refresh(context: AuthContext): Promise<boolean> {
    this.#token = undefined;
    await this.#waitForToken('unauthorized', context);
    return true;
  }

  /** The client secret, its Basic encoding, and the current token, for scrubbing. */
  secretValues(): readonly string[] {
    const values = [this.#clientSecret, this.#basicCredentials];
    if (this.#token !== undefined) values.push(this.#token.value);
    return values;
  }

  /** A redacted description: no secret, no token. */
  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      tokenUrl: this.#tokenUrl,
      clientId: this.#clientId,
      scopes: [...this.#scopes],
      clientAuthentication: this.#clientAuthentication,
    };
  }

  /** `util.inspect` shows the same redacted description as {@link toJSON}. */
  [INSPECT_CUSTOM](): Record<string, unknown> {
    return this.toJSON();
  }

  #waitForToken(reason: RefreshReason, context: AuthContext): Promise<CachedToken> {
    if (context.signal?.aborted) return Promise.reject(context.signal.reason);
    let inflight = this.#inflight;
    if (inflight === undefined) {
      const attempt = () => this.#requestToken(reason, context);
      inflight = (this.#tokenRetry ? this.#tokenRetry.execute(attempt) : attempt()).then(
        (token) => {
          if (this.#inflight === inflight) this.#inflight = undefined;
          this.#token = token;
          return token;
        },
        (error: unknown) => {
          // A failure is not cached: the next caller starts a new request.
          if (this.#inflight === inflight) this.#inflight = undefined;
          throw error;
        },
      );
      this.#inflight = inflight;
    }
    return abortable(inflight, context.signal);
  }

  async #requestToken(reason: RefreshReason, context: AuthContext): Promise<CachedToken> {
    const url = this.#resolveTokenUrl(context);
    const where = `${url.origin}${url.pathname}`;
    const fail = (
      message: string,
      options: { cause?: unknown; retryable?: boolean; details?: Record<string, unknown> } = {},
    ) =>
      new AuthError(`OAuth2 token request to ${where} failed: ${message}`, {
        ...options,
        connectorId: context.connectorId,
      });

    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.#scopes.length > 0) body.set('scope', this.#scopes.join(' '));
    if (this.#audience !== undefined) body.set('audience', this.#audience);
    for (const [key, value] of Object.entries(this.#extraParams)) body.set(key, value);
    const headers = new Headers({
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
    });
    if (this.#clientAuthentication === 'client_secret_basic') {
      headers.set('authorization', `Basic ${this.#basicCredentials}`);
    } else {
      body.set('client_id', this.#clientId);
      body.set('client_secret', this.#clientSecret);
    }

    let response: Response;
    let text: string;
    try {
      response = await context.fetch(
        new Request(url, {
          method: 'POST',
          headers,
          body: body.toString(),
          signal: AbortSignal.timeout(this.#timeoutMs),
        }),
      );
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const detail = timedOut
        ? `no answer within ${this.#timeoutMs} ms`
        : `network error (${this.#redact(describeError(error))})`;
      throw fail(detail, { cause: error, retryable: true });
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }

    if (!response.ok) {
      const { code, description } = oauthError(json);
      const explained = [code, description && `(${this.#redact(description)})`]
        .filter(Boolean)
        .join(' ');
      throw fail(`HTTP ${response.status}${explained ? ` ${explained}` : ''}`, {
        retryable: response.status >= 500 || response.status === 429,
        details: {
          upstream_status: response.status,
          ...(code === undefined ? {} : { oauth_error: code }),
        },
      });
    }

    if (json === undefined) throw fail('the token response is not JSON');
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      const { code } = oauthError(json);
      const fields = [
        ...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)')),
      ];
      throw fail(
        code === undefined
          ? `the token response is malformed (${fields.join(', ')} missing or invalid)`
          : `the token endpoint answered ${code}`,
        code === undefined ? {} : { details: { oauth_error: code } },
      );
    }

    const { access_token: value, token_type: tokenType, expires_in: expiresIn } = parsed.data;
    const scheme = tokenType == null || /^bearer$/i.test(tokenType) ? 'Bearer' : tokenType;
    const lifetimeMs = expiresIn == null ? undefined : expiresIn * 1000;
    // A token shorter-lived than twice the skew is refreshed at half its life, not at once.
    const refreshAt =
      lifetimeMs === undefined
        ? Number.POSITIVE_INFINITY
        : this.#now() + lifetimeMs - Math.min(this.#skewMs, lifetimeMs / 2);
    context.events.emit('token.refresh', {
      connectorId: context.connectorId,
      reason,
      expiresInSeconds: expiresIn ?? undefined,
    });
    return { value, header: `${scheme} ${value}`, refreshAt };
  }

  #resolveTokenUrl(context: AuthContext): URL {
    try {
      return new URL(this.#tokenUrl, context.baseUrl);
    } catch (cause) {
      throw new ValidationError(
        'Invalid oauth2ClientCredentials options: tokenUrl is relative and the context has no baseUrl',
        [
          {
            path: ['tokenUrl'],
            code: 'relative_url',
            message: 'is relative and the context has no baseUrl',
          },
        ],
        { cause, connectorId: context.connectorId },
      );
    }
  }

  #redact(text: string): string {
    const redacted = redactSecrets(text, this.secretValues());
    return redacted.length > 300 ? `${redacted.slice(0, 300)}…` : redacted;
  }
}

/**
 * OAuth2 client credentials grant (RFC 6749 §4.4): fetches a token through
 * `context.fetch`, caches it until shortly before it expires, and shares one
 * token request among concurrent callers.
 */
export function oauth2ClientCredentials(
  options: OAuth2ClientCredentialsOptions,
): OAuth2ClientCredentialsStrategy {
  return new OAuth2ClientCredentialsStrategy(
    parseAuthOptions('oauth2ClientCredentials', optionsSchema, options),
  );
}

function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/** The RFC 6749 §5.2 `error` and `error_description`, when printable and short. */
function oauthError(json: unknown): { code: string | undefined; description: string | undefined } {
  if (typeof json !== 'object' || json === null) return { code: undefined, description: undefined };
  const { error, error_description: description } = json as Record<string, unknown>;
  const printable = (value: unknown, max: number) =>
    typeof value === 'string' && /^[\x20-\x7E]+$/.test(value) ? value.slice(0, max) : undefined;
  return { code: printable(error, 64), description: printable(description, 200) };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown } | undefined;
  const code = typeof cause?.code === 'string' ? ` ${cause.code}` : '';
  return `${error.message}${code}`;
}
