/** Fields every request event carries. */
export interface RequestEventBase {
  /** Connector id, or `undefined` for a bare transport. */
  connectorId: string | undefined;
  /** Connector operation, when the call came from one. */
  operation: string | undefined;
  /** HTTP method. */
  method: string;
  /** URL without its query string (query strings may carry API keys). */
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** Id shared by every attempt of one logical call. */
  requestId: string;
}

/**
 * Every event `@tollgate/core` emits, `noun.verb` style, with its payload.
 * Payloads never carry credentials, tokens or request bodies.
 */
export interface TollgateEventMap {
  /** An attempt is about to be sent. */
  'request.start': RequestEventBase;
  /** An attempt failed and the transport will try again. */
  'request.retry': RequestEventBase & {
    /** HTTP status of the failed attempt, or `undefined` for a network error or timeout. */
    status: number | undefined;
    /** Why the attempt failed (`http_503`, `timeout`, `network`, `unauthorized`). */
    reason: string;
  };
  /** The call succeeded. */
  'request.success': RequestEventBase & { status: number; durationMs: number };
  /** The call failed for good. */
  'request.failure': RequestEventBase & {
    status: number | undefined;
    code: string;
    durationMs: number;
  };
  /** A connector's circuit breaker opened: calls now fail fast. */
  'circuit.open': { connectorId: string | undefined };
  /** A connector's circuit breaker closed again. */
  'circuit.close': { connectorId: string | undefined };
  /** An OAuth2 token was fetched (first time or refresh). */
  'token.refresh': {
    connectorId: string | undefined;
    /** Why: `initial`, `expiring`, or `unauthorized` (after a 401). */
    reason: 'initial' | 'expiring' | 'unauthorized';
    /** Lifetime of the new token in seconds, when the server said. */
    expiresInSeconds: number | undefined;
  };
  /** A webhook passed verification. */
  'webhook.verified': {
    connectorId: string | undefined;
    scheme: string;
    messageId: string | undefined;
  };
  /** A webhook failed verification. */
  'webhook.rejected': { connectorId: string | undefined; scheme: string; code: string };
  /** A provider's subscription handshake was answered: accepted (2xx) or refused. */
  'webhook.handshake': { connectorId: string | undefined; scheme: string; accepted: boolean };
}

/** The name of a Tollgate event. */
export type TollgateEventName = keyof TollgateEventMap;
