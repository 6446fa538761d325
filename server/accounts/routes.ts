import { createRoute, z } from '@hono/zod-openapi';
import { AccountUser, LoginResult, Person, SignedIn } from '../../contract/accounts.ts';
import type { AppDeps } from '../deps.ts';
import { clearSessionCookie, requireSession, setSessionCookie } from '../http/auth.ts';
import { createRouter } from '../http/router.ts';
import { errorResponses, jsonBody, jsonContent, sessionSecurity } from '../http/schemas.ts';
import { accountView, listContacts } from './account-view.ts';
import { passwordLogin } from './login.ts';
import { exchangeLoginToken } from './login-tokens.ts';
import { changePassword } from './password-change.ts';
import { confirmPasswordReset, createPasswordResetRequests, resetReturnPaths } from './password-reset.ts';
import { revokeSession } from './sessions.ts';

const tags = ['Accounts'];
// Long enough for anything real; the password policy, not the schema, answers for lengths it refuses.
const Password = z.string().max(4096);
const Slug = z.string().max(100).openapi({ description: 'The workdomain slug', example: 'acme' });
const Email = z.string().max(1000).openapi({ example: 'ann@example.com' });

const exchangeRoute = createRoute({
  method: 'post',
  path: '/api/auth/exchange',
  tags,
  summary: 'Trade a login token from registration for a session (works once, for 5 minutes)',
  request: {
    body: jsonBody(z.strictObject({ token: z.string().max(4096) }).openapi('LoginTokenExchange')),
  },
  responses: {
    200: jsonContent(SignedIn, 'Signed in; the session cookie is set too'),
    ...errorResponses(400, 401, 413, 415),
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  summary: 'Sign in with workdomain, email and password (the verification code is the initial password)',
  description: 'At most 10 failures per account per 15 minutes; after that 429 even for the right password.',
  request: {
    body: jsonBody(
      z.strictObject({ workdomain: Slug, email: Email, password: Password }).openapi('PasswordLogin'),
    ),
  },
  responses: {
    200: jsonContent(LoginResult, 'Signed in; the session cookie is set too'),
    ...errorResponses(400, 401, 413, 415, 429, 503),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags,
  summary: 'End this session',
  security: sessionSecurity,
  responses: { 204: { description: 'Signed out; the cookie is cleared' }, ...errorResponses(401, 403) },
});

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/api/auth/change-password',
  tags,
  summary: 'Set a new password; ends the other sessions and emails a notice',
  security: sessionSecurity,
  request: {
    body: jsonBody(
      z.strictObject({ currentPassword: Password, newPassword: Password }).openapi('PasswordChange'),
    ),
  },
  responses: {
    204: { description: 'Changed' },
    ...errorResponses(400, 401, 403, 409, 413, 415, 422, 429, 503),
  },
});

const resetRequestRoute = createRoute({
  method: 'post',
  path: '/api/auth/password-reset',
  tags,
  summary: 'Email a password-reset link (202 whether or not the account exists)',
  request: {
    body: jsonBody(
      z
        .strictObject({
          workdomain: Slug,
          email: Email,
          next: z.enum(resetReturnPaths).optional().openapi({
            description: 'The page the reset page leads back to once the password is set (default /app)',
          }),
        })
        .openapi('PasswordResetRequest'),
    ),
  },
  responses: { 202: { description: 'Accepted' }, ...errorResponses(400, 413, 415) },
});

const resetConfirmRoute = createRoute({
  method: 'post',
  path: '/api/auth/password-reset/confirm',
  tags,
  summary: 'Set a new password with the token from the reset link; ends every session',
  request: {
    body: jsonBody(
      z
        .strictObject({
          token: z.string().max(256).openapi({ description: 'From the link: /reset-password#token=…' }),
          password: Password,
        })
        .openapi('PasswordResetConfirm'),
    ),
  },
  responses: {
    204: { description: 'Password set' },
    ...errorResponses(400, 413, 415, 422, 503),
  },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags,
  summary: 'The signed-in user and their contacts',
  security: sessionSecurity,
  responses: {
    200: jsonContent(z.object({ user: AccountUser, contacts: z.array(Person) }).openapi('Me'), 'You'),
    ...errorResponses(401),
  },
});

export function accountRoutes(deps: AppDeps) {
  const app = createRouter();
  const signedIn = requireSession(deps);
  const requestPasswordReset = createPasswordResetRequests(deps);

  app.openapi(exchangeRoute, async (c) => {
    const signed = await exchangeLoginToken(deps, c.req.valid('json').token);
    setSessionCookie(c, deps, signed.sessionToken);
    return c.json(signed, 200);
  });
  app.openapi(loginRoute, async (c) => {
    const signed = await passwordLogin(deps, c.req.valid('json'));
    setSessionCookie(c, deps, signed.sessionToken);
    return c.json(signed, 200);
  });
  app.openapi({ ...logoutRoute, middleware: signedIn }, async (c) => {
    await revokeSession(deps.db, c.get('session').sessionId);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi({ ...changePasswordRoute, middleware: signedIn }, async (c) => {
    await changePassword(deps, c.get('session'), c.req.valid('json'));
    return c.body(null, 204);
  });
  app.openapi(resetRequestRoute, async (c) => {
    await requestPasswordReset(c.req.valid('json'));
    return c.body(null, 202);
  });
  app.openapi(resetConfirmRoute, async (c) => {
    await confirmPasswordReset(deps, c.req.valid('json'));
    return c.body(null, 204);
  });
  app.openapi({ ...meRoute, middleware: signedIn }, async (c) => {
    const { user } = c.get('session');
    return c.json({ user: accountView(user), contacts: await listContacts(deps.db, user.id) }, 200);
  });

  return app;
}
