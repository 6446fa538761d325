import { and, desc, eq, lt, notInArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { refusedOrigins } from '../db/schema/index.ts';
import { normaliseOrigin } from './origins.ts';

/** How many refused web sites a workdomain keeps: the latest distinct ones. */
export const REFUSED_ORIGINS_KEPT = 10;
// A site refused again within this time is not written again: a busy page makes no write storm.
const REFRESH_AFTER = sql`interval '1 minute'`;

/**
 * Remembers that `origin` was refused for the workdomain: one upsert, and a prune only when a new
 * origin arrived, so the list stays at most REFUSED_ORIGINS_KEPT long. Malformed origins are skipped.
 */
export async function recordRefusedOrigin(db: Queryable, workdomainId: string, header: string) {
  const origin = header.length <= 300 ? normaliseOrigin(header) : null;
  if (!origin) return;
  const written = await db
    .insert(refusedOrigins)
    .values({ workdomainId, origin })
    .onConflictDoUpdate({
      target: [refusedOrigins.workdomainId, refusedOrigins.origin],
      set: { lastRefusedAt: sql`now()` },
      where: lt(refusedOrigins.lastRefusedAt, sql`now() - ${REFRESH_AFTER}`),
    })
    .returning({ inserted: sql<boolean>`xmax = 0` });
  if (!written[0]?.inserted) return;
  const kept = db
    .select({ origin: refusedOrigins.origin })
    .from(refusedOrigins)
    .where(eq(refusedOrigins.workdomainId, workdomainId))
    .orderBy(desc(refusedOrigins.lastRefusedAt))
    .limit(REFUSED_ORIGINS_KEPT);
  await db
    .delete(refusedOrigins)
    .where(and(eq(refusedOrigins.workdomainId, workdomainId), notInArray(refusedOrigins.origin, kept)));
}

/** The refused web sites, latest first, for the admin panel. */
export async function listRefusedOrigins(db: Queryable, workdomainId: string) {
  const rows = await db
    .select({ origin: refusedOrigins.origin, at: refusedOrigins.lastRefusedAt })
    .from(refusedOrigins)
    .where(eq(refusedOrigins.workdomainId, workdomainId))
    .orderBy(desc(refusedOrigins.lastRefusedAt))
    .limit(REFUSED_ORIGINS_KEPT);
  return rows.map(({ origin, at }) => ({ origin, at: at.toISOString() }));
}
