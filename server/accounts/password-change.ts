import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { passwordResets, sessions, users } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { loginThrottleKey, takeLoginAttempt } from '../limits/login-throttle.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { passwordOpens } from './login.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import type { SessionUser } from './sessions.ts';

/** How long after a sign-in by link or emailed code the first password may be set without the code. */
export const FRESH_SESSION_MS = 15 * 60 * 1000;

/**
 * Whether this session may choose the first password without typing the code again: it began
 * minutes ago from a login token or an emailed sign-in code (both prove the mailbox), and the
 * account still has the emailed code as its password. A typed-password session never may.
 */
export function mayChooseFirstPassword(session: SessionUser, now = Date.now()): boolean {
  return (
    (session.via === 'token' || session.via === 'code') &&
    session.user.mustChangePassword &&
    now - session.startedAt.getTime() < FRESH_SESSION_MS
  );
}

/**
 * Sets a new password for the signed-in user. Wrong current passwords count against the same
 * throttle as sign-ins, so a stolen session cannot be used to guess the password either.
 */
export async function changePassword(
  deps: AppDeps,
  session: SessionUser,
  input: { currentPassword?: string | undefined; newPassword: string },
): Promise<void> {
  checkPasswordPolicy(input.newPassword);
  const [user] = await deps.db.select().from(users).where(eq(users.id, session.user.id));
  if (!user) throw new AppError('unauthenticated');
  if (input.currentPassword === undefined) {
    if (!mayChooseFirstPassword(session))
      throw new AppError('invalid_credentials', { message: 'Enter your current password.' });
  } else {
    const attempt = await takeLoginAttempt(
      deps,
      loginThrottleKey(session.user.workdomainSlug, user.emailCanonical),
    );
    if (!(await passwordOpens(deps, user, input.currentPassword))) {
      throw new AppError('invalid_credentials', { message: 'The current password is not right.' });
    }
    await attempt.succeeded();
  }
  const passwordHash = await deps.hasher.hash(input.newPassword);

  await deps.db.transaction(async (tx) => {
    // Guarded on the hash that was checked: of two concurrent changes only one applies.
    const changed = await tx
      .update(users)
      .set({ passwordHash, initialPasswordExpiresAt: null })
      .where(
        and(
          eq(users.id, user.id),
          user.passwordHash === null ? isNull(users.passwordHash) : eq(users.passwordHash, user.passwordHash),
        ),
      )
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
}
