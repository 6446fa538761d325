import { and, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { limits } from '../../contract/limits.ts';
import { registrations } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { codeMatches, hashCode, normaliseCodeInput } from '../verification/codes.ts';
import * as refusals from '../verification/refusals.ts';
import { alreadyComplete, createAccount, signIn, type VerifyOutcome } from './complete.ts';
import { findRegistration, type Registration } from './lookup.ts';
import { registrationTransitions } from './states.ts';

/**
 * Counts a wrong code in one statement, so parallel guesses are all counted, and kills the
 * registration on the last allowed one. A registration whose right code was already accepted
 * keeps its state: wrong guesses arriving meanwhile cannot take it away.
 */
async function countWrongCode(deps: AppDeps, registration: Registration, superseded = false): Promise<never> {
  const [counted] = await deps.db
    .update(registrations)
    .set({
      attempts: sql`${registrations.attempts} + 1`,
      state: sql`case when ${registrations.attempts} + 1 >= ${limits.maxCodeAttempts}
        and ${inArray(registrations.state, registrationTransitions.kill)} then 'dead' else ${registrations.state} end`,
    })
    .where(eq(registrations.id, registration.id))
    .returning({ attempts: registrations.attempts, state: registrations.state });
  // Only a dead registration refuses every code; an accepted one keeps answering "not right".
  const attempts =
    counted!.state === 'dead' ? counted!.attempts : Math.min(counted!.attempts, limits.maxCodeAttempts);
  // A code replaced by a resend is a wrong try too, but its holder needs to hear why.
  throw refusals.wrongCode(attempts, superseded);
}

/**
 * Marks the chosen registration's right code as accepted, unless it expired or five wrong codes got
 * there first; answers the accepted row, or nothing.
 */
async function markAccepted(deps: AppDeps, which: SQL | undefined): Promise<Registration | undefined> {
  const [accepted] = await deps.db
    .update(registrations)
    .set({ state: 'verified' })
    .where(
      and(
        which,
        inArray(registrations.state, registrationTransitions.accept),
        gt(registrations.codeExpiresAt, sql`now()`),
        or(eq(registrations.state, 'verified'), lt(registrations.attempts, limits.maxCodeAttempts)),
      ),
    )
    .returning();
  return accepted;
}

/** Accepts a code already checked against the registration, or says why it cannot. */
async function acceptRightCode(deps: AppDeps, registration: Registration) {
  if (await markAccepted(deps, eq(registrations.id, registration.id))) return;
  await explainRefusal(deps, registration);
}

/** Why a right code was not accepted: already used, dead, or expired meanwhile. */
async function explainRefusal(deps: AppDeps, registration: Registration): Promise<never> {
  const [now] = await deps.db
    .select({ state: registrations.state })
    .from(registrations)
    .where(eq(registrations.id, registration.id));
  if (now?.state === 'completed') throw alreadyComplete();
  throw refusals.refusedRightCode(
    now && { used: false, attempts: now.state === 'dead' ? limits.maxCodeAttempts : 0 },
  );
}

/**
 * The proof: the registration's emailed code, counted when wrong and accepted when right. What the
 * accepted code leads to (a new account or a member's sign-in) is complete.ts's business.
 */
export async function verifyRegistration(
  deps: AppDeps,
  linkId: string,
  input: { registrationId: string; code: string },
): Promise<VerifyOutcome> {
  const code = normaliseCodeInput(input.code);
  if (!code) throw refusals.malformedCode();
  const accepted = await acceptRightCodeAtOnce(deps, linkId, input.registrationId, code);
  if (accepted) return createAccount(deps, accepted, code);

  const registration = await findRegistration(deps, linkId, input.registrationId);
  if (registration.state === 'completed') throw alreadyComplete();
  // A try at a dead registration still counts, so parallel guesses are all counted.
  if (registration.state === 'dead') await countWrongCode(deps, registration);
  if (registration.codeExpiresAt.getTime() <= Date.now()) throw refusals.codeExpired();
  if (!codeMatches(deps.keys.codeKey, registration.id, code, registration.codeHash)) {
    const superseded = codeMatches(deps.keys.codeKey, registration.id, code, registration.previousCodeHash);
    await countWrongCode(deps, registration, superseded);
  }
  if (registration.state === 'signin_code_sent') {
    const signedIn = await signIn(deps, linkId, registration);
    if (!signedIn) return explainRefusal(deps, registration);
    return { status: 200, body: signedIn };
  }
  await acceptRightCode(deps, registration);
  return createAccount(deps, registration, code);
}

/**
 * The common case in one statement: the right code, in time, for a registration that may still
 * take it, accepted as acceptRightCode accepts. Anything else (a wrong or replaced code, a used, dead
 * or expired registration, a returning member's sign-in) matches no row and takes the path above
 * that explains it.
 */
function acceptRightCodeAtOnce(deps: AppDeps, linkId: string, registrationId: string, code: string) {
  return markAccepted(
    deps,
    and(
      eq(registrations.id, registrationId),
      eq(registrations.linkId, linkId),
      eq(registrations.codeHash, hashCode(deps.keys.codeKey, registrationId, code)),
    ),
  );
}
