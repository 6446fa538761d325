import type { Context, MiddlewareHandler } from 'hono';
import type { SessionUser } from '../accounts/sessions.ts';
import type { AppDeps } from '../deps.ts';
import { type AuthEnv, requireSession } from '../http/auth.ts';

/** What every admin operation acts within: the signed-in admin's own workdomain, and who acted. */
export interface AdminScope {
  workdomainId: string;
  actor: { kind: 'admin'; userId: string };
}

export const adminScope = (session: SessionUser): AdminScope => ({
  workdomainId: session.user.workdomainId,
  actor: { kind: 'admin', userId: session.user.id },
});

export type AdminEnv = AuthEnv & { Variables: { scope: AdminScope } };

/** Signs the admin in and puts their scope on the context: one middleware for every admin route. */
export function requireAdmin(deps: AppDeps): MiddlewareHandler<AdminEnv> {
  const session = requireSession(deps, { role: 'admin' });
  return async function requireAdminMiddleware(c, next) {
    // AdminEnv extends AuthEnv; the session middleware only reads and sets `session`.
    await session(c as unknown as Context<AuthEnv>, async () => {
      c.set('scope', adminScope(c.var.session));
      await next();
    });
  };
}
