import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Language } from '../../contract/languages.ts';
import { limits } from '../../contract/limits.ts';
import type { FieldAnswers } from '../../contract/registration-fields.ts';
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

const INITIAL_PASSWORD_LIFETIME_MS = limits.initialPasswordLifetimeDays * 24 * 60 * 60 * 1000;

/**
 * A registrant's new account, inside the registration transaction: the code they verified is its
 * first password (already hashed), valid for limits.initialPasswordLifetimeDays.
 */
export function insertExternalUser(
  tx: Queryable,
  account: {
    id: string;
    workdomainId: string;
    email: string;
    emailCanonical: string;
    name: string;
    lang: Language;
    passwordHash: string;
    registeredViaLinkId: string;
    /** Answers to the registration form's questions. */
    fields: FieldAnswers;
  },
) {
  return tx.insert(users).values({
    ...account,
    kind: 'external',
    role: 'member',
    initialPasswordExpiresAt: new Date(Date.now() + INITIAL_PASSWORD_LIFETIME_MS),
    registeredViaLink: true,
  });
}

/** Switches a user of the workdomain on or off; answers the row, or nothing for another workdomain's id. */
export async function setUserStatus(
  tx: Queryable,
  workdomainId: string,
  userId: string,
  status: 'active' | 'inactive',
) {
  const [user] = await tx
    .update(users)
    .set({ status })
    .where(and(eq(users.id, userId), eq(users.workdomainId, workdomainId)))
    .returning();
  return user;
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
