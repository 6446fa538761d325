import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.ts';
import { isUniqueViolation } from '../db/client.ts';
import { loginTokens, passwordResets, sessions, type UserRole, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { parseEmailAddress, parsePersonName } from './email-address.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { checkPasswordPolicy } from './password-policy.ts';

export async function createInternalUser(
  db: Database,
  hasher: PasswordHasher,
  input: { workdomainId: string; email: string; name: string; password: string; role: UserRole },
) {
  const email = parseEmailAddress(input.email);
  if (!email) throw new AppError('invalid_email');
  const name = parsePersonName(input.name);
  if (!name) throw new AppError('invalid_name');
  checkPasswordPolicy(input.password);
  const passwordHash = await hasher.hash(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({
        workdomainId: input.workdomainId,
        email: email.display,
        emailCanonical: email.canonical,
        name,
        kind: 'internal',
        role: input.role,
        passwordHash,
      })
      .returning();
    return user!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('email_taken');
    throw error;
  }
}

export async function findUserByEmail(db: Database, workdomainId: string, emailInput: string) {
  const email = parseEmailAddress(emailInput);
  const [user] = email
    ? await db
        .select()
        .from(users)
        .where(and(eq(users.workdomainId, workdomainId), eq(users.emailCanonical, email.canonical)))
    : [];
  if (!user) throw new AppError('user_not_found');
  return user;
}

/** Ends every session and unused login or reset token of a user, inside the caller's transaction. */
export async function endUserSessions(db: Queryable, userId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  await db
    .update(loginTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(loginTokens.userId, userId), isNull(loginTokens.usedAt)));
  await db
    .update(passwordResets)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)),
    );
}
