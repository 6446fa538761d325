import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { registrationSettings } from '../db/schema/index.ts';

export type LockedSettings = typeof registrationSettings.$inferSelect;

/**
 * Locks the workdomain's registration settings row for the rest of the transaction. Every change
 * that can open or close registration or take a seat goes through this lock, so they serialise per
 * workdomain.
 */
export async function lockSettings(tx: Tx, workdomainId: string): Promise<LockedSettings> {
  await tx.insert(registrationSettings).values({ workdomainId }).onConflictDoNothing();
  const [settings] = await tx
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.workdomainId, workdomainId))
    .for('update');
  return settings!;
}
