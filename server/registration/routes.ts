import { createRoute } from '@hono/zod-openapi';
import {
  AltchaChallenge,
  LinkInfo,
  LinkInfoQuery,
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
import { challengeKey, newChallenge } from './challenge.ts';
import { findLink } from './link.ts';
import { getLinkInfo } from './link-info.ts';
import { registrationCors } from './origins.ts';
import { resendCode, startRegistration } from './start.ts';
import { verifyRegistration } from './verify.ts';

const tags = ['Public registration'];

const linkInfoRoute = createRoute({
  method: 'get',
  path: '/api/registrations/{linkId}',
  tags,
  summary: 'What a registration link leads to, and whether it is open',
  description: 'With ?view=1 the call counts as a link view in the funnel.',
  request: { params: LinkParams, query: LinkInfoQuery },
  responses: { 200: jsonContent(LinkInfo, 'The link'), ...errorResponses(400, 403, 404) },
});

const challengeRoute = createRoute({
  method: 'get',
  path: '/api/registrations/{linkId}/challenge',
  tags,
  summary: 'An ALTCHA v1 proof-of-work challenge to solve before start (when the link asks for one)',
  description:
    'Expires after 10 minutes (the `expires` parameter in the salt) and can be used for one start only.',
  request: { params: LinkParams },
  responses: { 200: jsonContent(AltchaChallenge, 'The challenge'), ...errorResponses(403, 404) },
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
    ...errorResponses(400, 403, 404, 409, 413, 415, 422, 429),
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
  // Customer pages call these (any origin, or the workdomain's allowed ones); no cookies are involved.
  app.use('/api/registrations/*', registrationCors(deps.db, deps.config.publicUrl));
  const hmacKey = challengeKey(deps.keys.codeKey);
  app.openapi(linkInfoRoute, async (c) => {
    const counted = c.req.valid('query').view === '1';
    return c.json(await getLinkInfo(deps, c.req.valid('param').linkId, counted), 200);
  });
  app.openapi(challengeRoute, async (c) => {
    await findLink(deps.db, c.req.valid('param').linkId);
    c.header('Cache-Control', 'no-store');
    return c.json(await newChallenge(hmacKey), 200);
  });
  app.openapi(startRoute, async (c) => {
    const { linkId } = c.req.valid('param');
    const result = await startRegistration(
      deps,
      linkId,
      c.req.valid('json'),
      clientIp(c, deps.config.trustProxy),
      c.req.header('Origin') ?? null,
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
