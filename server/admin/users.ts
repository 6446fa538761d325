import { and, desc, eq } from 'drizzle-orm';
import { deactivateUser, reactivateUser } from '../accounts/users.ts';
import type { Queryable } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
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
};

type AdminUserRow = { [K in keyof typeof adminUserColumns]: (typeof users.$inferSelect)[K] };

const toAdminUser = (user: AdminUserRow) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  kind: user.kind,
  role: user.role,
  status: user.status,
  createdAt: user.createdAt.toISOString(),
  registeredViaLink: user.registeredViaLink,
});

export type AdminUser = ReturnType<typeof toAdminUser>;

/** Every user of the workdomain, newest first. */
export async function listUsers(db: Queryable, workdomainId: string): Promise<AdminUser[]> {
  const rows = await db
    .select(adminUserColumns)
    .from(users)
    .where(eq(users.workdomainId, workdomainId))
    .orderBy(desc(users.createdAt), desc(users.id));
  return rows.map(toAdminUser);
}

async function findUser(db: Queryable, scope: AdminScope, userId: string) {
  const [user] = await db
    .select(adminUserColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.workdomainId, scope.workdomainId)));
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
  const user = await deactivateUser(deps.db, scope.workdomainId, userId, scope.actor, deps.config.publicUrl);
  deps.mailQueued();
  return toAdminUser(user);
}

/** Reactivates a user; an external user needs a free seat (409 capacity_reached otherwise). */
export async function reactivateWorkdomainUser(
  deps: AppDeps,
  scope: AdminScope,
  userId: string,
): Promise<AdminUser> {
  return toAdminUser(await reactivateUser(deps.db, scope.workdomainId, userId, scope.actor));
}
