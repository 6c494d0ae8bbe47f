import { randomUUID } from 'node:crypto';
import ky, {
  type BeforeRetryHook,
  type Options as KyOptions,
  type KyResponse,
  type RetryOptions as KyRetryOptions,
  type ShouldRetryState,
} from 'ky';
import type { AuthContext, AuthStrategy } from '../auth/types.js';
import { TimeoutError, UpstreamError } from '../errors/index.js';
import { createEventBus, type TollgateEventBus } from '../events/event-bus.js';
import type { RequestEventBase } from '../events/event-map.js';
import { redactSecrets } from '../redaction/redact.js';
import { type CircuitBreakerOptions, type ConcurrencyOptions, ConnectorGuard } from './circuit.js';
import { type FailureContext, toTollgateError } from './error-mapping.js';
import type { FetchLike } from './fetch-like.js';
import { ClientRateLimiter, type RateLimitOptions } from './rate-limit.js';
import { retryAfterMs } from './retry-after.js';

/** How failed attempts are retried (the integration spec's retry table). */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** First backoff delay; each further retry doubles it. Default 300 ms. */
  baseDelayMs?: number;
  /** Cap on one backoff delay. Default 10 000 ms. */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` (or rate-limit reset) the transport waits for. A
   * partner asking for longer fails the call at once with a `RateLimitError`
   * carrying `retryAfterMs`. Default 60 000 ms.
   */
  maxRetryAfterMs?: number;
  /** Randomize backoff delays (equal jitter: half fixed, half random). Default true. */
  jitter?: boolean;
}

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** Prefix of every relative request path, e.g. `https://api.partner.example/v2`. */
  baseUrl?: string;
  /** The `fetch` that sends each attempt. Default: `globalThis.fetch`. */
  fetch?: FetchLike;
  /** How requests are authenticated. */
  auth?: AuthStrategy;
  /** Where request, retry, circuit and token events go. Default: a private bus. */
  events?: TollgateEventBus;
  /** Connector id named in events and errors. */
  connectorId?: string;
  /** Retry table settings. */
  retry?: RetryOptions;
  /** Time limit of one attempt. Default 10 000 ms. */
  timeoutMs?: number;
  /** Time limit of a whole call, retries and waits included. Default 30 000 ms. */
  deadlineMs?: number;
  /** Circuit breaker settings, or `false` for none. Default: 5 failures, 30 s. */
  circuitBreaker?: CircuitBreakerOptions | false;
  /** Concurrency limit (bulkhead), or `false` for none. Default: none. */
  concurrency?: ConcurrencyOptions | false;
  /** Client-side token-bucket rate limit, or `false` for none. Default: none. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Header that carries an idempotency key. Default `Idempotency-Key`.
   * `false` for a partner that honours no idempotency key: the key is not
   * sent and never makes a POST retryable (a retried booking would book twice).
   */
  idempotencyHeader?: string | false;
  /** Headers sent with every request (a partner's API version header, say). */
  headers?: Record<string, string>;
  /** Extra secret values to scrub from error bodies (credentials the auth strategy does not know). */
  secrets?: () => Iterable<string>;
}

/** Query string values; `undefined` entries are left out. */
export type QueryParams = Record<string, string | number | boolean | undefined>;

/** One logical call through the transport. */
export interface TransportRequest {
  /** HTTP method. Default `GET`. */
  method?: string;
  /** Path relative to `baseUrl`, or an absolute URL. */
  path: string;
  /** Query string parameters. */
  query?: QueryParams;
  /** A JSON body (sets `content-type: application/json`). */
  json?: unknown;
  /** A raw body (string, bytes, form data). Must be re-readable to be retried. */
  body?: BodyInit;
  /** Headers of this request only. */
  headers?: Record<string, string>;
  /**
   * Whether the request may be sent more than once. Default: true for GET,
   * HEAD, OPTIONS, PUT and DELETE; false for POST and PATCH unless an
   * `idempotencyKey` is given.
   */
  idempotent?: boolean;
  /** Sent in the idempotency header; makes a POST retryable (unless `idempotencyHeader` is `false`). */
  idempotencyKey?: string;
  /** The connector operation this call serves, for events and errors. */
  operation?: string;
  /** Overrides the transport's per-attempt time limit. */
  timeoutMs?: number;
  /** Overrides the transport's whole-call time limit. */
  deadlineMs?: number;
  /** Aborts the call. */
  signal?: AbortSignal;
}

/** A parsed JSON answer and the exact text it came from. */
export interface JsonResult<T> {
  data: T;
  /** The raw body, for error reports. */
  text: string;
  response: Response;
}

/** A resilient HTTP client bound to one partner. */
export interface Transport {
  /** Send a call with retries, auth, limits and events; resolves with a 2xx response. */
  request(request: TransportRequest): Promise<Response>;
  /** {@link Transport.request}, then parse the body as JSON. */
  json<T = unknown>(request: TransportRequest): Promise<JsonResult<T>>;
  /** The event bus this transport emits on. */
  readonly events: TollgateEventBus;
  /** State of the circuit breaker. */
  readonly circuitState: 'closed' | 'open' | 'half-open' | 'isolated';
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const ALL_METHODS = [
  'get',
  'head',
  'options',
  'put',
  'delete',
  'trace',
  'post',
  'patch',
  'query',
] as const;
/** Retried by ky's own rules; `shouldRetry` adds the other 5xx (every 5xx is worth another attempt). */
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
/** Statuses whose `Retry-After` / rate-limit reset headers decide the delay. */
const RETRY_AFTER_STATUS_CODES = [429, 503];
/** Where a call's state travels through ky, to the shared retry hooks (ky's `context` option). */
const STATE = 'tollgate';

interface CallState {
  attempt: number;
  base: Omit<RequestEventBase, 'attempt'>;
  deadline: number;
}

/**
 * Create the transport every connector sends through: ky underneath (one
 * retry loop, ky's), with the integration spec's retry table, per-attempt and
 * whole-call time limits, a circuit breaker and a bulkhead (cockatiel), a
 * client-side token bucket, auth (with one token refresh after a 401), an
 * idempotency header, and `request.*` events for every attempt.
 *
 * @example
 * ```ts
 * const transport = createTransport({ baseUrl: 'https://api.example.com', retry: { maxAttempts: 3 } });
 * const { data } = await transport.json<{ rate: string }>({ path: '/rates', query: { base: 'EUR' } });
 * ```
 */
export function createTransport(options: TransportOptions = {}): Transport {
  return new HttpTransport(options);
}

class HttpTransport implements Transport {
  readonly events: TollgateEventBus;
  readonly #options: TransportOptions;
  readonly #fetch: FetchLike;
  readonly #authContext: AuthContext;
  readonly #guard: ConnectorGuard;
  readonly #rateLimiter: ClientRateLimiter | undefined;
  readonly #retry: Required<RetryOptions>;
  readonly #baseUrl: string | undefined;
  /** ky retry options, built once: per-call state reaches them through ky's `context`. */
  readonly #kyRetry: KyRetryOptions;
  readonly #kyHooks: KyOptions['hooks'];

  constructor(options: TransportOptions) {
    this.#options = options;
    this.events = options.events ?? createEventBus();
    // The global fetch itself (not a wrapper), so an mTLS strategy recognises it and sends through undici.
    const baseFetch: FetchLike = options.fetch ?? globalThis.fetch;
    this.#fetch = options.auth?.wrapFetch ? options.auth.wrapFetch(baseFetch) : baseFetch;
    this.#baseUrl = options.baseUrl?.replace(/\/+$/, '');
    this.#authContext = {
      fetch: this.#fetch,
      events: this.events,
      connectorId: options.connectorId,
      baseUrl: this.#baseUrl,
    };
    this.#guard = new ConnectorGuard({
      circuitBreaker: options.circuitBreaker ?? {},
      concurrency: options.concurrency ?? false,
      events: this.events,
      connectorId: options.connectorId,
    });
    this.#rateLimiter = options.rateLimit ? new ClientRateLimiter(options.rateLimit) : undefined;
    this.#retry = {
      maxAttempts: options.retry?.maxAttempts ?? 3,
      baseDelayMs: options.retry?.baseDelayMs ?? 300,
      maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 60_000,
      jitter: options.retry?.jitter ?? true,
    };
    if (!Number.isInteger(this.#retry.maxAttempts) || this.#retry.maxAttempts < 1) {
      throw new RangeError('retry.maxAttempts must be a whole number of at least 1');
    }
    const retry = this.#retry;
    this.#kyRetry = {
      limit: retry.maxAttempts - 1,
      methods: [...ALL_METHODS],
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: RETRY_AFTER_STATUS_CODES,
      retryOnTimeout: true,
      backoffLimit: retry.maxDelayMs,
      delay: (attempt) => retry.baseDelayMs * 2 ** (attempt - 1),
      jitter: retry.jitter ? (delay) => delay / 2 + Math.random() * (delay / 2) : false,
      shouldRetry: (state) => this.#shouldRetry(state),
    };
    const onRetry: BeforeRetryHook = ({ error, options }) => {
      const state = options.context[STATE] as CallState;
      const status = (error as { response?: Response }).response?.status;
      this.events.emit('request.retry', {
        ...state.base,
        attempt: state.attempt + 1,
        status,
        reason:
          status !== undefined
            ? `http_${status}`
            : error.name === 'TimeoutError'
              ? 'timeout'
              : 'network',
      });
    };
    this.#kyHooks = { beforeRetry: [onRetry] };
  }

  get circuitState() {
    return this.#guard.circuitState;
  }

  async request(request: TransportRequest): Promise<Response> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = this.#resolveUrl(request.path);
    const target = request.query ? withQuery(url, request.query) : url;
    const started = performance.now();
    const state: CallState = {
      attempt: 0,
      deadline: Date.now() + (request.deadlineMs ?? this.#options.deadlineMs ?? 30_000),
      base: {
        connectorId: this.#options.connectorId,
        operation: request.operation,
        method,
        url,
        requestId: randomUUID(),
      },
    };
    const failure: FailureContext = {
      connectorId: this.#options.connectorId,
      operation: request.operation,
      method,
      url,
      secrets: () => this.#secrets(),
    };
    try {
      const response = await this.#guard.execute(
        () => this.#send(request, method, target, state, failure, false),
        request.operation,
      );
      if (this.events.listenerCount('request.success') > 0) {
        this.events.emit('request.success', {
          ...state.base,
          attempt: state.attempt,
          status: response.status,
          durationMs: performance.now() - started,
        });
      }
      return response;
    } catch (error) {
      const mapped = toTollgateError(error, failure);
      this.events.emit('request.failure', {
        ...state.base,
        attempt: state.attempt,
        status: (mapped as { details?: { upstream_status?: number } }).details?.upstream_status,
        code: (mapped as { code?: string }).code ?? 'unknown',
        durationMs: performance.now() - started,
      });
      throw mapped;
    }
  }

  async json<T = unknown>(request: TransportRequest): Promise<JsonResult<T>> {
    const response = await this.request({
      ...request,
      headers: { accept: 'application/json', ...request.headers },
    });
    const text = await response.text();
    try {
      return { data: (text === '' ? undefined : JSON.parse(text)) as T, text, response };
    } catch (cause) {
      throw new UpstreamError(
        `The partner answered ${request.method ?? 'GET'} ${request.path} with a body that is not JSON`,
        {
          connectorId: this.#options.connectorId,
          operation: request.operation,
          upstreamStatus: response.status,
          retryable: false,
          status: 502,
          body: redactSecrets(text.slice(0, 8192), this.#secrets()),
          cause,
        },
      );
    }
  }

  async #send(
    request: TransportRequest,
    method: string,
    url: string,
    state: CallState,
    failure: FailureContext,
    refreshed: boolean,
  ): Promise<Response> {
    const remaining = state.deadline - Date.now();
    if (remaining <= 0) {
      throw new TimeoutError(`The deadline passed before ${method} ${url} could be sent`, {
        connectorId: this.#options.connectorId,
        operation: request.operation,
      });
    }
    const retryable =
      (request.idempotent ?? IDEMPOTENT_METHODS.has(method)) ||
      (request.idempotencyKey !== undefined && this.#options.idempotencyHeader !== false);
    try {
      return await ky(url, this.#kyOptions(request, method, state, retryable, remaining));
    } catch (error) {
      const unauthorized =
        error instanceof Error &&
        'response' in error &&
        (error as { response?: Response }).response?.status === 401;
      if (unauthorized && !refreshed && this.#options.auth?.refresh) {
        this.events.emit('request.retry', {
          ...state.base,
          attempt: state.attempt + 1,
          status: 401,
          reason: 'unauthorized',
        });
        const context = { ...this.#authContext, signal: request.signal };
        if (await this.#options.auth.refresh(context)) {
          return this.#send(request, method, url, state, failure, true);
        }
      }
      throw toTollgateError(error, failure);
    }
  }

  #kyOptions(
    request: TransportRequest,
    method: string,
    state: CallState,
    retryable: boolean,
    remaining: number,
  ): KyOptions {
    let headers: Record<string, string> | undefined;
    const idempotencyHeader = this.#options.idempotencyHeader ?? 'Idempotency-Key';
    const sendKey = request.idempotencyKey !== undefined && idempotencyHeader !== false;
    if (this.#options.headers || request.headers || sendKey) {
      headers = { ...this.#options.headers, ...request.headers };
      if (sendKey) headers[idempotencyHeader] = request.idempotencyKey as string;
    }
    const options: KyOptions = {
      method,
      timeout: Math.min(request.timeoutMs ?? this.#options.timeoutMs ?? 10_000, remaining),
      totalTimeout: remaining,
      fetch: (input, init) => this.#attempt(input as Request, init, state, request.signal),
      retry: retryable ? this.#kyRetry : 0,
      hooks: this.#kyHooks,
      context: { [STATE]: state },
    };
    if (headers) options.headers = headers;
    // A 304 answers a conditional GET (If-None-Match / If-Modified-Since): "your copy is current", not a failure.
    if (request.headers && isConditional(request.headers))
      options.throwHttpErrors = notModifiedIsOk;
    if (request.signal) options.signal = request.signal;
    if (request.json !== undefined) options.json = request.json;
    else if (request.body !== undefined) options.body = request.body;
    return options;
  }

  /**
   * ky's retry rules, plus: every 5xx is retried, and a partner asking to wait
   * longer than allowed (or past the deadline) fails now rather than later.
   */
  #shouldRetry({ error }: ShouldRetryState): boolean | undefined {
    const response = (error as { response?: KyResponse }).response;
    if (!response) return undefined;
    const status = response.status;
    if (RETRY_AFTER_STATUS_CODES.includes(status)) {
      const wait = retryAfterMs(response.headers);
      if (wait === undefined) return undefined;
      const state = (error as { options?: { context?: Record<string, unknown> } }).options
        ?.context?.[STATE] as CallState | undefined;
      const left = state ? state.deadline - Date.now() : Number.POSITIVE_INFINITY;
      if (wait > this.#retry.maxRetryAfterMs || wait >= left) return false;
      return undefined;
    }
    if (status >= 500 && !RETRY_STATUS_CODES.includes(status)) return true;
    return undefined;
  }

  async #attempt(
    input: Request,
    init: RequestInit | undefined,
    state: CallState,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    state.attempt += 1;
    if (this.events.listenerCount('request.start') > 0) {
      this.events.emit('request.start', { ...state.base, attempt: state.attempt });
    }
    if (this.#rateLimiter) {
      await this.#rateLimiter.take({
        connectorId: this.#options.connectorId,
        budgetMs: state.deadline - Date.now(),
      });
    }
    const send = this.#fetch; // called unbound: a browser's fetch rejects another `this`
    const auth = this.#options.auth;
    if (!auth) return send(input, init);
    const authorized = auth.authorize(
      input,
      signal ? { ...this.#authContext, signal } : this.#authContext,
    );
    return send(authorized instanceof Request ? authorized : await authorized, init);
  }

  #resolveUrl(path: string): string {
    if (/^https?:\/\//i.test(path)) return path;
    if (this.#baseUrl === undefined) {
      throw new TypeError(`A relative path (${path}) needs the transport's baseUrl`);
    }
    return `${this.#baseUrl}/${path.replace(/^\/+/, '')}`;
  }

  #secrets(): string[] {
    return [...(this.#options.auth?.secretValues?.() ?? []), ...(this.#options.secrets?.() ?? [])];
  }
}

/** `url` with `query` appended (after any query string it already has); `undefined` values are left out. */
function withQuery(url: string, query: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const search = params.toString();
  if (search === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}

/** Whether request headers make the request conditional (RFC 9110 §13.1.1, §13.1.3). */
function isConditional(headers: Record<string, string>): boolean {
  for (const name of Object.keys(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'if-none-match' || lower === 'if-modified-since') return true;
  }
  return false;
}

/** ky's `throwHttpErrors` for conditional requests: every non-2xx throws except 304 Not Modified. */
function notModifiedIsOk(status: number): boolean {
  return status !== 304;
}
