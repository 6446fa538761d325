import type { Queryable } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';

export type Actor = { kind: 'admin'; userId: string } | { kind: 'operator' } | { kind: 'system' };

/** One audit entry, inside the caller's transaction so it commits with the change it records. */
export async function writeAudit(
  db: Queryable,
  workdomainId: string,
  actor: Actor,
  action: string,
  details: Record<string, unknown> = {},
) {
  await db.insert(auditLog).values({
    workdomainId,
    actor: actor.kind,
    actorUserId: actor.kind === 'admin' ? actor.userId : null,
    action,
    details,
  });
}
