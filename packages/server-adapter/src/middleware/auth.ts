import { AuthError } from '@tollgate/core';
import type { MiddlewareHandler } from 'hono';
import type { ApiKeyStore } from '../auth/api-keys.js';
import type { AppEnv } from '../types.js';

/**
 * Require `Authorization: Bearer tg_<prefix>_<secret>` and set `principal`;
 * a missing, malformed or unknown key is a 401 `auth_failed` problem.
 */
export function requireApiKey(keys: ApiKeyStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match?.[1] === undefined ? undefined : keys.verify(match[1]);
    if (principal === undefined) {
      throw new AuthError(
        match === null
          ? 'An API key is required (Authorization: Bearer tg_…).'
          : 'Unknown API key.',
      );
    }
    c.set('principal', principal);
    await next();
  };
}
