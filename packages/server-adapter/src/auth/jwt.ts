import { AuthError, ValidationError } from '@tollgate/core';
import type { MiddlewareHandler } from 'hono';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  type FetchImplementation,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { AppEnv } from '../types.js';
import {
  API_KEY_ROLES,
  API_KEY_SCOPES,
  type ApiKeyPrincipal,
  type ApiKeyRole,
  type ApiKeyScope,
  type ApiKeyStore,
  defaultScopes,
  TENANT_ID_PATTERN,
} from './api-keys.js';

/** The JWS algorithms accepted when none are configured: asymmetric only. */
/** The roles a JWT may carry unless `roles` says otherwise: every role but the cross-tenant `admin`. */
export const DEFAULT_JWT_ROLES: readonly ApiKeyRole[] = ['sme', 'bank', 'partner'];

export const DEFAULT_JWT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

/** The default names of the claims a JWT principal is read from. */
export const DEFAULT_JWT_CLAIMS = {
  tenant: 'tenant_id',
  role: 'tollgate_role',
  scopes: 'scope',
} as const;

/** Why a JWT was refused, as reported to {@link JwtVerifierOptions.onReject}; never holds the token. */
export type JwtRejectReason =
  /** Not three base64url segments, or longer than {@link MAX_JWT_LENGTH}. */
  | 'malformed'
  /** The tenant claim is missing or not a tenant id. */
  | 'tenant_claim_invalid'
  /** The role claim is missing or not one of the accepted roles. */
  | 'role_claim_invalid'
  /** The scopes claim is neither a space-separated string nor an array of strings. */
  | 'scopes_claim_invalid'
  /** `sub` is missing, too long or holds whitespace or control characters. */
  | 'subject_invalid'
  /** A jose error code (`ERR_JWT_EXPIRED`, `ERR_JWS_SIGNATURE_VERIFICATION_FAILED`, `ERR_JWKS_TIMEOUT` …). */
  | (string & {});

/** Options of {@link jwtVerifier}. Give exactly one of `jwksUrl` and `jwks`. */
export interface JwtVerifierOptions {
  /**
   * The identity provider's JWKS endpoint (its `jwks_uri`). Keys are cached
   * and re-fetched when a token names an unknown `kid` (key rotation), at most
   * once per {@link jwksCooldownMs}. Must be `https:`, except on loopback hosts.
   */
  jwksUrl?: string | URL;
  /** Local public keys instead of {@link jwksUrl} (tests, offline deployments). */
  jwks?: JSONWebKeySet;
  /** The accepted `iss` value(s). */
  issuer: string | string[];
  /** The accepted `aud` value(s): the token must name at least one. */
  audience: string | string[];
  /**
   * The accepted JWS algorithms; default {@link DEFAULT_JWT_ALGORITHMS}.
   * `none` and the symmetric `HS*` algorithms are refused.
   */
  algorithms?: string[];
  /**
   * The roles a JWT may carry; default `sme`, `bank` and `partner`: the
   * cross-tenant `admin` role stays with API keys unless listed here. A role
   * claim outside the list is refused.
   */
  roles?: readonly ApiKeyRole[];
  /** Leeway for `exp`, `nbf` and `iat`, in seconds; default 30. */
  clockToleranceSeconds?: number;
  /** The required `typ` header (e.g. `at+jwt` for RFC 9068 access tokens); default not checked. */
  typ?: string;
  /** Claim names; a namespaced name such as `https://tollgate.dev/tenant` works too. */
  claims?: {
    /** The tenant id claim; default `tenant_id`. */
    tenant?: string;
    /** The role claim (one of `API_KEY_ROLES`); default `tollgate_role`. */
    role?: string;
    /**
     * The scopes claim: a space-separated string (RFC 8693 / OAuth `scope`)
     * or an array of strings; default `scope`. Unknown scopes are ignored;
     * when the claim is absent the role's `defaultScopes` apply.
     */
    scopes?: string;
  };
  /** The clock tokens are checked against; default `() => new Date()`. */
  clock?: () => Date;
  /** The `fetch` used for {@link jwksUrl} (jose's `customFetch`); default the global `fetch`. */
  fetch?: FetchImplementation;
  /** How long after a JWKS fetch an unknown `kid` may trigger another, in ms; default 30 000. */
  jwksCooldownMs?: number;
  /** How long fetched keys are trusted before they are fetched again, in ms; default 600 000. */
  jwksCacheMaxAgeMs?: number;
  /** The timeout of a JWKS fetch, in ms; default 5 000. */
  jwksTimeoutMs?: number;
  /**
   * Called with the reason each time a token is refused (for logs and metrics);
   * the reason never holds the token or its claims.
   */
  onReject?: (reason: JwtRejectReason) => void;
}

/** Verifies JWT bearer tokens into principals; made by {@link jwtVerifier}. */
export interface JwtVerifier {
  /**
   * The principal a token speaks for, or `undefined` when it is malformed,
   * badly signed, expired, for another issuer or audience, or lacks a valid
   * tenant, role or subject. Never throws.
   */
  verify(token: string): Promise<ApiKeyPrincipal | undefined>;
}

/** The longest bearer token {@link jwtVerifier} will parse, in characters. */
export const MAX_JWT_LENGTH = 16 * 1024;

/** The longest `sub` accepted: `jwt:<sub>` must fit a billing actor id (256 characters). */
export const MAX_JWT_SUBJECT_LENGTH = 200;

/** Three base64url segments; the last may be empty (an unsecured `alg: none` token, refused later). */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Printable ASCII without spaces: safe to log and to use as an actor id. */
const SUBJECT_PATTERN = new RegExp(`^[\\x21-\\x7e]{1,${MAX_JWT_SUBJECT_LENGTH}}$`);

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a bearer token has the shape of a compact JWS (three base64url segments). */
export function looksLikeJwt(token: string): boolean {
  return token.length <= MAX_JWT_LENGTH && JWT_SHAPE.test(token);
}

function invalidOption(field: string, message: string): ValidationError {
  return new ValidationError(message, [{ path: [field], code: 'invalid_value', message }]);
}

function nonEmptyList(value: string | string[], field: string): string[] {
  const list = typeof value === 'string' ? [value] : [...value];
  if (list.length === 0 || list.some((item) => typeof item !== 'string' || item.length === 0)) {
    throw invalidOption(field, `JWT ${field} must be a non-empty string or list of strings.`);
  }
  return list;
}

function checkedAlgorithms(algorithms: readonly string[]): string[] {
  if (algorithms.length === 0)
    throw invalidOption('algorithms', 'Name at least one JWT algorithm.');
  const refused = algorithms.filter((alg) => alg.toLowerCase() === 'none' || /^HS/i.test(alg));
  if (refused.length > 0) {
    throw invalidOption(
      'algorithms',
      `JWT algorithms ${refused.join(', ')} are refused: use asymmetric keys from a JWKS.`,
    );
  }
  return [...algorithms];
}

function keyResolver(options: JwtVerifierOptions): JWTVerifyGetKey {
  if ((options.jwksUrl === undefined) === (options.jwks === undefined)) {
    throw invalidOption('jwksUrl', 'Give exactly one of jwksUrl and jwks.');
  }
  if (options.jwks !== undefined) return createLocalJWKSet(options.jwks);
  let url: URL;
  try {
    url = new URL(options.jwksUrl as string | URL);
  } catch {
    throw invalidOption('jwksUrl', 'The JWKS URL is not a URL.');
  }
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  ) {
    throw invalidOption('jwksUrl', 'The JWKS URL must be https: (http: only on loopback hosts).');
  }
  return createRemoteJWKSet(url, {
    ...(options.jwksCooldownMs === undefined ? {} : { cooldownDuration: options.jwksCooldownMs }),
    ...(options.jwksCacheMaxAgeMs === undefined ? {} : { cacheMaxAge: options.jwksCacheMaxAgeMs }),
    ...(options.jwksTimeoutMs === undefined ? {} : { timeoutDuration: options.jwksTimeoutMs }),
    ...(options.fetch === undefined ? {} : { [customFetch]: options.fetch }),
  });
}

/** The scopes named by a claim value, or `undefined` when it has the wrong type. */
function scopesOf(value: unknown): ApiKeyScope[] | undefined {
  let names: unknown[];
  if (typeof value === 'string') names = value.split(/\s+/);
  else if (Array.isArray(value)) names = value;
  else return undefined;
  if (!names.every((name) => typeof name === 'string')) return undefined;
  const known = (API_KEY_SCOPES as readonly string[]).filter((scope) => names.includes(scope));
  return known as ApiKeyScope[];
}

/** Thrown inside `verify` for a claim problem; caught there and reported, never surfaced. */
class RejectedClaim extends Error {
  constructor(readonly reason: JwtRejectReason) {
    super(reason);
  }
}

/**
 * A verifier of JWT bearer tokens issued by an identity provider, checked with
 * jose against a remote JWKS (`jwksUrl`, cached, re-fetched on an unknown
 * `kid`) or local keys (`jwks`). A token must be signed with one of
 * `algorithms`, carry the configured `iss` and `aud`, an unexpired `exp`, a
 * `sub`, a tenant id claim and a role claim; it becomes the principal
 * `{ tenantId, role, scopes, prefix: 'jwt:<sub>' }`. Bad options throw a
 * `ValidationError` at once; a bad token is `undefined`, never an error.
 */
export function jwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  const issuer = nonEmptyList(options.issuer, 'issuer');
  const audience = nonEmptyList(options.audience, 'audience');
  const algorithms = checkedAlgorithms(options.algorithms ?? DEFAULT_JWT_ALGORITHMS);
  const clockTolerance = options.clockToleranceSeconds ?? 30;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw invalidOption('clockToleranceSeconds', 'The clock tolerance is a number of seconds ≥ 0.');
  }
  const roles: readonly string[] = options.roles ?? DEFAULT_JWT_ROLES;
  if (
    roles.length === 0 ||
    roles.some((role) => !(API_KEY_ROLES as readonly string[]).includes(role))
  ) {
    throw invalidOption('roles', `JWT roles are a non-empty list of ${API_KEY_ROLES.join(', ')}.`);
  }
  const claims = { ...DEFAULT_JWT_CLAIMS, ...options.claims };
  const clock = options.clock ?? (() => new Date());
  const getKey = keyResolver(options);
  const reject = (reason: JwtRejectReason): undefined => {
    try {
      options.onReject?.(reason);
    } catch {
      // A failing observer must not turn a refusal into an error.
    }
    return undefined;
  };

  const principalOf = (payload: JWTPayload): ApiKeyPrincipal => {
    const tenantId = payload[claims.tenant];
    if (typeof tenantId !== 'string' || !TENANT_ID_PATTERN.test(tenantId)) {
      throw new RejectedClaim('tenant_claim_invalid');
    }
    const role = payload[claims.role];
    if (typeof role !== 'string' || !roles.includes(role)) {
      throw new RejectedClaim('role_claim_invalid');
    }
    const scopeClaim = payload[claims.scopes];
    const scopes =
      scopeClaim === undefined ? defaultScopes(role as ApiKeyRole) : scopesOf(scopeClaim);
    if (scopes === undefined) throw new RejectedClaim('scopes_claim_invalid');
    const subject = payload.sub;
    if (typeof subject !== 'string' || !SUBJECT_PATTERN.test(subject)) {
      throw new RejectedClaim('subject_invalid');
    }
    return { tenantId, role: role as ApiKeyRole, prefix: `jwt:${subject}`, scopes };
  };

  return {
    async verify(token) {
      if (typeof token !== 'string' || !looksLikeJwt(token)) return reject('malformed');
      try {
        const { payload } = await jwtVerify(token, getKey, {
          issuer,
          audience,
          algorithms,
          clockTolerance,
          currentDate: clock(),
          requiredClaims: ['exp', 'sub'],
          ...(options.typ === undefined ? {} : { typ: options.typ }),
        });
        return principalOf(payload);
      } catch (error) {
        if (error instanceof RejectedClaim) return reject(error.reason);
        if (error instanceof errors.JOSEError) return reject(error.code);
        return reject('ERR_UNEXPECTED');
      }
    },
  };
}

/** Options of {@link requireBearer}. */
export interface RequireBearerOptions {
  /** The API-key registry that `tg_<prefix>_<secret>` tokens are checked against. */
  apiKeys: ApiKeyStore;
  /** The verifier of JWT bearer tokens (see {@link jwtVerifier}); without it JWTs are refused. */
  jwt?: JwtVerifier | undefined;
}

/**
 * Like `requireApiKey`, but also accepts JWTs from an identity provider:
 * `Authorization: Bearer tg_…` is checked against `apiKeys`, a token shaped
 * like a JWT against `jwt` (when configured), and sets `principal`. Anything
 * else (no header, an unknown format, a refused key or token, a JWT when
 * `jwt` is not configured) is a 401 `auth_failed` problem whose message never
 * repeats the token.
 */
export function requireBearer(options: RequireBearerOptions): MiddlewareHandler<AppEnv> {
  const { apiKeys, jwt } = options;
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (token === undefined) {
      throw new AuthError(
        jwt === undefined
          ? 'An API key is required (Authorization: Bearer tg_…).'
          : 'A bearer token is required (Authorization: Bearer tg_… or a JWT).',
      );
    }
    let principal: ApiKeyPrincipal | undefined;
    if (token.startsWith('tg_')) {
      principal = await apiKeys.verify(token);
      if (principal === undefined) throw new AuthError('Unknown or revoked API key.');
    } else if (looksLikeJwt(token)) {
      if (jwt === undefined) {
        throw new AuthError('JWT bearer tokens are not accepted here; use an API key (tg_…).');
      }
      principal = await jwt.verify(token);
      if (principal === undefined) throw new AuthError('Invalid or expired bearer token.');
    } else {
      throw new AuthError('Unrecognized bearer token.');
    }
    c.set('principal', principal);
    await next();
  };
}
