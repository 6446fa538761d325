import { and, eq } from 'drizzle-orm';
import { users, workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { loginThrottleKey, takeLoginAttempt } from '../limits/login-throttle.ts';
import { accountView } from './account-view.ts';
import { parseEmailAddress } from './email-address.ts';
import type { SignedIn } from './login-tokens.ts';
import { createSession, findSessionUser } from './sessions.ts';

type UserRow = typeof users.$inferSelect;

/**
 * Whether `password` opens this account now. Costs one hash whether or not it matches; the
 * emailed code only counts until the user sets a password or its 7 days run out.
 */
export async function passwordOpens(deps: AppDeps, user: UserRow, password: string): Promise<boolean> {
  if (!user.passwordHash) return deps.hasher.verifyNothing(password);
  const matches = await deps.hasher.verify(user.passwordHash, password);
  const initialExpired =
    user.initialPasswordExpiresAt !== null && user.initialPasswordExpiresAt.getTime() <= Date.now();
  return matches && !initialExpired && user.status === 'active';
}

export interface LoginInput {
  workdomain: string;
  email: string;
  password: string;
}

/**
 * Every refusal (unknown workdomain, unknown email, inactive user, wrong or expired password)
 * takes the same path: one throttle count, one hash, and the same 401.
 */
export async function passwordLogin(
  deps: AppDeps,
  input: LoginInput,
): Promise<SignedIn & { mustChangePassword: boolean }> {
  const slug = input.workdomain.trim().toLowerCase();
  const email = parseEmailAddress(input.email);
  const loginId = email?.canonical ?? input.email.trim().toLowerCase();
  const attempt = await takeLoginAttempt(deps, loginThrottleKey(slug, loginId));

  const [user] = email
    ? await deps.db
        .select({ user: users })
        .from(users)
        .innerJoin(workdomains, eq(workdomains.id, users.workdomainId))
        .where(and(eq(workdomains.slug, slug), eq(users.emailCanonical, email.canonical)))
    : [];
  const opens = user
    ? await passwordOpens(deps, user.user, input.password)
    : await deps.hasher.verifyNothing(input.password);
  if (!user || !opens) throw new AppError('invalid_credentials');

  const signedIn = await deps.db.transaction(async (tx) => {
    const { sessionToken } = await createSession(tx, user.user.id);
    const session = await findSessionUser(tx, sessionToken);
    if (!session) throw new AppError('invalid_credentials');
    return { sessionToken, user: accountView(session.user) };
  });
  await attempt.succeeded();
  return { ...signedIn, mustChangePassword: signedIn.user.mustChangePassword };
}
