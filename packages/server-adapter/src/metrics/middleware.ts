import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthError } from '@tollgate/core';
import { type Context, type Env, Hono, type MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { TollgateMetrics } from './registry.js';

/** The `route` label of a request no route after the middleware handled (a 404). */
export const UNMATCHED_ROUTE = 'unmatched';

/** The `method` label of any method outside {@link HTTP_METHODS}. */
export const OTHER_METHOD = 'OTHER';

/** Methods exported as themselves; anything else is {@link OTHER_METHOD}, so the label stays bounded. */
export const HTTP_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/**
 * Hono middleware counting and timing every request it wraps
 * (`http_requests_total`, `http_request_duration_seconds`) by method, status
 * and route PATTERN: `routePath(c)` from `hono/route` after the handler ran,
 * e.g. `/integrations/fx/:integrationId/rates`, never the raw path. A request
 * a middleware answered (a 401 of `/integrations/*`) carries that
 * middleware's pattern; one nothing answered, {@link UNMATCHED_ROUTE}.
 *
 * Register it first (`app.use(httpMetrics(metrics))` before any route or
 * middleware): Hono runs handlers in registration order. The duration ends
 * when the handler returns its `Response`, not when a streamed body is sent.
 */
export function httpMetrics<E extends Env = Env>(metrics: TollgateMetrics): MiddlewareHandler<E> {
  return async (c, next) => {
    const started = performance.now();
    const ownRouteIndex = c.req.routeIndex;
    let threw = true;
    try {
      await next();
      threw = false;
    } finally {
      const answered = c.req.routeIndex !== ownRouteIndex;
      metrics.recordHttpRequest({
        method: HTTP_METHODS.has(c.req.method) ? c.req.method : OTHER_METHOD,
        route: (answered && routePath(c)) || UNMATCHED_ROUTE,
        // Hono's app-level error handler turns throws into responses; a throw here means none ran.
        status: threw ? 500 : c.res.status,
        durationSeconds: (performance.now() - started) / 1000,
      });
    }
  };
}

/**
 * A rate limiter's "request refused" hook that counts `rate_limit_hits_total`
 * under the route PATTERN the request matched (`routePath(c, -1)`, e.g.
 * `/integrations/fx/:integrationId/convert`), never the key: pass it as
 * `rateLimit({ …, onLimited: rateLimitHitRecorder(metrics) })`. A request no
 * handler matches counts under the last middleware pattern it matched (the
 * limiter's own `/integrations/*`), else {@link UNMATCHED_ROUTE}.
 */
export function rateLimitHitRecorder(metrics: TollgateMetrics): (c: Context) => void {
  return (c) => metrics.recordRateLimitHit(routePath(c, -1) || UNMATCHED_ROUTE);
}

/** Options of {@link metricsRoute}. */
export interface MetricsRouteOptions {
  /** Where the exposition is served; default `/metrics`. */
  path?: string;
  /**
   * When set, scrapes must send `Authorization: Bearer <token>` (Prometheus'
   * `authorization` / `bearer_token` settings); anything else is a 401 problem.
   * Compared in constant time. Default: no token (serve it where only the scraper reaches).
   */
  token?: string;
}

/**
 * A Hono app answering `GET /metrics` (or `options.path`) with the registry
 * in the Prometheus text format and its `Content-Type`. Mount it with
 * `app.route('/', metricsRoute(metrics))`. It has no authentication of its
 * own: serve it on an internal port, or put a guard in front.
 */
export function metricsRoute<E extends Env = Env>(
  metrics: TollgateMetrics,
  options: MetricsRouteOptions = {},
): Hono<E> {
  const expected =
    options.token === undefined ? undefined : createHash('sha256').update(options.token).digest();
  return new Hono<E>().get(options.path ?? '/metrics', async (c) => {
    if (expected !== undefined) {
      const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
      if (!timingSafeEqual(createHash('sha256').update(given).digest(), expected)) {
        throw new AuthError('The metrics token is required (Authorization: Bearer …).');
      }
    }
    const text = await metrics.metrics();
    return c.body(text, 200, { 'Content-Type': metrics.contentType });
  });
}
