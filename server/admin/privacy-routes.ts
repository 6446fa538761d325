import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { UserIdParams } from '../../contract/admin.ts';
import { UserExportSchema } from '../../contract/privacy.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses, jsonContent, sessionSecurity } from '../http/schemas.ts';
import { eraseUser } from '../privacy/erase.ts';
import { exportUser } from '../privacy/export.ts';
import type { AdminEnv } from './scope.ts';

const tags = ['Administration'];
const security = sessionSecurity;
const authErrors = errorResponses(401, 403);

const exportRoute = createRoute({
  method: 'get',
  path: '/api/admin/users/{id}/export',
  tags,
  security,
  summary: 'Everything stored about one person: account, answers, consents, registrations, messages',
  description:
    'Served as a download (Content-Disposition: attachment). 404 for a user of another workdomain.',
  request: { params: UserIdParams },
  responses: {
    200: jsonContent(UserExportSchema, 'The person’s data'),
    ...authErrors,
    ...errorResponses(400, 404),
  },
});

const eraseRoute = createRoute({
  method: 'delete',
  path: '/api/admin/users/{id}',
  tags,
  security,
  summary: 'Erase an external user: account, conversations, consents, registrations and mail for the address',
  description:
    'One transaction. The seat is free again and the address may register again as a new person. The audit log keeps "user_erased" with the id only; webhook user.deleted. Internal users and the current person in charge → 409 conflict; a user of another workdomain → 404.',
  request: { params: UserIdParams },
  responses: { 204: { description: 'Erased' }, ...authErrors, ...errorResponses(400, 404, 409) },
});

/** Export and erasure of one person, on the admin router (which signs the admin in). */
export function registerPrivacyRoutes(app: OpenAPIHono<AdminEnv>, deps: AppDeps) {
  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const data = await exportUser(deps.db, c.var.scope.workdomainId, id);
    c.header('Content-Disposition', `attachment; filename="user-${id}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(data, 200);
  });
  app.openapi(eraseRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    await eraseUser(deps.db, workdomainId, c.req.valid('param').id, actor);
    return c.body(null, 204);
  });
}
