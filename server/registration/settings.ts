import { randomBytes } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../db/client.ts';
import {
  auditLog,
  type ClosedReason,
  registrationPlans,
  registrationSettings,
  users,
  workdomains,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';

export const MAX_WELCOME_MESSAGE_LENGTH = 2000;

export type Actor = { kind: 'admin'; userId: string } | { kind: 'operator' } | { kind: 'system' };

export interface RegistrationView {
  open: boolean;
  closedReason: ClosedReason | null;
  plan: string;
  pic: { id: string; name: string; email: string } | null;
  welcomeMessage: string;
  linkId: string | null;
  url: string | null;
  embed: string | null;
  capacity: { used: number; limit: number };
}

export const registrationUrl = (publicUrl: string, linkId: string) => `${publicUrl}/join/${linkId}`;

export const embedSnippet = (publicUrl: string, linkId: string) =>
  `<script type="module" src="${publicUrl}/widget/chatpoint-register.js"></script>\n` +
  `<chatpoint-register link="${linkId}"></chatpoint-register>`;

export async function writeAudit(
  db: Queryable,
  workdomainId: string,
  actor: Actor,
  action: string,
  details: Record<string, unknown> = {},
) {
  await db.insert(auditLog).values({
    workdomainId,
    actor: actor.kind,
    actorUserId: actor.kind === 'admin' ? actor.userId : null,
    action,
    details,
  });
}

/** Active external users: the seats that count against the workdomain's external-user limit. */
export async function seatsUsed(db: Queryable, workdomainId: string): Promise<number> {
  const [row] = await db
    .select({ used: count() })
    .from(users)
    .where(and(eq(users.workdomainId, workdomainId), eq(users.kind, 'external'), eq(users.status, 'active')));
  return row!.used;
}

/**
 * Locks the workdomain's settings row for the rest of the transaction. Every change that can
 * open or close registration or take a seat goes through this lock, so they serialise per workdomain.
 */
export async function lockSettings(tx: Tx, workdomainId: string) {
  await tx.insert(registrationSettings).values({ workdomainId }).onConflictDoNothing();
  const [settings] = await tx
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.workdomainId, workdomainId))
    .for('update');
  return settings!;
}

async function loadWorkdomain(db: Queryable, workdomainId: string) {
  const [workdomain] = await db.select().from(workdomains).where(eq(workdomains.id, workdomainId));
  if (!workdomain) throw new AppError('workdomain_not_found');
  return workdomain;
}

async function activePic(db: Queryable, workdomainId: string, picUserId: string | null) {
  if (!picUserId) return null;
  const [pic] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, picUserId), eq(users.workdomainId, workdomainId)));
  return pic && pic.status === 'active' && pic.kind === 'internal' ? pic : null;
}

/** Closes registration by itself, records why, and tells the workdomain's admins. No-op when already closed. */
export async function autoCloseRegistration(
  tx: Tx,
  workdomainId: string,
  reason: Exclude<ClosedReason, 'manual'>,
  publicUrl: string,
) {
  const settings = await lockSettings(tx, workdomainId);
  if (!settings.open) return;
  await tx
    .update(registrationSettings)
    .set({ open: false, closedReason: reason, updatedAt: new Date() })
    .where(eq(registrationSettings.workdomainId, workdomainId));
  await writeAudit(tx, workdomainId, { kind: 'system' }, 'registration_auto_closed', { reason });
  const workdomain = await loadWorkdomain(tx, workdomainId);
  const admins = await tx
    .select()
    .from(users)
    .where(and(eq(users.workdomainId, workdomainId), eq(users.role, 'admin'), eq(users.status, 'active')));
  for (const admin of admins) {
    await enqueueEmail(tx, {
      to: admin.email,
      template: 'registration-closed',
      props: {
        adminName: admin.name,
        workdomainName: workdomain.name,
        reason,
        adminUrl: `${publicUrl}/admin`,
      },
    });
  }
}

export async function showRegistration(
  db: Queryable,
  workdomainId: string,
  publicUrl: string,
): Promise<RegistrationView> {
  const workdomain = await loadWorkdomain(db, workdomainId);
  const [settings] = await db
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.workdomainId, workdomainId));
  const picUserId = settings?.picUserId ?? null;
  const [pic] = picUserId ? await db.select().from(users).where(eq(users.id, picUserId)) : [];
  const planEligible = registrationPlans.includes(workdomain.plan);
  const open = Boolean(settings?.open) && planEligible;
  const linkId = settings?.linkId ?? null;
  return {
    open,
    closedReason: open
      ? null
      : settings?.open && !planEligible
        ? 'plan_ineligible'
        : (settings?.closedReason ?? null),
    plan: workdomain.plan,
    pic: pic ? { id: pic.id, name: pic.name, email: pic.email } : null,
    welcomeMessage: settings?.welcomeMessage ?? '',
    linkId,
    url: linkId ? registrationUrl(publicUrl, linkId) : null,
    embed: linkId ? embedSnippet(publicUrl, linkId) : null,
    capacity: { used: await seatsUsed(db, workdomainId), limit: workdomain.externalUserLimit },
  };
}

const newLinkId = () => randomBytes(12).toString('base64url');

export async function openRegistration(db: Database, workdomainId: string, actor: Actor, publicUrl: string) {
  await db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    const workdomain = await loadWorkdomain(tx, workdomainId);
    if (!registrationPlans.includes(workdomain.plan)) throw new AppError('plan_ineligible');
    if (!settings.picUserId) throw new AppError('pic_required');
    if (!(await activePic(tx, workdomainId, settings.picUserId))) throw new AppError('pic_unavailable');
    if ((await seatsUsed(tx, workdomainId)) >= workdomain.externalUserLimit)
      throw new AppError('capacity_reached');
    const linkId = settings.linkId ?? newLinkId();
    await tx
      .update(registrationSettings)
      .set({ open: true, closedReason: null, linkId, updatedAt: new Date() })
      .where(eq(registrationSettings.workdomainId, workdomainId));
    if (!settings.open) await writeAudit(tx, workdomainId, actor, 'registration_opened', { linkId });
  });
  return showRegistration(db, workdomainId, publicUrl);
}

export async function closeRegistration(db: Database, workdomainId: string, actor: Actor, publicUrl: string) {
  await db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    if (!settings.open) return;
    await tx
      .update(registrationSettings)
      .set({ open: false, closedReason: 'manual', updatedAt: new Date() })
      .where(eq(registrationSettings.workdomainId, workdomainId));
    await writeAudit(tx, workdomainId, actor, 'registration_closed');
  });
  return showRegistration(db, workdomainId, publicUrl);
}

export interface SettingsChange {
  picUserId?: string;
  welcomeMessage?: string;
}

export async function updateRegistrationSettings(
  db: Database,
  workdomainId: string,
  change: SettingsChange,
  actor: Actor,
  publicUrl: string,
) {
  if (change.welcomeMessage !== undefined && [...change.welcomeMessage].length > MAX_WELCOME_MESSAGE_LENGTH) {
    throw new AppError('invalid_welcome_message');
  }
  await db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    const set: Partial<typeof registrationSettings.$inferInsert> = { updatedAt: new Date() };
    if (change.picUserId !== undefined && change.picUserId !== settings.picUserId) {
      if (!(await activePic(tx, workdomainId, change.picUserId))) throw new AppError('pic_unavailable');
      set.picUserId = change.picUserId;
      await writeAudit(tx, workdomainId, actor, 'pic_changed', {
        from: settings.picUserId,
        to: change.picUserId,
      });
    }
    if (change.welcomeMessage !== undefined && change.welcomeMessage !== settings.welcomeMessage) {
      set.welcomeMessage = change.welcomeMessage;
      await writeAudit(tx, workdomainId, actor, 'welcome_message_changed');
    }
    await tx.update(registrationSettings).set(set).where(eq(registrationSettings.workdomainId, workdomainId));
  });
  return showRegistration(db, workdomainId, publicUrl);
}

/** A new link; the old one stops working at once. */
export async function regenerateRegistrationLink(
  db: Database,
  workdomainId: string,
  actor: Actor,
  publicUrl: string,
) {
  await db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    const linkId = newLinkId();
    await tx
      .update(registrationSettings)
      .set({ linkId, updatedAt: new Date() })
      .where(eq(registrationSettings.workdomainId, workdomainId));
    await writeAudit(tx, workdomainId, actor, 'link_regenerated', { from: settings.linkId, to: linkId });
  });
  return showRegistration(db, workdomainId, publicUrl);
}
