import { and, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.ts';
import { pipeline } from '../db/pipeline.ts';
import { contacts, conversations, messages, users } from '../db/schema/index.ts';
import { systemLine } from './system-lines.ts';

interface Person {
  id: string;
  name: string;
}

/** Active external users of the workdomain who have `picId` as a contact (contacts are stored both ways). */
const registrantsOf = (db: Queryable, workdomainId: string, picId: string) =>
  db
    .select({ id: users.id })
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.contactUserId))
    .where(
      and(
        eq(contacts.userId, picId),
        eq(users.workdomainId, workdomainId),
        eq(users.status, 'active'),
        eq(users.kind, 'external'),
      ),
    );

/** How many registrants a person in charge looks after: who a handover would move. */
export async function countRegistrants(db: Queryable, workdomainId: string, picId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(registrantsOf(db, workdomainId, picId).as('registrants'));
  return Number(row?.count ?? 0);
}

/**
 * Hands everyone the previous person in charge looked after to the new one, inside the caller's
 * transaction: a contact both ways, their conversation (the old one stays as it is) and a system
 * line in it naming who now looks after them. Set-based, so a PIC with thousands of registrants
 * costs four statements. Answers how many were handed over.
 */
export async function handOverRegistrants(
  tx: Tx,
  workdomainId: string,
  previousPicId: string,
  newPic: Person,
) {
  const registrants = registrantsOf(tx, workdomainId, previousPicId).as('r');
  const to = sql`${newPic.id}::uuid`;
  const line = systemLine({ type: 'pic_assigned', pic: { id: newPic.id, name: newPic.name } });
  // Sent together and run in this order: each statement finds the rows the one before wrote.
  const [count] = await pipeline([
    countRegistrants(tx, workdomainId, previousPicId),
    tx.execute(sql`
      insert into ${contacts} (user_id, contact_user_id)
      select ${registrants.id}, ${to} from ${registrants}
      union all
      select ${to}, ${registrants.id} from ${registrants}
      on conflict do nothing`),
    // The pair is stored in sorted order (userAId < userBId), as createFirstContact does.
    tx.execute(sql`
      insert into ${conversations} (workdomain_id, user_a_id, user_b_id)
      select ${workdomainId}::uuid, least(${registrants.id}, ${to}), greatest(${registrants.id}, ${to})
      from ${registrants}
      on conflict do nothing`),
    tx.execute(sql`
      insert into ${messages} (conversation_id, sender_id, kind, body, event)
      select c.id, null, ${line.kind}, ${line.body}, ${JSON.stringify(line.event)}::jsonb
      from ${registrants}
      join ${conversations} c
        on c.user_a_id = least(${registrants.id}, ${to}) and c.user_b_id = greatest(${registrants.id}, ${to})`),
  ]);
  return count;
}
