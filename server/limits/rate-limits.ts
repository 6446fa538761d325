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
  /** Hits left in the current window after this one (0 when at or over the limit). */
  remaining?: number;
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
  const [result] = await consumeRateLimits(db, [{ key, ...rule }]);
  return result!;
}

/** Several counters in one statement (one round trip); results in the order given. */
export async function consumeRateLimits(
  db: Queryable,
  counters: (RateLimitRule & { key: string })[],
): Promise<RateLimitResult[]> {
  const windows = counters.map((counter) => windowOf(counter.windowSeconds));
  const rows = await db
    .insert(rateLimitCounters)
    .values(counters.map((counter, i) => ({ key: counter.key, windowStart: windows[i]!.start, count: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ key: rateLimitCounters.key, count: rateLimitCounters.count });
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  return counters.map((counter, i) => ({
    allowed: (counts.get(counter.key) ?? 0) <= counter.limit,
    retryAfter: windows[i]!.retryAfter,
    remaining: Math.max(0, counter.limit - (counts.get(counter.key) ?? 0)),
  }));
}

/** The refusal among results, as the 429 to answer with (the longest wait wins); null when all passed. */
export function refusal(results: RateLimitResult[]): RateLimitResult | null {
  const refused = results.filter((result) => !result.allowed);
  if (refused.length === 0) return null;
  return { allowed: false, retryAfter: Math.max(...refused.map((result) => result.retryAfter)) };
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
