import { createRoute, z } from '@hono/zod-openapi';
import { AccountUser, LanguageChoice, LoginResult, Person, SignedIn } from '../../contract/accounts.ts';
import { ConsentBody, ConsentNeededSchema, EraseMeBody } from '../../contract/privacy.ts';
import type { AppDeps } from '../deps.ts';
import { clearSessionCookie, requireSession, setSessionCookie } from '../http/auth.ts';
import { clientIp } from '../http/client-ip.ts';
import { createRouter } from '../http/router.ts';
import { errorResponses, jsonBody, jsonContent, sessionSecurity } from '../http/schemas.ts';
import { eraseSelf } from '../privacy/erase-self.ts';
import { consentNeededFor, giveConsent } from '../privacy/member-consent.ts';
import { accountView, listContacts } from './account-view.ts';
import { startEmailSignIn, verifyEmailSignIn } from './email-sign-in.ts';
import { setUserLanguage } from './language.ts';
import { passwordLogin } from './login.ts';
import { exchangeLoginToken } from './login-tokens.ts';
import { changePassword, mayChooseFirstPassword } from './password-change.ts';
import {
  checkResetLink,
  confirmPasswordReset,
  createPasswordResetRequests,
  resetReturnPaths,
} from './password-reset.ts';
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

const WorkdomainChoice = z
  .object({
    choose: z.array(z.object({ slug: z.string(), name: z.string() })).openapi({
      description: 'Workdomains to pick from, by name; send the chosen slug as "workdomain" again',
    }),
  })
  .openapi('WorkdomainChoice');

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  summary: 'Sign in with email and password (the verification code is the initial password)',
  description:
    'At most 10 failures per account per 15 minutes; after that 429 even for the right password. Without "workdomain", the password is tried on the address\'s accounts: one that it opens signs in; several answer a choice of those workdomains.',
  request: {
    body: jsonBody(
      z
        .strictObject({ workdomain: Slug.optional(), email: Email, password: Password })
        .openapi('PasswordLogin'),
    ),
  },
  responses: {
    200: jsonContent(
      z.union([LoginResult, WorkdomainChoice]),
      'Signed in (the session cookie is set too), or a choice of workdomain',
    ),
    ...errorResponses(400, 401, 413, 415, 429, 503),
  },
});

const signInStartRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-in/start',
  tags,
  summary: 'Email a 6-digit sign-in code to an address (202 whether or not it has an account)',
  description:
    'The code works for 10 minutes, once, with at most 5 wrong tries. The mail names every workdomain the address can sign in to. Sends count against the per-address caps of verification codes.',
  request: {
    body: jsonBody(z.strictObject({ email: Email }).openapi('EmailSignInStart')),
  },
  responses: {
    202: jsonContent(z.object({ attemptId: z.string() }).openapi('EmailSignInStarted'), 'Accepted'),
    ...errorResponses(400, 413, 415, 422, 429),
  },
});

const signInVerifyRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-in/verify',
  tags,
  summary: 'Sign in with the emailed code',
  description:
    'When the address has accounts in several workdomains and "workdomain" is left out, a right code answers the choice (by name) and stays usable; send it again with the chosen slug.',
  request: {
    body: jsonBody(
      z
        .strictObject({
          attemptId: z.string().max(64),
          code: z.string().max(64),
          workdomain: Slug.optional(),
        })
        .openapi('EmailSignInVerify'),
    ),
  },
  responses: {
    200: jsonContent(
      z.union([LoginResult, WorkdomainChoice]),
      'Signed in (the session cookie is set too), or a choice of workdomain',
    ),
    ...errorResponses(400, 404, 410, 413, 415, 422, 429),
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
  description:
    'currentPassword may be left out only by a session that began less than 15 minutes ago from a login token or an emailed sign-in code, while the account still signs in with the emailed code (mustChangePassword).',
  security: sessionSecurity,
  request: {
    body: jsonBody(
      z
        .strictObject({ currentPassword: Password.optional(), newPassword: Password })
        .openapi('PasswordChange'),
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
  description:
    'Without "workdomain", each workdomain where the address has an active account gets its own link, in its own mail naming the workdomain.',
  request: {
    body: jsonBody(
      z
        .strictObject({
          workdomain: Slug.optional(),
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

const resetCheckRoute = createRoute({
  method: 'post',
  path: '/api/auth/password-reset/check',
  tags,
  summary: 'Whether a reset link still works (does not use it up)',
  description:
    'For the reset page as it opens. 400 invalid_token carries details.reason: used, expired, replaced (a newer link was sent) or unknown.',
  request: {
    body: jsonBody(z.strictObject({ token: z.string().max(256) }).openapi('PasswordResetCheck')),
  },
  responses: { 204: { description: 'The link works' }, ...errorResponses(400, 413, 415) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/me',
  tags,
  summary: 'The signed-in user and their contacts',
  security: sessionSecurity,
  responses: {
    200: jsonContent(
      z
        .object({
          user: AccountUser,
          contacts: z.array(Person),
          choosePasswordWithoutCode: z.boolean().openapi({
            description:
              'True while this session may set the first password without currentPassword (POST /api/auth/change-password)',
          }),
          consentNeeded: ConsentNeededSchema,
        })
        .openapi('Me'),
      'You',
    ),
    ...errorResponses(401),
  },
});

const consentRoute = createRoute({
  method: 'post',
  path: '/api/me/consent',
  tags,
  summary: 'Agree to the current version of the terms and privacy policy (consentNeeded in GET /api/me)',
  description: 'Appended to the consent ledger. A version other than the current one → 422 invalid_request.',
  security: sessionSecurity,
  request: { body: jsonBody(ConsentBody) },
  responses: { 204: { description: 'Recorded' }, ...errorResponses(400, 401, 413, 415, 422) },
});

const eraseMeRoute = createRoute({
  method: 'delete',
  path: '/api/me',
  tags,
  summary: 'Delete my account: an external user erases themself (confirm with the account’s email)',
  description:
    'Erased as DELETE /api/admin/users/{id} erases. A wrong confirm → 422 invalid_request; an internal user → 403 forbidden.',
  security: sessionSecurity,
  request: { body: jsonBody(EraseMeBody) },
  responses: { 204: { description: 'Erased' }, ...errorResponses(400, 401, 403, 413, 415, 422) },
});

const languageRoute = createRoute({
  method: 'put',
  path: '/api/me/lang',
  tags,
  summary: 'Choose the language of your mail and pages',
  security: sessionSecurity,
  request: { body: jsonBody(LanguageChoice) },
  responses: {
    200: jsonContent(z.object({ lang: AccountUser.shape.lang }).openapi('LanguageChosen'), 'Chosen'),
    ...errorResponses(400, 401, 413, 415),
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
    const answer = await passwordLogin(deps, c.req.valid('json'));
    if ('sessionToken' in answer) setSessionCookie(c, deps, answer.sessionToken);
    return c.json(answer, 200);
  });
  app.openapi(signInStartRoute, async (c) => {
    const started = await startEmailSignIn(deps, c.req.valid('json'), clientIp(c, deps.config.trustProxy));
    return c.json(started, 202);
  });
  app.openapi(signInVerifyRoute, async (c) => {
    const answer = await verifyEmailSignIn(deps, c.req.valid('json'));
    if ('sessionToken' in answer) setSessionCookie(c, deps, answer.sessionToken);
    return c.json(answer, 200);
  });
  app.openapi(resetCheckRoute, async (c) => {
    await checkResetLink(deps, c.req.valid('json').token);
    return c.body(null, 204);
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
    const session = c.get('session');
    const { user } = session;
    return c.json(
      {
        user: accountView(user),
        contacts: await listContacts(deps.db, user.id),
        choosePasswordWithoutCode: mayChooseFirstPassword(session),
        consentNeeded: await consentNeededFor(deps.db, user),
      },
      200,
    );
  });
  app.openapi({ ...consentRoute, middleware: signedIn }, async (c) => {
    const origin = c.req.header('Origin') ?? null;
    await giveConsent(deps.db, c.get('session').user, c.req.valid('json').version, origin);
    return c.body(null, 204);
  });
  app.openapi({ ...eraseMeRoute, middleware: signedIn }, async (c) => {
    await eraseSelf(deps.db, c.get('session').user, c.req.valid('json').confirm);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi({ ...languageRoute, middleware: signedIn }, async (c) => {
    const lang = await setUserLanguage(deps.db, c.get('session').user.id, c.req.valid('json').lang);
    return c.json({ lang }, 200);
  });

  return app;
}
