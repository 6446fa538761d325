import { and, desc, eq } from 'drizzle-orm';
import { endUserSessions, setUserStatus } from '../accounts/users.ts';
import { type Actor, writeAudit } from '../audit/write.ts';
import type { Database, Queryable } from '../db/client.ts';
import { registrationLinks, users } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { autoCloseRegistration, isPicAvailable } from '../registration/availability.ts';
import { hasFreeSeat, seatsUsed } from '../workdomains/seats.ts';
import { lockSettings } from '../workdomains/settings-lock.ts';
import { loadWorkdomain } from '../workdomains/workdomains.ts';
import type { AdminScope } from './scope.ts';

const adminUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  kind: users.kind,
  role: users.role,
  status: users.status,
  createdAt: users.createdAt,
  registeredViaLink: users.registeredViaLink,
  registeredViaLinkId: users.registeredViaLinkId,
  registeredViaLabel: registrationLinks.label,
};

type AdminUserRow = Awaited<ReturnType<typeof selectAdminUsers>>[number];

/** Users with the label of the link they came through (kept after the link is deleted). */
const selectAdminUsers = (db: Queryable) =>
  db
    .select(adminUserColumns)
    .from(users)
    .leftJoin(registrationLinks, eq(registrationLinks.linkId, users.registeredViaLinkId));

const toAdminUser = (user: AdminUserRow) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  kind: user.kind,
  role: user.role,
  status: user.status,
  createdAt: user.createdAt.toISOString(),
  registeredViaLink: user.registeredViaLink,
  registeredVia:
    user.registeredViaLinkId && user.registeredViaLabel !== null
      ? { linkId: user.registeredViaLinkId, label: user.registeredViaLabel }
      : null,
});

export type AdminUser = ReturnType<typeof toAdminUser>;

/** Every user of the workdomain, newest first. */
export async function listUsers(db: Queryable, workdomainId: string): Promise<AdminUser[]> {
  const rows = await selectAdminUsers(db)
    .where(eq(users.workdomainId, workdomainId))
    .orderBy(desc(users.createdAt), desc(users.id));
  return rows.map(toAdminUser);
}

async function findUser(db: Queryable, scope: AdminScope, userId: string) {
  const [user] = await selectAdminUsers(db).where(
    and(eq(users.id, userId), eq(users.workdomainId, scope.workdomainId)),
  );
  if (!user) throw new AppError('user_not_found');
  return user;
}

/**
 * Deactivates a user of the admin's own workdomain. When they were the person in charge,
 * deactivateUser closes registration in the same transaction and queues the admins' notice.
 */
export async function deactivateWorkdomainUser(
  deps: AppDeps,
  scope: AdminScope,
  userId: string,
): Promise<AdminUser> {
  const current = await findUser(deps.db, scope, userId);
  // An admin who switches themselves off ends their own session and may leave nobody to undo it.
  if (current.id === scope.actor.userId) {
    throw new AppError('conflict', { message: 'You cannot deactivate your own account.' });
  }
  if (current.status === 'inactive') return toAdminUser(current);
  await deactivateUser(deps.db, scope.workdomainId, userId, scope.actor, deps.config.publicUrl);
  return toAdminUser(await findUser(deps.db, scope, userId));
}

/** Reactivates a user; an external user needs a free seat (409 capacity_reached otherwise). */
export async function reactivateWorkdomainUser(
  deps: AppDeps,
  scope: AdminScope,
  userId: string,
): Promise<AdminUser> {
  await reactivateUser(deps.db, scope.workdomainId, userId, scope.actor);
  return toAdminUser(await findUser(deps.db, scope, userId));
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
    const user = await setUserStatus(tx, workdomainId, userId, 'inactive');
    if (!user) throw new AppError('user_not_found');
    await endUserSessions(tx, user.id);
    await writeAudit(tx, workdomainId, actor, 'user_deactivated', { userId: user.id, email: user.email });
    if (settings.picUserId === user.id && !isPicAvailable(user, workdomainId))
      await autoCloseRegistration(tx, settings, 'pic_unavailable', publicUrl);
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
      const workdomain = await loadWorkdomain(tx, workdomainId);
      if (!hasFreeSeat(await seatsUsed(tx, workdomainId), workdomain.externalUserLimit))
        throw new AppError('capacity_reached');
    }
    const user = await setUserStatus(tx, workdomainId, userId, 'active');
    await writeAudit(tx, workdomainId, actor, 'user_reactivated', { userId, email: current.email });
    return user!;
  });
}
