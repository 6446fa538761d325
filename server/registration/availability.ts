import { and, eq } from 'drizzle-orm';
import { type Plan, registrationPlans } from '../../contract/enums.ts';
import { type Actor, writeAudit } from '../audit/write.ts';
import type { Database, Queryable, Tx } from '../db/client.ts';
import { type ClosedReason, registrationSettings, users, workdomains } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { queueWebhookEvent } from '../webhooks/events.ts';
import { hasFreeSeat, seatsUsed } from '../workdomains/seats.ts';
import { type LockedSettings, lockSettings } from '../workdomains/settings-lock.ts';
import { loadWorkdomain } from '../workdomains/workdomains.ts';
import { newLinkId } from './link.ts';
import { addDefaultLink } from './links.ts';

/*
 * Every decision about whether registration is open, and every change of it: the admin's open
 * and close, and the automatic close when the PIC is lost or the seats run out.
 */

type Settings = Pick<typeof registrationSettings.$inferSelect, 'open'>;
type Workdomain = Pick<typeof workdomains.$inferSelect, 'plan'>;
type Person = Pick<typeof users.$inferSelect, 'status' | 'kind' | 'workdomainId'>;

/**
 * The one answer to "is registration open?": switched on, and the plan still allows it. The PIC and
 * the seats close it by switching it off (autoCloseRegistration), so they need no check here.
 */
export const isOpen = (settings: Settings | undefined, workdomain: Workdomain) =>
  Boolean(settings?.open) && registrationPlans.includes(workdomain.plan);

/** Throws registration_closed unless the link is open. */
export function assertOpen(link: { settings: Settings; workdomain: Workdomain }) {
  if (!isOpen(link.settings, link.workdomain)) throw new AppError('registration_closed');
}

/** The one "is the PIC available" rule: an active internal user of the same workdomain. */
export const isPicAvailable = <P extends Person>(pic: P | null | undefined, workdomainId: string): pic is P =>
  pic?.status === 'active' && pic.kind === 'internal' && pic.workdomainId === workdomainId;

/** The workdomain's user `picUserId` when isPicAvailable holds for them, or null. */
export async function activePic(db: Queryable, workdomainId: string, picUserId: string | null) {
  if (!picUserId) return null;
  const [pic] = await db.select().from(users).where(eq(users.id, picUserId));
  return isPicAvailable(pic, workdomainId) ? pic : null;
}

/** Why registration that is open must close now (the PIC is gone, or no seat is left), or null. */
export function reasonToClose(facts: {
  workdomainId: string;
  pic: Person | null | undefined;
  seatsUsed: number;
  externalUserLimit: number;
}): Exclude<ClosedReason, 'manual' | 'plan_ineligible'> | null {
  if (!isPicAvailable(facts.pic, facts.workdomainId)) return 'pic_unavailable';
  if (!hasFreeSeat(facts.seatsUsed, facts.externalUserLimit)) return 'capacity_reached';
  return null;
}

/** Why an admin may not open registration, in the order they should fix it, or null. */
export function openRefusal(facts: {
  workdomainId: string;
  plan: Plan;
  picUserId: string | null;
  pic: Person | null | undefined;
  seatsUsed: number;
  externalUserLimit: number;
}): 'plan_ineligible' | 'pic_required' | 'pic_unavailable' | 'capacity_reached' | null {
  if (!registrationPlans.includes(facts.plan)) return 'plan_ineligible';
  if (!facts.picUserId) return 'pic_required';
  return reasonToClose(facts);
}

/** The admin's open: refuses with the first reason from openRefusal; the link is made on the first open. */
export async function openRegistration(db: Database, workdomainId: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    const workdomain = await loadWorkdomain(tx, workdomainId);
    const [pic] = settings.picUserId
      ? await tx.select().from(users).where(eq(users.id, settings.picUserId))
      : [];
    const refusal = openRefusal({
      workdomainId,
      plan: workdomain.plan,
      picUserId: settings.picUserId,
      pic,
      seatsUsed: await seatsUsed(tx, workdomainId),
      externalUserLimit: workdomain.externalUserLimit,
    });
    if (refusal) throw new AppError(refusal);
    const linkId = settings.linkId ?? newLinkId();
    await tx
      .update(registrationSettings)
      .set({ open: true, closedReason: null, linkId, updatedAt: new Date() })
      .where(eq(registrationSettings.workdomainId, workdomainId));
    if (!settings.linkId) await addDefaultLink(tx, workdomainId, linkId);
    if (!settings.open) {
      await writeAudit(tx, workdomainId, actor, 'registration_opened', { linkId });
      await queueWebhookEvent(tx, workdomainId, 'registration.opened', {});
    }
  });
}

/** The admin's close. */
export async function closeRegistration(db: Database, workdomainId: string, actor: Actor) {
  await db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    if (!settings.open) return;
    await tx
      .update(registrationSettings)
      .set({ open: false, closedReason: 'manual', updatedAt: new Date() })
      .where(eq(registrationSettings.workdomainId, workdomainId));
    await writeAudit(tx, workdomainId, actor, 'registration_closed');
    await queueWebhookEvent(tx, workdomainId, 'registration.closed', { reason: 'manual' });
  });
}

/**
 * Closes registration by itself, records why, and tells the workdomain's admins. The caller holds
 * the settings lock (lockSettings) and passes the row it read; no-op when already closed.
 */
export async function autoCloseRegistration(
  tx: Tx,
  settings: LockedSettings,
  reason: Exclude<ClosedReason, 'manual'>,
  publicUrl: string,
) {
  if (!settings.open) return;
  const { workdomainId } = settings;
  await tx
    .update(registrationSettings)
    .set({ open: false, closedReason: reason, updatedAt: new Date() })
    .where(eq(registrationSettings.workdomainId, workdomainId));
  await writeAudit(tx, workdomainId, { kind: 'system' }, 'registration_auto_closed', { reason });
  await queueWebhookEvent(tx, workdomainId, 'registration.closed', { reason });
  const admins = await tx
    .select({ email: users.email, name: users.name, lang: users.lang, workdomainName: workdomains.name })
    .from(users)
    .innerJoin(workdomains, eq(workdomains.id, users.workdomainId))
    .where(and(eq(users.workdomainId, workdomainId), eq(users.role, 'admin'), eq(users.status, 'active')));
  for (const admin of admins) {
    await enqueueEmail(tx, {
      to: admin.email,
      template: 'registration-closed',
      props: {
        lang: admin.lang,
        adminName: admin.name,
        workdomainName: admin.workdomainName,
        reason,
        adminUrl: `${publicUrl}/admin`,
      },
    });
  }
}
