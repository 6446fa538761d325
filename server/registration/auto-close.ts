import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../audit/write.ts';
import type { Tx } from '../db/client.ts';
import { type ClosedReason, registrationSettings, users, workdomains } from '../db/schema/index.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { queueWebhookEvent } from '../webhooks/events.ts';
import type { LockedSettings } from '../workdomains/settings-lock.ts';

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
