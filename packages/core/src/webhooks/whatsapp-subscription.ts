import { timingSafeEqual } from 'node:crypto';

/** The answer to a WhatsApp (Meta) webhook subscription request. */
export interface WhatsAppSubscriptionAnswer {
  /** 200 when the request is genuine, else 403. */
  status: 200 | 403;
  /** `hub.challenge` to echo back (200), or a short reason (403). */
  body: string;
  /** Always `text/plain; charset=utf-8`: the challenge goes back as plain text. */
  contentType: 'text/plain; charset=utf-8';
}

/** The query of a subscription request: a URL, its query string, `URLSearchParams` or a parsed record. */
export type WhatsAppSubscriptionQuery =
  | URL
  | URLSearchParams
  | string
  | Record<string, string | string[] | undefined>;

/**
 * Answer the GET request Meta sends when a WhatsApp Cloud API webhook is
 * subscribed: `hub.mode=subscribe`, `hub.verify_token` (the token you typed
 * into the app dashboard; compared in constant time) and `hub.challenge`.
 * Genuine: 200 with the challenge as plain text. Anything else: 403.
 *
 * @param query - the request URL (or its query).
 * @param verifyToken - the expected `hub.verify_token`.
 */
export function answerWhatsAppSubscription(
  query: WhatsAppSubscriptionQuery,
  verifyToken: string,
): WhatsAppSubscriptionAnswer {
  const params = toParams(query);
  const mode = params('hub.mode');
  const token = params('hub.verify_token');
  const challenge = params('hub.challenge');
  const ok =
    mode === 'subscribe' &&
    typeof verifyToken === 'string' &&
    verifyToken.length > 0 &&
    token !== undefined &&
    constantTimeEquals(token, verifyToken) &&
    challenge !== undefined &&
    challenge.length > 0;
  return ok
    ? { status: 200, body: challenge, contentType: 'text/plain; charset=utf-8' }
    : { status: 403, body: 'Forbidden', contentType: 'text/plain; charset=utf-8' };
}

/**
 * {@link answerWhatsAppSubscription} for a web-standard handler (Hono, a
 * Next.js route, `fetch` servers): takes the `Request`, returns the `Response`.
 */
export function respondToWhatsAppSubscription(request: Request, verifyToken: string): Response {
  const answer = answerWhatsAppSubscription(new URL(request.url), verifyToken);
  return new Response(answer.body, {
    status: answer.status,
    headers: { 'content-type': answer.contentType },
  });
}

function toParams(query: WhatsAppSubscriptionQuery): (name: string) => string | undefined {
  if (query instanceof URL) return (name) => query.searchParams.get(name) ?? undefined;
  if (query instanceof URLSearchParams) return (name) => query.get(name) ?? undefined;
  if (typeof query === 'string') {
    const search = new URLSearchParams(
      query.includes('?') ? query.slice(query.indexOf('?') + 1) : query,
    );
    return (name) => search.get(name) ?? undefined;
  }
  return (name) => {
    const value = query !== null && typeof query === 'object' ? query[name] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
}

function constantTimeEquals(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // Compare against itself on a length mismatch so the time does not depend on where they differ.
  return a.length === b.length ? timingSafeEqual(a, b) : !timingSafeEqual(b, b);
}
