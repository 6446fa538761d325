import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { rateLimitCounters } from '../db/schema/index.ts';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window ends. */
  retryAfter: number;
}

function windowOf(windowSeconds: number, now = Date.now()) {
  const windowMs = windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  return { start: new Date(start), retryAfter: Math.ceil((start + windowMs - now) / 1000) };
}

/** Counts one hit against `key` in a fixed window, atomically, and says whether it was within the limit. */
export async function consumeRateLimit(
  db: Queryable,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitResult> {
  const window = windowOf(rule.windowSeconds);
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart: window.start, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  return { allowed: row!.count <= rule.limit, retryAfter: window.retryAfter };
}

/** Whether `key` is already at its limit in the current window, without counting. */
export async function peekRateLimit(
  db: Queryable,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitResult> {
  const window = windowOf(rule.windowSeconds);
  const [row] = await db
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, window.start)));
  return { allowed: (row?.count ?? 0) < rule.limit, retryAfter: window.retryAfter };
}
