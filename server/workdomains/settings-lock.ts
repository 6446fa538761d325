import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { registrationSettings } from '../db/schema/index.ts';

export type LockedSettings = typeof registrationSettings.$inferSelect;

/**
 * Locks the workdomain's registration settings row for the rest of the transaction, creating it
 * first if needed. Every change that can open or close registration or take a seat holds this row
 * lock, so they serialise per workdomain. All of them take it here except the registration
 * transaction (registration/complete.ts), which locks the same row in the statement that also reads
 * the workdomain and the PIC: the row exists by then (a link needs it), and it saves a round trip.
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
