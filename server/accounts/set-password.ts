import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { clearLoginFailures, loginThrottleKey } from '../limits/login-throttle.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { endUserSessions, findUserByEmail } from './users.ts';

/**
 * The operator sets a user's password (a forgotten demo password, a locked-out admin). Same
 * policy as every password; in one transaction it ends the user's sessions and unused links,
 * and lifts the login throttle so the new password works at once.
 */
export async function setUserPassword(
  db: Database,
  hasher: PasswordHasher,
  workdomain: { id: string; slug: string },
  input: { email: string; password: string },
) {
  checkPasswordPolicy(input.password);
  const user = await findUserByEmail(db, workdomain.id, input.email);
  const passwordHash = await hasher.hash(input.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, initialPasswordExpiresAt: null }).where(eq(users.id, user.id));
    await endUserSessions(tx, user.id);
    await clearLoginFailures(tx, loginThrottleKey(workdomain.slug, user.emailCanonical));
  });
  return { id: user.id, email: user.email };
}
