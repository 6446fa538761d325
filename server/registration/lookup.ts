import { and, eq } from 'drizzle-orm';
import { registrations } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

export type Registration = typeof registrations.$inferSelect;

export async function findRegistration(
  deps: AppDeps,
  linkId: string,
  registrationId: string,
): Promise<Registration> {
  const [registration] = await deps.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.linkId, linkId)));
  if (!registration) throw new AppError('registration_not_found');
  return registration;
}
