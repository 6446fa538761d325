import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  LinkCreate,
  LinkIdParams,
  RegistrationLinkListSchema,
  RegistrationLinkSchema,
} from '../../contract/links.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses, jsonBody, jsonContent, sessionSecurity } from '../http/schemas.ts';
import { createLink, deleteLink, linkQrSvg, listLinks } from '../registration/links.ts';
import type { AdminEnv } from './scope.ts';

const tags = ['Administration'];
const security = sessionSecurity;
const authErrors = errorResponses(401, 403);

const listRoute = createRoute({
  method: 'get',
  path: '/api/admin/registration/links',
  tags,
  security,
  summary: 'Registration links, the default one first, with how many users came through each',
  responses: { 200: jsonContent(RegistrationLinkListSchema, 'The links'), ...authErrors },
});

const createLinkRoute = createRoute({
  method: 'post',
  path: '/api/admin/registration/links',
  tags,
  security,
  summary: 'Add a link: another entrance to the same registration, for one site or campaign',
  description: '409 conflict before the first open (there is no default link yet) or at the link limit.',
  request: { body: jsonBody(LinkCreate) },
  responses: {
    201: jsonContent(RegistrationLinkSchema, 'The new link'),
    ...authErrors,
    ...errorResponses(400, 409, 413, 415),
  },
});

const deleteLinkRoute = createRoute({
  method: 'delete',
  path: '/api/admin/registration/links/{linkId}',
  tags,
  security,
  summary: 'Delete a link; it answers 404 link_not_found from then on',
  description: 'The default link cannot be deleted (409 conflict); regenerate it instead.',
  request: { params: LinkIdParams },
  responses: { 204: { description: 'Deleted' }, ...authErrors, ...errorResponses(404, 409) },
});

const qrRoute = createRoute({
  method: 'get',
  path: '/api/admin/registration/links/{linkId}/qr.svg',
  tags,
  security,
  summary: "A link's URL as an SVG QR code",
  request: { params: LinkIdParams },
  responses: {
    200: {
      description: 'SVG image',
      content: { 'image/svg+xml': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...authErrors,
    ...errorResponses(404),
  },
});

/** The registration-link routes, on the admin router (which signs the admin in). */
export function registerLinkRoutes(app: OpenAPIHono<AdminEnv>, deps: AppDeps) {
  const { db } = deps;
  const { publicUrl } = deps.config;
  app.openapi(listRoute, async (c) =>
    c.json({ links: await listLinks(db, c.var.scope.workdomainId, publicUrl) }, 200),
  );
  app.openapi(createLinkRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    return c.json(await createLink(db, workdomainId, c.req.valid('json').label, actor, publicUrl), 201);
  });
  app.openapi(deleteLinkRoute, async (c) => {
    const { workdomainId, actor } = c.var.scope;
    await deleteLink(db, workdomainId, c.req.valid('param').linkId, actor);
    return c.body(null, 204);
  });
  app.openapi(qrRoute, async (c) => {
    const svg = await linkQrSvg(db, c.var.scope.workdomainId, c.req.valid('param').linkId, publicUrl);
    return c.body(svg, 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cache-Control': 'private, no-store',
    });
  });
}
