import { AuthError } from '@tollgate/core';
import type { MiddlewareHandler } from 'hono';
import type { ApiKeyScope, ApiKeyStore } from '../auth/api-keys.js';
import { ServerProblem } from '../errors/problem.js';
import type { AppEnv } from '../types.js';

/**
 * Require `Authorization: Bearer tg_<prefix>_<secret>` and set `principal`;
 * a missing, malformed, unknown or revoked key is a 401 `auth_failed` problem.
 */
export function requireApiKey(keys: ApiKeyStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match?.[1] === undefined ? undefined : await keys.verify(match[1]);
    if (principal === undefined) {
      throw new AuthError(
        match === null
          ? 'An API key is required (Authorization: Bearer tg_…).'
          : 'Unknown or revoked API key.',
      );
    }
    c.set('principal', principal);
    await next();
  };
}

/** After {@link requireApiKey}: a key without `scope` gets a 403 `forbidden` problem. */
export function requireScope(scope: ApiKeyScope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('principal').scopes.includes(scope)) {
      throw new ServerProblem('forbidden', `This API key lacks the "${scope}" scope.`, {
        required_scope: scope,
      });
    }
    await next();
  };
}
