import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { passwordResets, sessions, users } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { loginThrottleKey, takeLoginAttempt } from '../limits/login-throttle.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { passwordOpens } from './login.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import type { SessionUser } from './sessions.ts';

/**
 * Sets a new password for the signed-in user. Wrong current passwords count against the same
 * throttle as sign-ins, so a stolen session cannot be used to guess the password either.
 */
export async function changePassword(
  deps: AppDeps,
  session: SessionUser,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  checkPasswordPolicy(input.newPassword);
  const [user] = await deps.db.select().from(users).where(eq(users.id, session.user.id));
  if (!user) throw new AppError('unauthenticated');
  const attempt = await takeLoginAttempt(
    deps,
    loginThrottleKey(session.user.workdomainSlug, user.emailCanonical),
  );
  if (!(await passwordOpens(deps, user, input.currentPassword))) {
    throw new AppError('invalid_credentials', { message: 'The current password is not right.' });
  }
  await attempt.succeeded();
  const passwordHash = await deps.hasher.hash(input.newPassword);

  await deps.db.transaction(async (tx) => {
    // Guarded on the hash that was checked: of two concurrent changes only one applies.
    const changed = await tx
      .update(users)
      .set({ passwordHash, initialPasswordExpiresAt: null })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash!)))
      .returning({ id: users.id });
    if (changed.length === 0) throw new AppError('conflict');
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(
        and(eq(sessions.userId, user.id), ne(sessions.id, session.sessionId), isNull(sessions.revokedAt)),
      );
    await tx
      .update(passwordResets)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(passwordResets.userId, user.id),
          isNull(passwordResets.usedAt),
          isNull(passwordResets.revokedAt),
        ),
      );
    await enqueueEmail(tx, {
      to: user.email,
      template: 'password-changed',
      props: { lang: user.lang, name: user.name, workdomainName: session.user.workdomainName },
    });
  });
  deps.mailQueued();
}
