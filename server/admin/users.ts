import { and, desc, eq, ilike, like, or, sql } from 'drizzle-orm';
import { endUserSessions, setUserStatus } from '../accounts/users.ts';
import { type Actor, writeAudit } from '../audit/write.ts';
import { countRegistrants } from '../chat/handover.ts';
import type { Database, Queryable } from '../db/client.ts';
import { registrationLinks, registrationSettings, users } from '../db/schema/index.ts';
import type { UserKind } from '../db/schema/users.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { autoCloseRegistration, isPicAvailable } from '../registration/availability.ts';
import { hasFreeSeat, seatsUsed } from '../workdomains/seats.ts';
import { lockSettings } from '../workdomains/settings-lock.ts';
import { loadWorkdomain } from '../workdomains/workdomains.ts';
import type { AdminScope } from './scope.ts';
import { containsPattern, decodeUserCursor, encodeUserCursor } from './user-cursor.ts';

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
  fields: users.fields,
  marketing: users.marketing,
  consentVersion: users.consentVersion,
};

type AdminUserRow = Awaited<ReturnType<typeof selectAdminUsers>>[number];

/** Users with the label of the link they came through (kept after the link is deleted). */
const selectAdminUsers = (db: Queryable) =>
  db
    .select(adminUserColumns)
    .from(users)
    .leftJoin(registrationLinks, eq(registrationLinks.linkId, users.registeredViaLinkId));

const toAdminUser = (user: AdminUserRow, registrants: number | null = null) => ({
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
  registrants,
  fields: user.fields,
  marketing: user.marketing,
  consentVersion: user.consentVersion,
});

export type AdminUser = ReturnType<typeof toAdminUser>;

/** Users per page of the admin list. */
export const USERS_PAGE_SIZE = 100;

/**
 * One page of the workdomain's users, newest first, optionally those whose name or email holds
 * `q`. Keyset-paged on (created_at, id), which the workdomain's index serves in order, so page
 * 1,000 costs what page 1 does. The person in charge carries how many registrants they look
 * after, so deactivating them can say who is affected.
 */
export async function listUsers(
  db: Queryable,
  workdomainId: string,
  page: { cursor?: string; q?: string; kind?: UserKind } = {},
): Promise<{ users: AdminUser[]; next: string | null }> {
  const after = page.cursor ? decodeUserCursor(page.cursor) : null;
  const q = page.q?.trim();
  const [rows, [settings]] = await Promise.all([
    db
      .select({ ...adminUserColumns, createdAtMicros: createdAtMicros })
      .from(users)
      .leftJoin(registrationLinks, eq(registrationLinks.linkId, users.registeredViaLinkId))
      .where(
        and(
          eq(users.workdomainId, workdomainId),
          page.kind ? eq(users.kind, page.kind) : undefined,
          after
            ? sql`(${users.createdAt}, ${users.id}) < (timestamptz 'epoch' + ${after.createdAtMicros}::bigint * interval '1 microsecond', ${after.id}::uuid)`
            : undefined,
          q
            ? or(
                ilike(users.name, containsPattern(q)),
                like(users.emailCanonical, containsPattern(q.toLowerCase())),
              )
            : undefined,
        ),
      )
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(USERS_PAGE_SIZE + 1),
    db
      .select({ picUserId: registrationSettings.picUserId })
      .from(registrationSettings)
      .where(eq(registrationSettings.workdomainId, workdomainId)),
  ]);
  const pageRows = rows.slice(0, USERS_PAGE_SIZE);
  const picId = settings?.picUserId ?? null;
  const picOnPage = picId !== null && pageRows.some((row) => row.id === picId);
  const registrants = picOnPage ? await countRegistrants(db, workdomainId, picId) : null;
  const last = pageRows.at(-1);
  return {
    users: pageRows.map((row) => toAdminUser(row, row.id === picId ? registrants : null)),
    next:
      rows.length > USERS_PAGE_SIZE && last
        ? encodeUserCursor({ createdAtMicros: last.createdAtMicros, id: last.id })
        : null,
  };
}

const createdAtMicros = sql<string>`(extract(epoch from ${users.createdAt}) * 1000000)::bigint::text`;

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
