import { createRoute, z } from '@hono/zod-openapi';
import {
  AuditQuery,
  AuditSchema,
  FunnelSchema,
  RegistrationSettingsChange,
  RegistrationSettingsSchema,
  UserChangedSchema,
  UserIdParams,
  UserListQuery,
  UserListSchema,
} from '../../contract/admin.ts';
import { listAudit } from '../audit/list.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter } from '../http/router.ts';
import { errorResponses, jsonBody, jsonContent, sessionSecurity } from '../http/schemas.ts';
import { closeRegistration, openRegistration } from '../registration/availability.ts';
import { registrationFunnel } from '../registration/funnel.ts';
import {
  regenerateRegistrationLink,
  showRegistration,
  updateRegistrationSettings,
} from '../registration/settings.ts';
import { registerWebhookRoutes } from '../webhooks/routes.ts';
import { registerLinkRoutes } from './link-routes.ts';
import { registerPrivacyRoutes } from './privacy-routes.ts';
import { registrationQrSvg } from './qr.ts';
import { type AdminEnv, requireAdmin } from './scope.ts';
import { deactivateWorkdomainUser, listUsers, reactivateWorkdomainUser } from './users.ts';

const tags = ['Administration'];
const security = sessionSecurity;
/** Every admin route can answer these: not signed in, not an admin, cookie write from another origin. */
const authErrors = errorResponses(401, 403);
const settingsResponse = jsonContent(RegistrationSettingsSchema, "The workdomain's registration settings");

const showRoute = createRoute({
  method: 'get',
  path: '/api/admin/registration',
  tags,
  security,
  summary: 'Public registration settings of your workdomain',
  responses: { 200: settingsResponse, ...authErrors },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/api/admin/registration',
  tags,
  security,
  summary: 'Change the person in charge and/or the welcome message',
  request: { body: jsonBody(RegistrationSettingsChange) },
  responses: {
    200: settingsResponse,
    ...authErrors,
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

const openRoute = createRoute({
  method: 'post',
  path: '/api/admin/registration/open',
  tags,
  security,
  summary: 'Open registration; the first open creates the link, later opens keep it',
  description: '409 plan_ineligible, pic_required, pic_unavailable or capacity_reached when it cannot open.',
  responses: { 200: settingsResponse, ...authErrors, ...errorResponses(409) },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/api/admin/registration/close',
  tags,
  security,
  summary: 'Close registration (closedReason "manual"); the link stays the same',
  responses: { 200: settingsResponse, ...authErrors },
});

const regenerateRoute = createRoute({
  method: 'post',
  path: '/api/admin/registration/regenerate-link',
  tags,
  security,
  summary: 'Replace the registration link; the old link stops working at once',
  responses: { 200: settingsResponse, ...authErrors },
});

const qrRoute = createRoute({
  method: 'get',
  path: '/api/admin/registration/qr.svg',
  tags,
  security,
  summary: 'The registration URL as an SVG QR code',
  responses: {
    200: {
      description: 'SVG image',
      content: { 'image/svg+xml': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...authErrors,
    ...errorResponses(404),
  },
});

const usersRoute = createRoute({
  method: 'get',
  path: '/api/admin/users',
  tags,
  security,
  summary: 'The users of your workdomain, newest first, 100 a page',
  description:
    'Keyset-paged: pass `next` as `?cursor=` for the following page. `?q=` filters by name or email.',
  request: { query: UserListQuery },
  responses: { 200: jsonContent(UserListSchema, 'The users'), ...authErrors },
});

const deactivateRoute = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/deactivate',
  tags,
  security,
  summary: 'Deactivate a user and end their sessions',
  description:
    'No request body. Answers {"user"} with the user after the change; deactivating an inactive user ' +
    'changes nothing. When the user is the person in charge, registration closes (pic_unavailable) in ' +
    'the same transaction and the admins are emailed. 409 conflict for your own account.',
  request: { params: UserIdParams },
  responses: {
    200: jsonContent(UserChangedSchema, 'The user, now inactive'),
    ...authErrors,
    ...errorResponses(400, 404, 409),
  },
});

const reactivateRoute = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/reactivate',
  tags,
  security,
  summary: 'Reactivate a user',
  description:
    'No request body. Answers {"user"} with the user after the change. An external user takes a seat ' +
    'again: 409 capacity_reached when none is free. Registration is not reopened by this.',
  request: { params: UserIdParams },
  responses: {
    200: jsonContent(UserChangedSchema, 'The user, now active'),
    ...authErrors,
    ...errorResponses(400, 404, 409),
  },
});

const funnelRoute = createRoute({
  method: 'get',
  path: '/api/admin/funnel',
  tags,
  security,
  summary: 'Registration funnel counts over the last 7 and 30 days',
  responses: { 200: jsonContent(FunnelSchema, 'Counts per step'), ...authErrors },
});

const auditRoute = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags,
  security,
  summary: 'Audit trail of your workdomain, newest first',
  request: { query: AuditQuery },
  responses: { 200: jsonContent(AuditSchema, 'Audit entries'), ...authErrors, ...errorResponses(400) },
});

/** The administration API; every route is scoped to the signed-in admin's own workdomain. */
export function adminRoutes(deps: AppDeps) {
  const app = createRouter<AdminEnv>();
  const { db } = deps;
  const { publicUrl } = deps.config;
  app.use('/api/admin/*', requireAdmin(deps));

  app.openapi(showRoute, async (c) =>
    c.json(await showRegistration(db, c.var.scope.workdomainId, publicUrl), 200),
  );
  app.openapi(updateRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    const change = c.req.valid('json');
    return c.json(await updateRegistrationSettings(db, workdomainId, change, actor, publicUrl), 200);
  });
  app.openapi(openRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    await openRegistration(db, workdomainId, actor);
    return c.json(await showRegistration(db, workdomainId, publicUrl), 200);
  });
  app.openapi(closeRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    await closeRegistration(db, workdomainId, actor);
    return c.json(await showRegistration(db, workdomainId, publicUrl), 200);
  });
  app.openapi(regenerateRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    return c.json(await regenerateRegistrationLink(db, workdomainId, actor, publicUrl), 200);
  });
  app.openapi(qrRoute, async (c) => {
    const svg = await registrationQrSvg(db, c.var.scope.workdomainId, publicUrl);
    return c.body(svg, 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      // Opened on its own, the image may not run or load anything.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cache-Control': 'private, no-store',
    });
  });
  app.openapi(usersRoute, async (c) =>
    c.json(await listUsers(db, c.var.scope.workdomainId, c.req.valid('query')), 200),
  );
  app.openapi(deactivateRoute, async (c) => {
    const user = await deactivateWorkdomainUser(deps, c.var.scope, c.req.valid('param').id);
    return c.json({ user }, 200);
  });
  app.openapi(reactivateRoute, async (c) => {
    const user = await reactivateWorkdomainUser(deps, c.var.scope, c.req.valid('param').id);
    return c.json({ user }, 200);
  });
  app.openapi(funnelRoute, async (c) => c.json(await registrationFunnel(db, c.var.scope.workdomainId), 200));
  app.openapi(auditRoute, async (c) => {
    const entries = await listAudit(db, c.var.scope.workdomainId, c.req.valid('query').limit);
    return c.json({ entries }, 200);
  });
  registerLinkRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  return app;
}
