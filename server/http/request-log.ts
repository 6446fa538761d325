import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics/metrics.ts';

/**
 * The route pattern that answered (`/api/registrations/:linkId/start`), never the raw path:
 * ids stay out of metric labels and logs. A request that only middleware saw is "unmatched".
 */
export function routePattern(c: Context): string {
  const route = routePath(c);
  return !route || (route.endsWith('*') && c.res.status === 404) ? 'unmatched' : route;
}

/** One JSON line per request (id, method, route, status, duration) and the request metrics. */
export function requestLog(logger: Logger, metrics: Metrics): MiddlewareHandler {
  return async function requestLog(c, next) {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routePattern(c);
    metrics.request(c.req.method, route, c.res.status, seconds);
    logger.info('request', {
      requestId: c.get('requestId' as never),
      method: c.req.method,
      route,
      status: c.res.status,
      durationMs: Math.round(seconds * 10_000) / 10,
    });
  };
}
