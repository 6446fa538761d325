import { and, eq } from 'drizzle-orm';
import { users, workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { loginThrottleKey, takeLoginAttempt, takeLoginAttempts } from '../limits/login-throttle.ts';
import { accountView } from './account-view.ts';
import { parseEmailAddress } from './email-address.ts';
import { activeAccountsOf } from './email-sign-in.ts';
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
  /** The workdomain's slug; may be left out when the address has an account in one workdomain. */
  workdomain?: string | undefined;
  email: string;
  password: string;
}

export type LoginAnswer =
  | (SignedIn & { mustChangePassword: boolean })
  | { choose: { slug: string; name: string }[] };

/**
 * Every refusal (unknown workdomain, unknown email, inactive user, wrong or expired password)
 * takes the same path: one throttle count, one hash, and the same 401.
 */
export async function passwordLogin(deps: AppDeps, input: LoginInput): Promise<LoginAnswer> {
  if (input.workdomain === undefined || input.workdomain.trim() === '')
    return passwordLoginByEmail(deps, input.email, input.password);
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
  const signedIn = await signInAs(deps, user.user.id);
  await attempt.succeeded();
  return signedIn;
}

async function signInAs(deps: AppDeps, userId: string) {
  const signedIn = await deps.db.transaction(async (tx) => {
    const { sessionToken } = await createSession(tx, userId);
    const session = await findSessionUser(tx, sessionToken);
    if (!session) throw new AppError('invalid_credentials');
    return { sessionToken, user: accountView(session.user) };
  });
  return { ...signedIn, mustChangePassword: signedIn.user.mustChangePassword };
}

/**
 * Email and password without a workdomain. The password is tried on each active account of the
 * address; only workdomains whose account it opens are offered to choose from, so the choice
 * reveals nothing to someone without the password. Each account's own throttle counts the
 * try, as does one for the address alone, which exists whether or not an account does.
 */
async function passwordLoginByEmail(deps: AppDeps, typedEmail: string, password: string) {
  const email = parseEmailAddress(typedEmail);
  const loginId = email?.canonical ?? typedEmail.trim().toLowerCase();
  const accounts = email ? await activeAccountsOf(deps.db, email.canonical) : [];
  const attempts = await takeLoginAttempts(deps, [
    loginThrottleKey('*', loginId),
    ...accounts.map((account) => loginThrottleKey(account.workdomain.slug, loginId)),
  ]);
  if (accounts.length === 0) {
    await deps.hasher.verifyNothing(password);
    throw new AppError('invalid_credentials');
  }
  const opened = [];
  for (const account of accounts) if (await passwordOpens(deps, account.user, password)) opened.push(account);
  if (opened.length === 0) throw new AppError('invalid_credentials');
  await attempts.succeeded();
  if (opened.length > 1) return { choose: opened.map((account) => account.workdomain) };
  return signInAs(deps, opened[0]!.user.id);
}
