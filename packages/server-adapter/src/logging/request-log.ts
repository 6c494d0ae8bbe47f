import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../types.js';
import type { TollgateLogger } from './logger.js';

/**
 * Log one line per request (`request.completed`: request id, method, path,
 * status, duration, and the tenant and key prefix once authenticated) and
 * put a child logger carrying the request id on the context as `log`.
 * Headers and bodies are never logged. Runs after Hono's `requestId()`.
 */
export function requestLog(logger: TollgateLogger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const log = logger.child({ request_id: c.get('requestId') });
    c.set('log', log);
    await next();
    const principal = c.get('principal');
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      duration_ms: Math.round((performance.now() - started) * 1000) / 1000,
      ...(principal === undefined
        ? {}
        : { tenant_id: principal.tenantId, key_prefix: principal.prefix }),
    };
    if (status >= 500) log.error(line, 'request.completed');
    else log.info(line, 'request.completed');
  };
}
