import { and, eq, inArray, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';
import {
  emailOutbox,
  jobLeases,
  loginTokens,
  passwordResets,
  rateLimitCounters,
  registrations,
  sessions,
  signInAttempts,
  verificationCodes,
} from '../db/schema/index.ts';
import type { Logger } from '../logger.ts';
import { sweepFinishedWebhookDeliveries } from '../webhooks/outbox.ts';

const JOB = 'retention';
/** One sweep per hour across all processes; each process looks every few minutes. */
const ROUND_SECONDS = 60 * 60;
const CHECK_EVERY_MS = 5 * 60 * 1000;
const FIRST_CHECK_MS = 30 * 1000;
const BATCH = 5000;

/**
 * Claims this round of `job` for the calling process: exactly one of any number of concurrent
 * callers moves next_run_at forward (the row lock makes the others re-read it and match nothing).
 */
export async function claimRound(db: Database, job: string, roundSeconds: number): Promise<boolean> {
  await db.insert(jobLeases).values({ name: job }).onConflictDoNothing();
  const claimed = await db
    .update(jobLeases)
    .set({ nextRunAt: sql`now() + make_interval(secs => ${roundSeconds})` })
    .where(and(eq(jobLeases.name, job), lte(jobLeases.nextRunAt, sql`now()`)))
    .returning({ name: jobLeases.name });
  return claimed.length > 0;
}

/** Deletes matching rows a batch at a time, so no statement holds many locks for long. */
async function deleteInBatches(db: Database, table: PgTable, where: SQL): Promise<number> {
  let total = 0;
  for (;;) {
    const batch = sql`select ctid from ${table} where ${where} limit ${BATCH}`;
    const deleted = await db.delete(table).where(sql`ctid = any(array(${batch}))`).returning({ one: sql`1` });
    total += deleted.length;
    if (deleted.length < BATCH) return total;
  }
}

/**
 * Deletes what has been finished for longer than `days`: registrations whose code ran out
 * (completed, dead or abandoned), mail that was sent, cancelled or gave up, expired or revoked
 * sessions, expired login tokens, sign-in codes and reset links, rate-limit windows that ended,
 * and webhook deliveries that succeeded or gave up. Pending mail and deliveries, live codes and
 * funnel counts are never touched.
 */
export async function sweepRetention(db: Database, days: number) {
  const cutoff = sql`now() - make_interval(days => ${days})`;
  const codeRanOut = db
    .select({ id: verificationCodes.subjectId })
    .from(verificationCodes)
    .where(lt(verificationCodes.expiresAt, cutoff));
  return {
    registrations: await deleteInBatches(db, registrations, inArray(registrations.id, codeRanOut)),
    outbox: await deleteInBatches(
      db,
      emailOutbox,
      and(
        inArray(emailOutbox.status, ['sent', 'cancelled', 'failed']),
        lt(sql`coalesce(${emailOutbox.sentAt}, ${emailOutbox.createdAt})`, cutoff),
      )!,
    ),
    sessions: await deleteInBatches(
      db,
      sessions,
      or(lt(sessions.expiresAt, cutoff), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, cutoff)))!,
    ),
    loginTokens: await deleteInBatches(db, loginTokens, lt(loginTokens.expiresAt, cutoff)),
    signInAttempts: await deleteInBatches(db, signInAttempts, inArray(signInAttempts.id, codeRanOut)),
    // After their registrations and sign-in attempts, which find theirs by it.
    verificationCodes: await deleteInBatches(db, verificationCodes, lt(verificationCodes.expiresAt, cutoff)),
    passwordResets: await deleteInBatches(db, passwordResets, lt(passwordResets.expiresAt, cutoff)),
    // Windows last at most a day: one that started a day before the cutoff has surely ended.
    rateLimitWindows: await deleteInBatches(
      db,
      rateLimitCounters,
      lt(rateLimitCounters.windowStart, sql`${cutoff} - interval '1 day'`),
    ),
    webhookDeliveries: await sweepFinishedWebhookDeliveries(db, days),
  };
}

/** One round if this process wins it; null when another process has it. */
export async function runRetentionRound(db: Database, days: number, roundSeconds = ROUND_SECONDS) {
  if (!(await claimRound(db, JOB, roundSeconds))) return null;
  return sweepRetention(db, days);
}

/** One check: the round, if this process wins it, logged with how many rows of each kind went. */
export function retentionTick(db: Database, days: number, logger: Logger, roundSeconds = ROUND_SECONDS) {
  return runRetentionRound(db, days, roundSeconds).then(
    (deleted) => {
      if (deleted) logger.info('retention sweep', { days, deleted });
    },
    (error: unknown) =>
      logger.warn('retention sweep failed', { error: error instanceof Error ? error.message : 'unknown' }),
  );
}

/** Every process checks now and then; the database lets one of them sweep per round. */
export function startRetentionSweeper(db: Database, days: number, logger: Logger) {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = retentionTick(db, days, logger);
  };
  const first = setTimeout(tick, FIRST_CHECK_MS);
  const every = setInterval(tick, CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
