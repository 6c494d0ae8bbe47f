/**
 * How the carriers' sandboxes check who is calling: HTTP Basic, OAuth2
 * client-credentials token requests, and the bearer tokens they issue. Each
 * sandbox still answers a refusal in its carrier's own error document. Used
 * by the sandboxes only.
 */
import { randomUUID } from 'node:crypto';
import { HttpResponse } from 'msw';

/** The `Authorization` header of HTTP Basic with `user` and `password`. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** The bearer tokens a sandbox issued: kept per call of its factory, like the rest of its state. */
export interface SandboxTokens {
  /** A new token (`<prefix>-<uuid>`), valid from now on. */
  issue(): string;
  /** Whether the request carries `Authorization: Bearer` with a token issued here. */
  accepts(request: Request): boolean;
}

/** A new, empty set of {@link SandboxTokens}. */
export function sandboxTokens(prefix: string): SandboxTokens {
  const issued = new Set<string>();
  return {
    issue: () => {
      const token = `${prefix}-${randomUUID()}`;
      issued.add(token);
      return token;
    },
    accepts: (request) => {
      const header = request.headers.get('authorization') ?? '';
      return issued.has(header.startsWith('Bearer ') ? header.slice(7) : '');
    },
  };
}

/** How an OAuth2 client may authenticate at a token endpoint. */
export type ClientAuthentication = 'client_secret_post' | 'client_secret_basic';

/** Why a token request is refused, as RFC 6749 names it. */
export type TokenRequestRefusal = 'unsupported_grant_type' | 'invalid_client';

/**
 * Check an OAuth2 client-credentials token request as a carrier's token
 * endpoint does: the `grant_type` first, then the client's id and secret,
 * read from the form (`client_secret_post`) or from HTTP Basic
 * (`client_secret_basic`) as `methods` allow, a form field first. Resolves
 * `undefined` when the token may be issued.
 */
export async function refuseTokenRequest(
  request: Request,
  client: { clientId: string; clientSecret: string },
  methods: readonly ClientAuthentication[],
): Promise<TokenRequestRefusal | undefined> {
  const form = new URLSearchParams(await request.text());
  if (form.get('grant_type') !== 'client_credentials') return 'unsupported_grant_type';
  const posted = methods.includes('client_secret_post');
  const basic = methods.includes('client_secret_basic') ? basicCredentials(request) : undefined;
  const id = (posted ? form.get('client_id') : null) ?? basic?.user;
  const secret = (posted ? form.get('client_secret') : null) ?? basic?.password;
  return id === client.clientId && secret === client.clientSecret ? undefined : 'invalid_client';
}

function basicCredentials(request: Request): { user: string; password: string } | undefined {
  const header = request.headers.get('authorization') ?? '';
  if (!header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? undefined
    : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * A token endpoint's RFC 6749 answer to a refused request: 400
 * `unsupported_grant_type`, or 401 `invalid_client` described by `clientMessage`.
 */
export function oauth2Refusal(refusal: TokenRequestRefusal, clientMessage: string): Response {
  return refusal === 'invalid_client'
    ? HttpResponse.json({ error: refusal, error_description: clientMessage }, { status: 401 })
    : HttpResponse.json({ error: refusal }, { status: 400 });
}
