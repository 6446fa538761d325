import { and, eq, gte, sql } from 'drizzle-orm';
import type { Funnel, FunnelCounts } from '../../contract/admin.ts';
import type { Queryable } from '../db/client.ts';
import { type FunnelKind, funnelDaily, registrationLinks } from '../db/schema/index.ts';

export type FunnelEvent = FunnelKind;

/** Where a funnel step happened: the workdomain and the link the registrant came through. */
export interface FunnelPlace {
  workdomainId: string;
  linkId: string;
}

/**
 * Counts steps of a registrant's way, inside the caller's transaction when there is one. One row per
 * workdomain, link, day and step is counted up, so the table stays small whatever the traffic.
 */
export async function recordFunnelEvent(db: Queryable, place: FunnelPlace, ...kinds: FunnelEvent[]) {
  await db
    .insert(funnelDaily)
    .values(
      kinds.map((kind) => ({
        workdomainId: place.workdomainId,
        linkId: place.linkId,
        day: sql`(now() at time zone 'utc')::date`,
        kind,
        count: 1,
      })),
    )
    .onConflictDoUpdate({
      target: [funnelDaily.workdomainId, funnelDaily.day, funnelDaily.linkId, funnelDaily.kind],
      set: { count: sql`${funnelDaily.count} + 1` },
    });
}

/** The steps as counted: one counter per funnel event. */
type StepCounts = Omit<FunnelCounts, 'signIns' | 'newAccountRate' | 'signInRate'>;

const fieldOf = {
  link_viewed: 'linkViews',
  code_sent: 'codesSent',
  sign_in_code_sent: 'signInCodesSent',
  notice_sent: 'noticesSent',
  verified: 'verified',
  account_created: 'accountsCreated',
} as const satisfies Record<FunnelEvent, keyof StepCounts>;

const empty = (): StepCounts => ({
  linkViews: 0,
  codesSent: 0,
  signInCodesSent: 0,
  noticesSent: 0,
  verified: 0,
  accountsCreated: 0,
});

/**
 * `part` as a share of `whole`, never above 1: a code sent just before a window's first day can be
 * verified inside it. Null when nothing was sent.
 */
export const shareOf = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : null);

/**
 * Adds what the counters imply. Every verified code is either a new account or a member's sign-in
 * (both record `verified`; a new account also records `account_created`), so each is measured
 * against the codes of its own kind.
 */
export function withShares(counts: StepCounts): FunnelCounts {
  const signIns = Math.max(0, counts.verified - counts.accountsCreated);
  return {
    ...counts,
    signIns,
    newAccountRate: shareOf(counts.accountsCreated, counts.codesSent),
    signInRate: shareOf(signIns, counts.signInCodesSent),
  };
}

// Days are UTC days; "last 7 days" is today and the 6 days before it.
const sinceDay = (days: number) => sql`(now() at time zone 'utc')::date - ${days - 1}::int`;

/** How far registrants get over the last 7 and 30 days, in total and per link (with its label). */
export async function registrationFunnel(db: Queryable, workdomainId: string): Promise<Funnel> {
  const rows = await db
    .select({
      linkId: funnelDaily.linkId,
      label: registrationLinks.label,
      deletedAt: registrationLinks.deletedAt,
      kind: funnelDaily.kind,
      last7Days: sql<number>`coalesce(sum(${funnelDaily.count}) filter (where ${funnelDaily.day} >= ${sinceDay(7)}), 0)::int`,
      last30Days: sql<number>`sum(${funnelDaily.count})::int`,
    })
    .from(funnelDaily)
    .leftJoin(registrationLinks, eq(registrationLinks.linkId, funnelDaily.linkId))
    .where(and(eq(funnelDaily.workdomainId, workdomainId), gte(funnelDaily.day, sinceDay(30))))
    .groupBy(funnelDaily.linkId, registrationLinks.linkId, funnelDaily.kind);
  const total = { last7Days: empty(), last30Days: empty() };
  const links = new Map<string, { label: string | null; deleted: boolean } & typeof total>();
  for (const row of rows) {
    const field = fieldOf[row.kind];
    const link = links.get(row.linkId) ?? {
      label: row.label,
      deleted: row.deletedAt !== null,
      last7Days: empty(),
      last30Days: empty(),
    };
    links.set(row.linkId, link);
    for (const counts of [total, link]) {
      counts.last7Days[field] += Number(row.last7Days);
      counts.last30Days[field] += Number(row.last30Days);
    }
  }
  const byLink = [...links].map(([linkId, { label, deleted, last7Days, last30Days }]) => ({
    linkId,
    label,
    deleted,
    last7Days: withShares(last7Days),
    last30Days: withShares(last30Days),
  }));
  byLink.sort((a, b) => b.last30Days.linkViews - a.last30Days.linkViews || a.linkId.localeCompare(b.linkId));
  return { last7Days: withShares(total.last7Days), last30Days: withShares(total.last30Days), byLink };
}
