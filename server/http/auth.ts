import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  findSessionUser,
  SESSION_COOKIE,
  SESSION_LIFETIME_MS,
  type SessionUser,
} from '../accounts/sessions.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

export type AuthEnv = { Variables: { session: SessionUser } };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signs the request in from `Authorization: Bearer <sessionToken>` (mobile app, scripts) or the
 * session cookie (web app). A cookie-authenticated write must come from our own origin: that is
 * the CSRF defence, since SameSite=Lax alone still lets same-site subdomains post.
 */
export function requireSession(deps: AppDeps, options: { role?: 'admin' } = {}): MiddlewareHandler<AuthEnv> {
  const ownOrigin = new URL(deps.config.publicUrl).origin;
  return async function requireSessionMiddleware(c, next) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    if (!token) throw new AppError('unauthenticated');
    if (!bearer && !SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const fetchSite = c.req.header('sec-fetch-site');
      if (
        (origin && origin !== ownOrigin) ||
        (!origin && fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none')
      ) {
        throw new AppError('cross_origin_write');
      }
    }
    const session = await findSessionUser(deps.db, token);
    if (!session) throw new AppError('unauthenticated');
    if (options.role === 'admin' && session.user.role !== 'admin') throw new AppError('forbidden');
    c.set('session', session);
    await next();
  };
}

export function setSessionCookie(c: Context, deps: AppDeps, sessionToken: string) {
  setCookie(c, SESSION_COOKIE, sessionToken, {
    httpOnly: true,
    secure: deps.config.publicUrl.startsWith('https:'),
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The two ways to send a session, as OpenAPI security schemes; registered once on the root app. */
export function registerSessionSecuritySchemes(app: OpenAPIHono<any, any, any>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionBearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'sessionToken from /api/auth/login or /api/auth/exchange',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
}
