import { ValidationError } from '@tollgate/core';
import type { JwtVerifierOptions } from './jwt.js';

/** The environment variables read by {@link jwtOptionsFromEnv}. */
export const JWT_ENV_VARIABLES = [
  'TOLLGATE_JWT_JWKS_URL',
  'TOLLGATE_JWT_ISSUER',
  'TOLLGATE_JWT_AUDIENCE',
  'TOLLGATE_JWT_ALGORITHMS',
  'TOLLGATE_JWT_TENANT_CLAIM',
  'TOLLGATE_JWT_ROLE_CLAIM',
  'TOLLGATE_JWT_SCOPES_CLAIM',
  'TOLLGATE_JWT_CLOCK_TOLERANCE_SECONDS',
  'TOLLGATE_JWT_ROLES',
] as const;

const REQUIRED = ['TOLLGATE_JWT_JWKS_URL', 'TOLLGATE_JWT_ISSUER', 'TOLLGATE_JWT_AUDIENCE'] as const;

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

function invalid(variable: string, message: string): ValidationError {
  return new ValidationError(`Invalid environment: ${variable}.`, [
    { path: [variable], code: 'invalid_value', message },
  ]);
}

/**
 * The {@link JwtVerifierOptions} of the environment, or `undefined` when none
 * of {@link JWT_ENV_VARIABLES} is set (JWTs are then refused). JWT bearer
 * tokens are turned on by `TOLLGATE_JWT_JWKS_URL`, `TOLLGATE_JWT_ISSUER` and
 * `TOLLGATE_JWT_AUDIENCE` together (issuer and audience may be comma-separated
 * lists); optional: `TOLLGATE_JWT_ALGORITHMS` (comma-separated),
 * `TOLLGATE_JWT_TENANT_CLAIM`, `TOLLGATE_JWT_ROLE_CLAIM`,
 * `TOLLGATE_JWT_SCOPES_CLAIM`, `TOLLGATE_JWT_CLOCK_TOLERANCE_SECONDS` and
 * `TOLLGATE_JWT_ROLES` (comma-separated; default every role but `admin`). Setting
 * some but not all three required variables, or a bad number, is a
 * `ValidationError` naming the variable (never its value).
 */
export function jwtOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): JwtVerifierOptions | undefined {
  const get = (name: (typeof JWT_ENV_VARIABLES)[number]): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  if (JWT_ENV_VARIABLES.every((name) => get(name) === undefined)) return undefined;
  const missing = REQUIRED.filter(
    (name) => get(name) === undefined || list(get(name) ?? '').length === 0,
  );
  if (missing.length > 0) {
    throw new ValidationError(
      `Invalid environment: ${missing.join(', ')} must be set to accept JWT bearer tokens.`,
      missing.map((name) => ({ path: [name], code: 'required', message: `${name} is required` })),
    );
  }
  const options: JwtVerifierOptions = {
    jwksUrl: get('TOLLGATE_JWT_JWKS_URL') as string,
    issuer: list(get('TOLLGATE_JWT_ISSUER') as string),
    audience: list(get('TOLLGATE_JWT_AUDIENCE') as string),
  };
  const algorithms = get('TOLLGATE_JWT_ALGORITHMS');
  if (algorithms !== undefined) options.algorithms = list(algorithms);
  const roles = get('TOLLGATE_JWT_ROLES');
  if (roles !== undefined) options.roles = list(roles) as JwtVerifierOptions['roles'] & string[];
  const tolerance = get('TOLLGATE_JWT_CLOCK_TOLERANCE_SECONDS');
  if (tolerance !== undefined) {
    const seconds = Number(tolerance);
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) {
      throw invalid(
        'TOLLGATE_JWT_CLOCK_TOLERANCE_SECONDS',
        'TOLLGATE_JWT_CLOCK_TOLERANCE_SECONDS is a whole number of seconds from 0 to 3600',
      );
    }
    options.clockToleranceSeconds = seconds;
  }
  const claims: NonNullable<JwtVerifierOptions['claims']> = {};
  const tenant = get('TOLLGATE_JWT_TENANT_CLAIM');
  const role = get('TOLLGATE_JWT_ROLE_CLAIM');
  const scopes = get('TOLLGATE_JWT_SCOPES_CLAIM');
  if (tenant !== undefined) claims.tenant = tenant;
  if (role !== undefined) claims.role = role;
  if (scopes !== undefined) claims.scopes = scopes;
  if (Object.keys(claims).length > 0) options.claims = claims;
  return options;
}
