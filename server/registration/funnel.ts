import { and, eq, gt, sql } from 'drizzle-orm';
import type { FunnelCounts } from '../../contract/admin.ts';
import type { Queryable } from '../db/client.ts';
import { funnelEvents } from '../db/schema/index.ts';

type FunnelWindow = FunnelCounts;
export type FunnelEvent = (typeof funnelEvents.$inferSelect)['kind'];

/** Counts one step of a registrant's way, inside the caller's transaction when there is one. */
export async function recordFunnelEvent(db: Queryable, workdomainId: string, ...kinds: FunnelEvent[]) {
  await db.insert(funnelEvents).values(kinds.map((kind) => ({ workdomainId, kind })));
}

const fieldOf = {
  link_viewed: 'linkViews',
  code_sent: 'codesSent',
  verified: 'verified',
  account_created: 'accountsCreated',
} as const satisfies Record<FunnelEvent, keyof FunnelWindow>;

const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;

/** How far registrants get over the last 7 and 30 days, in one scan of the workdomain's events. */
export async function registrationFunnel(db: Queryable, workdomainId: string) {
  const rows = await db
    .select({
      kind: funnelEvents.kind,
      last7Days: sql<number>`(count(*) filter (where ${funnelEvents.createdAt} > ${daysAgo(7)}))::int`,
      last30Days: sql<number>`count(*)::int`,
    })
    .from(funnelEvents)
    .where(and(eq(funnelEvents.workdomainId, workdomainId), gt(funnelEvents.createdAt, daysAgo(30))))
    .groupBy(funnelEvents.kind);
  const empty = (): FunnelWindow => ({ linkViews: 0, codesSent: 0, verified: 0, accountsCreated: 0 });
  const funnel = { last7Days: empty(), last30Days: empty() };
  for (const row of rows) {
    funnel.last7Days[fieldOf[row.kind]] = Number(row.last7Days);
    funnel.last30Days[fieldOf[row.kind]] = Number(row.last30Days);
  }
  return funnel;
}
