import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  WebhookCreate,
  WebhookCreatedSchema,
  WebhookIdParams,
  WebhookListSchema,
  WebhookTestQueuedSchema,
} from '../../contract/webhooks.ts';
import type { AdminEnv } from '../admin/scope.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses, jsonBody, jsonContent, sessionSecurity } from '../http/schemas.ts';
import { createWebhook, deleteWebhook, listWebhooks, queueTestEvent } from './service.ts';

const tags = ['Administration'];
const security = sessionSecurity;
const authErrors = errorResponses(401, 403);

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/webhooks',
  tags,
  security,
  summary: "Your workdomain's webhooks with their latest deliveries (secrets are never listed)",
  responses: { 200: jsonContent(WebhookListSchema, 'The webhooks'), ...authErrors },
});

const createWebhookRoute = createRoute({
  method: 'post',
  path: '/api/admin/webhooks',
  tags,
  security,
  summary: 'Add a webhook; the answer holds its signing secret, shown only here',
  description:
    'Events: user.registered, registration.opened, registration.closed (all when `events` is absent). ' +
    'Each call is a POST of {"type","timestamp","data"} signed per Standard Webhooks. The URL must use ' +
    'https and resolve only to public addresses: 422 invalid_webhook_url otherwise.',
  request: { body: jsonBody(WebhookCreate) },
  responses: {
    201: jsonContent(WebhookCreatedSchema, 'The new webhook with its secret'),
    ...authErrors,
    ...errorResponses(400, 409, 413, 415, 422),
  },
});

const deleteWebhookRoute = createRoute({
  method: 'delete',
  path: '/api/admin/webhooks/{id}',
  tags,
  security,
  summary: 'Delete a webhook; deliveries not yet made are dropped',
  request: { params: WebhookIdParams },
  responses: { 204: { description: 'Deleted' }, ...authErrors, ...errorResponses(400, 404) },
});

const testRoute = createRoute({
  method: 'post',
  path: '/api/admin/webhooks/{id}/test',
  tags,
  security,
  summary: 'Send a webhook.test event to this webhook',
  description: 'No request body. The delivery appears in the list with its outcome.',
  request: { params: WebhookIdParams },
  responses: {
    202: jsonContent(WebhookTestQueuedSchema, 'Queued'),
    ...authErrors,
    ...errorResponses(400, 404),
  },
});

/** The webhook administration routes, on the admin router (which signs the admin in). */
export function registerWebhookRoutes(app: OpenAPIHono<AdminEnv>, deps: AppDeps) {
  const { db } = deps;
  const rules = { allowPrivate: deps.config.webhookAllowPrivate };
  app.openapi(listRoute, async (c) =>
    c.json({ webhooks: await listWebhooks(db, c.var.scope.workdomainId) }, 200),
  );
  app.openapi(createWebhookRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    return c.json(await createWebhook(db, workdomainId, c.req.valid('json'), actor, rules), 201);
  });
  app.openapi(deleteWebhookRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    await deleteWebhook(db, workdomainId, c.req.valid('param').id, actor);
    return c.body(null, 204);
  });
  app.openapi(testRoute, async (c) => {
    const queued = await queueTestEvent(db, c.var.scope.workdomainId, c.req.valid('param').id);
    return c.json(queued, 202);
  });
}
