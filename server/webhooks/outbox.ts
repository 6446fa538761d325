import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../db/schema/index.ts';
import { claimLease, dueForClaim } from '../jobs/outbox-claim.ts';
import type { AttemptResult } from './delivery.ts';

/** When failed attempts are tried again, and for how long after the first attempt. */
export interface RetrySchedule {
  /** Wait after the 1st, 2nd, … failed attempt; the last one repeats. */
  backoffMs: number[];
  /** No new attempt is scheduled once this long has passed since the first one. */
  retryForMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const defaultRetrySchedule: RetrySchedule = {
  backoffMs: [5_000, 30_000, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR],
  retryForMs: 24 * HOUR,
};

/** Longer than an attempt can take, so a claimed delivery is only re-claimed when its worker died. */
const LEASE_SECONDS = 60;

export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/** Claims due deliveries for one worker, with the endpoint each one goes to (see dueForClaim). */
export async function claimDueDeliveries(db: Database, limit: number) {
  const due = dueForClaim(db, webhookDeliveries, limit);
  // One statement: a round with nothing due (most of them) costs one query, not a transaction.
  return db
    .update(webhookDeliveries)
    .set({
      ...claimLease(webhookDeliveries, LEASE_SECONDS),
      firstAttemptAt: sql`coalesce(${webhookDeliveries.firstAttemptAt}, now())`,
    })
    .from(webhookEndpoints)
    .where(and(inArray(webhookDeliveries.id, due), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
    .returning({
      id: webhookDeliveries.id,
      attempts: webhookDeliveries.attempts,
      body: webhookDeliveries.body,
      eventType: webhookDeliveries.eventType,
      firstAttemptAt: webhookDeliveries.firstAttemptAt,
      endpointId: webhookEndpoints.id,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
    });
}

/** The wait after the n-th failed attempt (1-based). */
export const backoffAfter = (schedule: RetrySchedule, attempt: number) =>
  schedule.backoffMs[Math.min(attempt, schedule.backoffMs.length) - 1] ?? schedule.backoffMs.at(-1)!;

/**
 * Records one attempt and moves the delivery on: delivered on a 2xx, otherwise retried after the
 * backoff, or failed once the retry period since the first attempt is over. The update only
 * applies to the claim it belongs to.
 */
export async function recordAttempt(
  db: Database,
  delivery: ClaimedDelivery,
  result: AttemptResult,
  schedule: RetrySchedule,
) {
  const excerpt = result.excerpt;
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      statusCode: result.statusCode,
      responseExcerpt: excerpt,
      error: result.error?.slice(0, 500) ?? null,
    });
    const claim = and(
      eq(webhookDeliveries.id, delivery.id),
      eq(webhookDeliveries.status, 'pending'),
      eq(webhookDeliveries.attempts, delivery.attempts),
    );
    const last = {
      lastStatusCode: result.statusCode,
      lastError: result.error?.slice(0, 500) ?? null,
      lastResponse: excerpt,
    };
    if (result.ok) {
      await tx
        .update(webhookDeliveries)
        .set({ ...last, status: 'delivered', finishedAt: sql`now()` })
        .where(claim);
      return;
    }
    const elapsedMs = Date.now() - (delivery.firstAttemptAt?.getTime() ?? Date.now());
    if (elapsedMs >= schedule.retryForMs) {
      await tx
        .update(webhookDeliveries)
        .set({ ...last, status: 'failed', finishedAt: sql`now()` })
        .where(claim);
      return;
    }
    const waitMs = backoffAfter(schedule, delivery.attempts);
    await tx
      .update(webhookDeliveries)
      .set({ ...last, nextAttemptAt: sql`now() + make_interval(secs => ${waitMs / 1000})` })
      .where(claim);
  });
}

/**
 * Deletes deliveries (and their attempts) that finished — delivered or given up — more than
 * `days` ago. Pending deliveries are never touched. For the periodic retention sweep.
 */
export async function sweepFinishedWebhookDeliveries(db: Database, days: number): Promise<number> {
  const deleted = await db
    .delete(webhookDeliveries)
    .where(
      and(
        inArray(webhookDeliveries.status, ['delivered', 'failed']),
        lt(webhookDeliveries.finishedAt, sql`now() - make_interval(days => ${days})`),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return deleted.length;
}
