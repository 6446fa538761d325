import type { SessionUser } from '../accounts/sessions.ts';

/** What every admin operation acts within: the signed-in admin's own workdomain, and who acted. */
export interface AdminScope {
  workdomainId: string;
  actor: { kind: 'admin'; userId: string };
}

export const adminScope = (session: SessionUser): AdminScope => ({
  workdomainId: session.user.workdomainId,
  actor: { kind: 'admin', userId: session.user.id },
});
