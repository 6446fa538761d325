import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterCommit } from '../db/after-commit.ts';
import type { Database, Queryable } from '../db/client.ts';
import { emailOutbox } from '../db/schema/index.ts';
import { claimLease, dueForClaim } from '../jobs/outbox-claim.ts';
import { createWakeSignal } from '../jobs/wake-signal.ts';
import type { EmailTemplateName, EmailTemplates } from './render.ts';
import type { PicDigestProps } from './templates/pic-digest.tsx';

/** Notified after each commit that queued mail; the mail worker listens. */
export const mailQueued = createWakeSignal();

export interface QueuedEmail<K extends EmailTemplateName> {
  to: string;
  template: K;
  props: EmailTemplates[K];
  /** Groups mail that replaces earlier mail, such as the codes of one registration. */
  supersedeKey?: string;
  /** Cancel pending mail with the same key: a resent code kills the unsent old one. */
  replacesEarlierMail?: boolean;
}

/**
 * Queue mail inside the caller's transaction: it is sent if and only if the change commits, and
 * the worker is woken right after the commit.
 */
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
  afterCommit(tx, mailQueued.notify);
}

/** How long a claimed mail is left to its worker before another may pick it up. */
export const EMAIL_LEASE_SECONDS = 60;

/** The shortest time between two summaries to one person in charge. */
export const DIGEST_INTERVAL_MINUTES = 15;

/**
 * Adds a registrant to the person in charge's open summary, or opens one, in one statement. An
 * open summary is a pending mail no worker has claimed yet (the partial unique index holds one per
 * PIC); a new one is due at once, or 15 minutes after the last summary went out (or, while one is
 * being sent, after its lease ends), so the PIC gets at most one every 15 minutes however many
 * instances write to it.
 */
export async function addToOpenDigest(
  tx: Queryable,
  digest: { to: string; key: string; props: PicDigestProps },
) {
  const entry = digest.props.registrantList;
  await tx.execute(sql`
    insert into ${emailOutbox} (to_address, template, props, supersede_key, next_attempt_at)
    values (
      ${digest.to}, 'pic-digest', ${JSON.stringify(digest.props)}::jsonb, ${digest.key},
      greatest(now(), (
        -- A summary being sent right now goes out within its lease: count from the lease's end.
        select max(case when status = 'sent' then sent_at else now() + make_interval(secs => ${EMAIL_LEASE_SECONDS}) end)
          + make_interval(mins => ${DIGEST_INTERVAL_MINUTES})
        from ${emailOutbox}
        where supersede_key = ${digest.key} and template = 'pic-digest' and status in ('pending', 'sent')
      ))
    )
    on conflict (supersede_key) where template = 'pic-digest' and status = 'pending' and attempts = 0
    do update set props = ${emailOutbox}.props
      || jsonb_build_object(
        'count', (${emailOutbox}.props->>'count')::int + 1,
        'registrantList', (${emailOutbox}.props->>'registrantList') || ${`\n\n${entry}`}
      )`);
  afterCommit(tx, mailQueued.notify);
}

/** Claims due mail for one worker in one statement (see dueForClaim). */
export async function claimDueEmails(db: Database, limit: number) {
  return db
    .update(emailOutbox)
    .set(claimLease(emailOutbox, EMAIL_LEASE_SECONDS))
    .where(inArray(emailOutbox.id, dueForClaim(db, emailOutbox, limit)))
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
