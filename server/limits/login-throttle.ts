import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { rateLimitCounters } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { consumeRateLimits, refusal } from './rate-limits.ts';

const WINDOW_SECONDS = 15 * 60;

/**
 * The throttle key of a login ID. It depends only on what was typed, never on whether the
 * account exists, so a 429 says nothing about existence.
 */
export const loginThrottleKey = (workdomainSlug: string, emailCanonical: string) =>
  `login:${workdomainSlug}:${emailCanonical}`;

export interface LoginAttempt {
  /** A successful attempt is not a failure: hand its count back. */
  succeeded(): Promise<void>;
}

/**
 * Counts the attempt before the password is checked, so parallel guesses cannot slip past the
 * limit while their hashes run; a success gives its count back. Over the limit: 429, with no
 * password check at all.
 */
export const takeLoginAttempt = (deps: AppDeps, key: string) => takeLoginAttempts(deps, [key]);

/** Counts a try against each of several login IDs in one statement; over any limit: 429. */
export async function takeLoginAttempts(deps: AppDeps, keys: string[]): Promise<LoginAttempt> {
  const windowSeconds = WINDOW_SECONDS;
  const windowStart = new Date(Math.floor(Date.now() / (windowSeconds * 1000)) * windowSeconds * 1000);
  const limit = deps.config.rateLimits.loginFailuresPerAccount;
  const refused = refusal(
    await consumeRateLimits(
      deps.db,
      keys.map((key) => ({ key, limit, windowSeconds })),
    ),
  );
  if (refused) {
    throw new AppError('rate_limited', {
      message: 'Too many failed sign-ins. Please wait and try again.',
      retryAfter: refused.retryAfter,
    });
  }
  return {
    async succeeded() {
      await deps.db
        .update(rateLimitCounters)
        .set({ count: sql`${rateLimitCounters.count} - 1` })
        .where(
          and(
            inArray(rateLimitCounters.key, keys),
            eq(rateLimitCounters.windowStart, windowStart),
            gt(rateLimitCounters.count, 0),
          ),
        );
    },
  };
}

/** A completed password reset lifts the lock-out of that login ID. */
export async function clearLoginFailures(db: Queryable, key: string) {
  await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key));
}
