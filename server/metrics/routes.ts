import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { errorResponse } from '../http/error-handler.ts';

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** GET /metrics in Prometheus text format, only with METRICS_TOKEN as the bearer token. */
export function metricsRoutes(deps: AppDeps) {
  const app = new Hono();
  const token = deps.config.metricsToken;
  app.get('/metrics', async (c) => {
    if (!token) return c.notFound();
    const given = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!sameSecret(given, token)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return errorResponse(
        c,
        new AppError('unauthenticated', { message: 'Send METRICS_TOKEN as a Bearer token.' }),
      );
    }
    const { registry } = deps.metrics;
    c.header('Content-Type', registry.contentType);
    c.header('Cache-Control', 'no-store');
    return c.body(await registry.metrics());
  });
  return app;
}
