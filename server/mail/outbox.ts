import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';
import type { EmailTemplateName, EmailTemplates } from './render.ts';

export interface QueuedEmail<K extends EmailTemplateName> {
  to: string;
  template: K;
  props: EmailTemplates[K];
  /** Groups mail that replaces earlier mail, such as the codes of one registration. */
  supersedeKey?: string;
  /** Cancel pending mail with the same key: a resent code kills the unsent old one. */
  replacesEarlierMail?: boolean;
}

/** Queue mail inside the caller's transaction: it is sent if and only if the change commits. */
export async function enqueueEmail<K extends EmailTemplateName>(
  tx: Queryable,
  email: QueuedEmail<K>,
): Promise<void> {
  if (email.supersedeKey && email.replacesEarlierMail) {
    await tx
      .update(emailOutbox)
      .set({ status: 'cancelled', props: {} })
      .where(and(eq(emailOutbox.supersedeKey, email.supersedeKey), eq(emailOutbox.status, 'pending')));
  }
  await tx.insert(emailOutbox).values({
    toAddress: email.to,
    template: email.template,
    props: email.props as unknown as Record<string, unknown>,
    supersedeKey: email.supersedeKey ?? null,
  });
}

/** How long a claimed mail is left to its worker before another may pick it up. */
export const EMAIL_LEASE_SECONDS = 60;

/**
 * Claims due mail for one worker in one statement: the claim pushes `next_attempt_at` a lease
 * ahead, so a worker that dies mid-send leaves the mail to be picked up again (at-least-once), and
 * SKIP LOCKED lets several processes share one outbox without sending a mail twice.
 */
export async function claimDueEmails(db: Database, limit: number) {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(emailOutbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({
      attempts: sql`${emailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${EMAIL_LEASE_SECONDS})`,
    })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

/** Marks delivered mail sent and erases its props (the codes in them), in one statement. */
export async function markEmailsSent(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: sql`now()`, props: {}, lastError: null })
    .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, 'pending')));
}

const MAX_ATTEMPTS = 200;

export async function markEmailFailed(
  db: Database,
  id: string,
  attempts: number,
  error: string,
): Promise<void> {
  // 1 s, 2 s, 4 s … capped at 5 minutes; about 16 hours of retries before giving up.
  const delay = Math.min(2 ** Math.max(0, attempts - 1), 300);
  await db
    .update(emailOutbox)
    .set({
      lastError: error.slice(0, 500),
      nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
      ...(attempts >= MAX_ATTEMPTS ? { status: 'failed' as const, props: {} } : {}),
    })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'pending')));
}

/** Mail waiting to be sent, and how long the oldest has waited (seconds; 0 when none). */
export async function outboxBacklog(db: Database): Promise<{ pending: number; oldestAgeSeconds: number }> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*)::int`,
      oldestAgeSeconds: sql<number>`coalesce(extract(epoch from now() - min(${emailOutbox.createdAt})), 0)::float8`,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.status, 'pending'));
  return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: Number(row?.oldestAgeSeconds ?? 0) };
}
