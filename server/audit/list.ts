import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { auditLog, users } from '../db/schema/index.ts';

export const DEFAULT_AUDIT_LIMIT = 50;

/** The workdomain's audit trail, newest first, with the acting admin's current name. */
export async function listAudit(db: Queryable, workdomainId: string, limit = DEFAULT_AUDIT_LIMIT) {
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actor: auditLog.actor,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.workdomainId, workdomainId))
    // created_at is clock_timestamp(), so entries of one transaction keep their write order.
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
