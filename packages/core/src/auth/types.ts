import type { TollgateEventBus } from '../events/event-bus.js';
import type { FetchLike } from '../transport/fetch-like.js';

/** What an {@link AuthStrategy} may use while it authorizes a request. */
export interface AuthContext {
  /** The transport's `fetch` (so a sandbox also serves token endpoints). */
  fetch: FetchLike;
  /** Where `token.refresh` is emitted. */
  events: TollgateEventBus;
  /** The connector this strategy authenticates, for events and errors. */
  connectorId: string | undefined;
  /** The environment's base URL; a relative token URL resolves against it. */
  baseUrl: string | undefined;
  /** Aborts a token request when the call it serves is aborted. */
  signal?: AbortSignal | undefined;
}

/**
 * How a connector proves who it is to a partner. A strategy owns its secret
 * material and never exposes it: `toJSON()` and `inspect` show only its type.
 */
export interface AuthStrategy {
  /** A short name: `oauth2-client-credentials`, `api-key`, `basic`, `bearer`, `mtls`. */
  readonly type: string;
  /**
   * Add credentials to an outgoing request. It may set headers on `request`
   * and return it, or return a new `Request` (when the URL changes, e.g. an API
   * key in the query string).
   */
  authorize(request: Request, context: AuthContext): Request | Promise<Request>;
  /**
   * Called once after the partner answered 401. Drop cached credentials and
   * obtain fresh ones; resolve `true` if a single retry may now succeed.
   */
  refresh?(context: AuthContext): Promise<boolean>;
  /**
   * Wrap the transport's `fetch`, e.g. to send through a TLS client
   * certificate. Called once per transport.
   */
  wrapFetch?(fetch: FetchLike): FetchLike;
  /** Secret values to scrub from error bodies and messages (current token included). */
  secretValues?(): readonly string[];
  /** A redacted description: `{ type }` and non-secret settings only. */
  toJSON(): Record<string, unknown>;
  /** Release what the strategy holds (the mTLS connection pool). */
  close?(): Promise<void>;
}
