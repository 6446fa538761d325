import { and, eq, lte, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.ts';

/** The columns every outbox (mail, webhook calls) has for its workers. */
interface OutboxColumns {
  id: PgColumn;
  status: PgColumn;
  attempts: PgColumn;
  nextAttemptAt: PgColumn;
}

/**
 * The claim both outboxes make, in one statement with the update that uses it: rows due now, oldest
 * first, locked for this claim and skipped by every other worker (SKIP LOCKED), so several processes
 * share one outbox and none handles a row twice.
 */
export function dueForClaim(db: Database, outbox: PgTable & OutboxColumns, limit: number) {
  return db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`)))
    .orderBy(outbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}

/**
 * What a claim sets: one more attempt, and the next one a lease ahead, so a worker that dies
 * mid-send leaves the row to be claimed again (at least once).
 */
export const claimLease = (outbox: OutboxColumns, leaseSeconds: number) => ({
  attempts: sql`${outbox.attempts} + 1`,
  nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`,
});
