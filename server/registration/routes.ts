import { createRoute } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import {
  LinkInfo,
  LinkParams,
  ResendBody,
  Resent,
  StartBody,
  Started,
  Verified,
  VerifyBody,
} from '../../contract/registration.ts';
import type { AppDeps } from '../deps.ts';
import { clientIp } from '../http/client-ip.ts';
import { createRouter } from '../http/router.ts';
import { errorResponses, jsonBody, jsonContent } from '../http/schemas.ts';
import { getLinkInfo, resendCode, startRegistration } from './start.ts';
import { verifyRegistration } from './verify.ts';

const tags = ['Public registration'];

const linkInfoRoute = createRoute({
  method: 'get',
  path: '/api/registrations/{linkId}',
  tags,
  summary: 'What a registration link leads to, and whether it is open',
  request: { params: LinkParams },
  responses: { 200: jsonContent(LinkInfo, 'The link'), ...errorResponses(404) },
});

const startRoute = createRoute({
  method: 'post',
  path: '/api/registrations/{linkId}/start',
  tags,
  summary:
    'Send a 6-digit code: a registration code, a sign-in code to an active account holder, or a notice to an inactive one',
  request: { params: LinkParams, body: jsonBody(StartBody) },
  responses: {
    202: jsonContent(Started, 'Code (or notice) queued'),
    ...errorResponses(400, 404, 409, 413, 415, 422, 429),
  },
});

const resendRoute = createRoute({
  method: 'post',
  path: '/api/registrations/{linkId}/resend',
  tags,
  summary: 'Send a new code; the old one stops working and the try count is kept',
  request: { params: LinkParams, body: jsonBody(ResendBody) },
  responses: {
    202: jsonContent(Resent, 'New code queued'),
    ...errorResponses(400, 404, 409, 413, 415, 429),
  },
});

const verifyRoute = createRoute({
  method: 'post',
  path: '/api/registrations/{linkId}/verify',
  tags,
  summary:
    'Check the code: create the account, the PIC contact and the welcome message (201), or sign a returning member in (200)',
  request: { params: LinkParams, body: jsonBody(VerifyBody) },
  responses: {
    200: jsonContent(Verified, 'Signed in: a returning member, nothing created'),
    201: jsonContent(Verified, 'Registered'),
    ...errorResponses(400, 404, 409, 410, 413, 415, 422, 429, 503),
  },
});

export function registrationRoutes(deps: AppDeps) {
  const app = createRouter();
  // Customer pages on any origin call these; no cookies are involved.
  app.use(
    '/api/registrations/*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  app.openapi(linkInfoRoute, async (c) => c.json(await getLinkInfo(deps, c.req.valid('param').linkId), 200));
  app.openapi(startRoute, async (c) => {
    const { linkId } = c.req.valid('param');
    const result = await startRegistration(
      deps,
      linkId,
      c.req.valid('json'),
      clientIp(c, deps.config.trustProxy),
    );
    return c.json(result, 202);
  });
  app.openapi(resendRoute, async (c) => {
    const result = await resendCode(deps, c.req.valid('param').linkId, c.req.valid('json').registrationId);
    return c.json(result, 202);
  });
  app.openapi(verifyRoute, async (c) => {
    const { status, body } = await verifyRegistration(deps, c.req.valid('param').linkId, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return status === 200 ? c.json(body, 200) : c.json(body, 201);
  });
  return app;
}
