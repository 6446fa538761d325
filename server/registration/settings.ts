import { eq } from 'drizzle-orm';
import type { RegistrationSettings, RegistrationSettingsChange } from '../../contract/admin.ts';
import { limits } from '../../contract/limits.ts';
import { type Actor, writeAudit } from '../audit/write.ts';
import { handOverRegistrants } from '../chat/handover.ts';
import type { Database, Queryable } from '../db/client.ts';
import { registrationSettings, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { seatsUsed } from '../workdomains/seats.ts';
import { lockSettings } from '../workdomains/settings-lock.ts';
import { loadWorkdomain } from '../workdomains/workdomains.ts';
import { accessRulesOf, applyAccessRulesChange } from './access-rules.ts';
import { activePic, isOpen } from './availability.ts';
import { embedSnippet, newLinkId, registrationUrl } from './link.ts';
import { replaceDefaultLink } from './links.ts';
import { applyPrivacyChange, parsePrivacyChange, privacySettingsOf } from './privacy-settings.ts';
import { listRefusedOrigins } from './refused-origins.ts';
import { mergeWelcomeMessages, sameWelcomeMessages } from './welcome-messages.ts';
import { embedPinnedSnippet } from './widget-pin.ts';

export async function showRegistration(
  db: Queryable,
  workdomainId: string,
  publicUrl: string,
): Promise<RegistrationSettings> {
  const workdomain = await loadWorkdomain(db, workdomainId);
  const [settings] = await db
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.workdomainId, workdomainId));
  const picUserId = settings?.picUserId ?? null;
  const [pic] = picUserId ? await db.select().from(users).where(eq(users.id, picUserId)) : [];
  const open = isOpen(settings, workdomain);
  const linkId = settings?.linkId ?? null;
  const accessRules = accessRulesOf(settings);
  return {
    open,
    closedReason: open ? null : settings?.open ? 'plan_ineligible' : (settings?.closedReason ?? null),
    plan: workdomain.plan,
    pic: pic ? { id: pic.id, name: pic.name, email: pic.email } : null,
    welcomeMessage: settings?.welcomeMessage ?? '',
    welcomeMessages: settings?.welcomeMessages ?? {},
    linkId,
    url: linkId ? registrationUrl(publicUrl, linkId) : null,
    embed: linkId ? embedSnippet(publicUrl, linkId) : null,
    embedPinned: linkId ? embedPinnedSnippet(publicUrl, linkId) : null,
    capacity: { used: await seatsUsed(db, workdomainId), limit: workdomain.externalUserLimit },
    message: settings?.message ?? 'off',
    picNotice: settings?.picNotice ?? 'each',
    ...accessRules,
    ...privacySettingsOf(settings),
    // A site allowed since it was refused is no longer news; with no list, every site is allowed.
    refusedOrigins:
      accessRules.allowedOrigins.length === 0
        ? []
        : (await listRefusedOrigins(db, workdomainId)).filter(
            ({ origin }) => !accessRules.allowedOrigins.includes(origin),
          ),
  };
}

export async function updateRegistrationSettings(
  db: Database,
  workdomainId: string,
  change: RegistrationSettingsChange,
  actor: Actor,
  publicUrl: string,
) {
  if (
    change.welcomeMessage !== undefined &&
    [...change.welcomeMessage].length > limits.welcomeMessageMaxLength
  ) {
    throw new AppError('invalid_welcome_message');
  }
  // Checked before the transaction too, so a malformed change costs no lock.
  if (change.welcomeMessages !== undefined) mergeWelcomeMessages({}, change.welcomeMessages);
  const privacyChange = parsePrivacyChange(change);
  await db.transaction(async (tx) => {
    const settings = await lockSettings(tx, workdomainId);
    const set: Partial<typeof registrationSettings.$inferInsert> = { updatedAt: new Date() };
    if (change.picUserId !== undefined && change.picUserId !== settings.picUserId) {
      const pic = await activePic(tx, workdomainId, change.picUserId);
      if (!pic) throw new AppError('pic_unavailable');
      set.picUserId = pic.id;
      // Nobody who talked to the previous PIC is left without someone to talk to.
      const handedOver = settings.picUserId
        ? await handOverRegistrants(tx, workdomainId, settings.picUserId, pic)
        : 0;
      await writeAudit(tx, workdomainId, actor, 'pic_changed', {
        from: settings.picUserId,
        to: pic.id,
        registrantsHandedOver: handedOver,
      });
    }
    if (change.welcomeMessage !== undefined && change.welcomeMessage !== settings.welcomeMessage) {
      set.welcomeMessage = change.welcomeMessage;
      await writeAudit(tx, workdomainId, actor, 'welcome_message_changed');
    }
    if (change.welcomeMessages !== undefined) {
      const merged = mergeWelcomeMessages(settings.welcomeMessages, change.welcomeMessages);
      if (!sameWelcomeMessages(merged, settings.welcomeMessages)) {
        set.welcomeMessages = merged;
        await writeAudit(tx, workdomainId, actor, 'welcome_messages_changed', {
          languages: Object.keys(merged),
        });
      }
    }
    if (change.message !== undefined && change.message !== settings.message) {
      set.message = change.message;
      await writeAudit(tx, workdomainId, actor, 'first_message_changed', { to: change.message });
    }
    if (change.picNotice !== undefined && change.picNotice !== settings.picNotice) {
      set.picNotice = change.picNotice;
      await writeAudit(tx, workdomainId, actor, 'pic_notice_changed', { to: change.picNotice });
    }
    await applyAccessRulesChange(tx, workdomainId, settings, change, actor, set);
    await applyPrivacyChange(tx, workdomainId, settings, privacyChange, actor, set);
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
    await replaceDefaultLink(tx, workdomainId, settings.linkId, linkId);
    await writeAudit(tx, workdomainId, actor, 'link_regenerated', { from: settings.linkId, to: linkId });
  });
  return showRegistration(db, workdomainId, publicUrl);
}
