import { and, eq } from 'drizzle-orm';
import { registrations, verificationCodes } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { StoredCode } from '../verification/store.ts';

export type Registration = typeof registrations.$inferSelect;
/** A registration with its mailed code, read in one statement. */
export type RegistrationWithCode = Registration & { code: StoredCode };

export async function findRegistration(
  deps: AppDeps,
  linkId: string,
  registrationId: string,
): Promise<RegistrationWithCode> {
  const [found] = await deps.db
    .select({ registration: registrations, code: verificationCodes })
    .from(registrations)
    .innerJoin(verificationCodes, eq(verificationCodes.subjectId, registrations.id))
    .where(and(eq(registrations.id, registrationId), eq(registrations.linkId, linkId)));
  if (!found) throw new AppError('registration_not_found');
  return { ...found.registration, code: found.code };
}
