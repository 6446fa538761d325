import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import { type Actor, writeAudit } from '../audit/write.ts';
import type { Database, Tx } from '../db/client.ts';
import {
  auditLog,
  conversations,
  emailOutbox,
  rateLimitCounters,
  registrations,
  signInAttempts,
  users,
  verificationCodes,
  webhookDeliveries,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { queueWebhookEvent } from '../webhooks/events.ts';
import { lockSettings } from '../workdomains/settings-lock.ts';

type User = typeof users.$inferSelect;

/** `%…%` for LIKE, with the text's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Everything stored about the person apart from the account row itself: their conversations and
 * messages, the registrations and mail for their address, webhook calls that name them, counters
 * keyed by their address, and their address in earlier audit entries. Contacts, sessions, tokens,
 * consents and reads go with the account (ON DELETE CASCADE).
 */
async function eraseTraces(tx: Tx, user: User) {
  await tx
    .delete(conversations)
    .where(or(eq(conversations.userAId, user.id), eq(conversations.userBId, user.id)));
  const erasedRegistrations = await tx
    .delete(registrations)
    .where(
      and(
        eq(registrations.workdomainId, user.workdomainId),
        eq(registrations.emailCanonical, user.emailCanonical),
      ),
    )
    .returning({ id: registrations.id });
  // Mail to them, and mail about them (the PIC's notice names their address).
  await tx
    .delete(emailOutbox)
    .where(
      or(
        sql`lower(${emailOutbox.toAddress}) = ${user.emailCanonical}`,
        sql`lower(${emailOutbox.props}::text) like ${containing(user.emailCanonical)}`,
      ),
    );
  await tx.delete(webhookDeliveries).where(like(webhookDeliveries.body, containing(user.id)));
  const erasedSignIns = await tx
    .delete(signInAttempts)
    .where(eq(signInAttempts.emailCanonical, user.emailCanonical))
    .returning({ id: signInAttempts.id });
  // Their codes' rows name no one, but belong to the flows just erased.
  const subjects = [...erasedRegistrations, ...erasedSignIns].map((row) => row.id);
  if (subjects.length > 0)
    await tx.delete(verificationCodes).where(inArray(verificationCodes.subjectId, subjects));
  await tx.delete(rateLimitCounters).where(like(rateLimitCounters.key, containing(user.emailCanonical)));
  await tx
    .update(auditLog)
    .set({ details: sql`${auditLog.details} - 'email' - 'name'` })
    .where(
      and(
        eq(auditLog.workdomainId, user.workdomainId),
        sql`lower(${auditLog.details}::text) like ${containing(user.emailCanonical)}`,
      ),
    );
}

/**
 * Erases an external user of the workdomain in one transaction (docs/privacy.md): their seat is free
 * again and their address may register again as a new person. The audit log keeps "user erased"
 * with the id only; `user.deleted` is queued. Internal users and the current PIC → 409 conflict;
 * a user of another workdomain → 404.
 */
export async function eraseUser(db: Database, workdomainId: string, userId: string, actor: Actor) {
  await db.transaction(async (tx) => {
    // The seat lock: an erasure and a registration competing for the last seat serialise.
    const settings = await lockSettings(tx, workdomainId);
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.workdomainId, workdomainId)))
      .for('update');
    if (!user) throw new AppError('user_not_found');
    if (user.kind !== 'external')
      throw new AppError('conflict', { message: 'Only external users can be erased; deactivate this one.' });
    if (settings.picUserId === user.id)
      throw new AppError('conflict', { message: 'Choose another person in charge before erasing this one.' });
    await eraseTraces(tx, user);
    await tx.delete(users).where(eq(users.id, user.id));
    await writeAudit(tx, workdomainId, actor, 'user_erased', { userId: user.id });
    await queueWebhookEvent(tx, workdomainId, 'user.deleted', { user: { id: user.id } });
  });
}
