import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.ts';
import { isUniqueViolation } from '../db/client.ts';
import {
  loginTokens,
  type Plan,
  passwordResets,
  plans,
  sessions,
  type UserRole,
  users,
  workdomains,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { parseEmailAddress, parsePersonName } from '../registration/email-address.ts';
import {
  type Actor,
  autoCloseRegistration,
  lockSettings,
  seatsUsed,
  writeAudit,
} from '../registration/settings.ts';
import type { PasswordHasher } from './password-hasher.ts';
import { checkPasswordPolicy } from './password-policy.ts';

export async function createWorkdomain(
  db: Database,
  input: { name: string; slug: string; plan: string; externalUserLimit: number },
) {
  const name = parsePersonName(input.name);
  if (!name) throw new AppError('invalid_request', { message: 'A workdomain name has 1 to 100 characters.' });
  if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(input.slug)) {
    throw new AppError('invalid_request', {
      message: 'A slug has 1 to 40 lower-case letters, digits or dashes.',
    });
  }
  if (!plans.includes(input.plan as Plan)) {
    throw new AppError('invalid_request', { message: `The plan is one of ${plans.join(', ')}.` });
  }
  if (!Number.isInteger(input.externalUserLimit) || input.externalUserLimit < 0) {
    throw new AppError('invalid_request', {
      message: 'The external-user limit is a whole number, 0 or more.',
    });
  }
  try {
    const [workdomain] = await db
      .insert(workdomains)
      .values({
        name,
        slug: input.slug,
        plan: input.plan as Plan,
        externalUserLimit: input.externalUserLimit,
      })
      .returning();
    return workdomain!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('slug_taken');
    throw error;
  }
}

export async function findWorkdomainBySlug(db: Database, slug: string) {
  const [workdomain] = await db.select().from(workdomains).where(eq(workdomains.slug, slug));
  if (!workdomain)
    throw new AppError('workdomain_not_found', { message: `No workdomain has the slug "${slug}".` });
  return workdomain;
}

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

/**
 * Deactivates a user and, in the same transaction, ends their sessions and closes registration
 * when they were its person in charge.
 */
export async function deactivateUser(
  db: Database,
  workdomainId: string,
  userId: string,
  actor: Actor,
  publicUrl: string,
) {
  return db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    const [user] = await tx
      .update(users)
      .set({ status: 'inactive' })
      .where(and(eq(users.id, userId), eq(users.workdomainId, workdomainId)))
      .returning();
    if (!user) throw new AppError('user_not_found');
    await endUserSessions(tx, user.id);
    await writeAudit(tx, workdomainId, actor, 'user_deactivated', { userId: user.id, email: user.email });
    if (settings.picUserId === user.id)
      await autoCloseRegistration(tx, workdomainId, 'pic_unavailable', publicUrl);
    return user;
  });
}

export async function reactivateUser(db: Database, workdomainId: string, userId: string, actor: Actor) {
  return db.transaction(async (tx) => {
    // Taken for its lock: a returning external user competes for a seat like a registrant.
    await lockSettings(tx, workdomainId);
    const [current] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.workdomainId, workdomainId)));
    if (!current) throw new AppError('user_not_found');
    if (current.status === 'active') return current;
    if (current.kind === 'external') {
      const [workdomain] = await tx.select().from(workdomains).where(eq(workdomains.id, workdomainId));
      if ((await seatsUsed(tx, workdomainId)) >= workdomain!.externalUserLimit)
        throw new AppError('capacity_reached');
    }
    const [user] = await tx.update(users).set({ status: 'active' }).where(eq(users.id, userId)).returning();
    await writeAudit(tx, workdomainId, actor, 'user_reactivated', { userId, email: current.email });
    return user!;
  });
}
