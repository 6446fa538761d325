import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { rateLimitCounters } from '../db/schema/index.ts';

/**
 * Marks `key` as used, atomically: true the first time, false for every later (or concurrent) use.
 * Kept as a rate-limit counter whose window starts when the thing expires, so the sweep of ended
 * windows removes it once it could not be used anyway.
 */
export async function claimOnce(db: Queryable, key: string, expiresAt: Date): Promise<boolean> {
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart: expiresAt, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  return row?.count === 1;
}
