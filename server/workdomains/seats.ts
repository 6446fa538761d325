import { and, count, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { users } from '../db/schema/index.ts';

/** Active external users: the seats that count against the workdomain's external-user limit. */
export async function seatsUsed(db: Queryable, workdomainId: string): Promise<number> {
  const [row] = await db
    .select({ used: count() })
    .from(users)
    .where(and(eq(users.workdomainId, workdomainId), eq(users.kind, 'external'), eq(users.status, 'active')));
  return row!.used;
}

/** The one seat rule: a new or returning external user needs a seat below the limit. */
export const hasFreeSeat = (used: number, externalUserLimit: number) => used < externalUserLimit;
