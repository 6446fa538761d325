import { and, asc, eq } from 'drizzle-orm';
import type { Language } from '../../contract/languages.ts';
import type { Queryable } from '../db/client.ts';
import { contacts, users } from '../db/schema/index.ts';
import type { SessionUser } from './sessions.ts';

export interface AccountView {
  id: string;
  name: string;
  email: string;
  workdomain: { slug: string; name: string };
  role: 'member' | 'admin';
  kind: 'internal' | 'external';
  /** True while the password is still the emailed verification code. */
  mustChangePassword: boolean;
  lang: Language;
}

/** The signed-in user as every account answer shows it. */
export function accountView(user: SessionUser['user']): AccountView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    workdomain: { slug: user.workdomainSlug, name: user.workdomainName },
    role: user.role,
    kind: user.kind,
    mustChangePassword: user.mustChangePassword,
    lang: user.lang,
  };
}

/** Direct contacts that can still answer: active users only, by name. */
export async function listContacts(db: Queryable, userId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.contactUserId))
    .where(and(eq(contacts.userId, userId), eq(users.status, 'active')))
    .orderBy(asc(users.name), asc(users.id));
}
