import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { accountRoutes } from './accounts/routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { chatRoutes } from './chat/routes.ts';
import type { AppDeps } from './deps.ts';
import { AppError } from './errors.ts';
import { registerSessionSecuritySchemes } from './http/auth.ts';
import { createErrorHandler, errorResponse } from './http/error-handler.ts';
import { healthRoutes } from './http/health.ts';
import { requestLog } from './http/request-log.ts';
import { createRouter } from './http/router.ts';
import { apiSecurityHeaders } from './http/security-headers.ts';
import { textGuard } from './http/text-guard.ts';
import { wellKnownRoutes } from './http/well-known.ts';
import { devMailboxRoutes } from './mail/dev-mailbox-routes.ts';
import { metricsRoutes } from './metrics/routes.ts';
import { type BuiltAssets, pageRoutes } from './pages/routes.ts';
import { registrationRoutes } from './registration/routes.ts';

export const MAX_BODY_BYTES = 16 * 1024;

/** The whole HTTP surface. Tests call `createApp(deps).request(...)`; main.ts serves it. */
export function createApp(deps: AppDeps, assets: BuiltAssets) {
  const app = createRouter();
  const https = deps.config.publicUrl.startsWith('https:');

  app.onError(createErrorHandler(deps.logger));
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? errorResponse(c, new AppError('not_found')) : c.text('Not found', 404),
  );
  app.use('*', requestId());
  app.use('*', requestLog(deps.logger, deps.metrics));
  app.use('/api/*', apiSecurityHeaders(https));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, new AppError('payload_too_large')),
    }),
  );
  app.use('*', textGuard());

  registerSessionSecuritySchemes(app);
  app.route('/', healthRoutes(deps));
  app.route('/', metricsRoutes(deps));
  app.route('/', registrationRoutes(deps));
  app.route('/', wellKnownRoutes(deps));
  if (deps.devMailbox) app.route('/', devMailboxRoutes(deps.devMailbox));
  app.route('/', adminRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', chatRoutes(deps));
  app.route('/', pageRoutes(deps, assets));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'ChatPoint public registration API',
      version: '1.0.0',
      description:
        'Errors are always {"error":{"code","message"}}. Bodies over 16 KiB get 413; unknown fields 400; ' +
        'a NUL or an unpaired surrogate in any path segment, query value or JSON string gets 400 invalid_request.',
    },
    servers: [{ url: deps.config.publicUrl }],
  });
  return app;
}
