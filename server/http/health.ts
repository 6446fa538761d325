import { Hono } from 'hono';
import { notReadyReason } from '../db/readiness.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { errorResponse } from './error-handler.ts';

/** /healthz: the process answers. /readyz: it can serve, i.e. the database answers and is migrated. */
export function healthRoutes(deps: AppDeps) {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const notReady = await notReadyReason(deps.db);
    if (!notReady) {
      c.header('Cache-Control', 'no-store');
      return c.json({ ok: true });
    }
    deps.logger.warn('not ready', { reason: notReady.reason, error: notReady.error });
    return errorResponse(c, new AppError('not_ready', { message: notReady.reason }));
  });
  return app;
}
