import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { limits } from '../../contract/limits.ts';
import { registrations } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { codeMatches, hashCode, normaliseCodeInput } from '../verification/codes.ts';
import * as refusals from '../verification/refusals.ts';
import { acceptStep, killedBy, triesCounted, wrongTryStep } from '../verification/store.ts';
import { alreadyComplete, createAccount, signIn, type VerifyOutcome } from './complete.ts';
import { findRegistration, type Registration } from './lookup.ts';
import { registrationTransitions } from './states.ts';

/**
 * Counts a wrong code in one statement, so parallel guesses are all counted, and kills the
 * registration on the last allowed one. A registration whose right code was already accepted
 * keeps its state: wrong guesses arriving meanwhile cannot take it away.
 */
async function countWrongCode(deps: AppDeps, registration: Registration, superseded = false): Promise<never> {
  const counted = wrongTryStep(deps.db, registration.id);
  const killed = deps.db.$with('killed').as(
    deps.db
      .update(registrations)
      .set({ state: 'dead' })
      .where(
        and(
          eq(registrations.id, registration.id),
          inArray(registrations.state, registrationTransitions.kill),
          killedBy(counted),
        ),
      )
      .returning({ id: registrations.id }),
  );
  const [row] = await deps.db.with(counted, killed).select().from(counted);
  // A code replaced by a resend is a wrong try too, but its holder needs to hear why.
  throw refusals.wrongCode(row ? triesCounted(row) : limits.maxCodeAttempts + 1, superseded);
}

/**
 * Marks the registration's right code as accepted, in one statement with the code's own
 * acceptance, unless it expired or five wrong codes got there first; answers the accepted row, or
 * nothing. `codeHash` checks the code in the same statement.
 */
async function markAccepted(
  deps: AppDeps,
  registrationId: string,
  which?: SQL,
  codeHash?: string,
): Promise<Registration | undefined> {
  const acceptable = sql`exists (select 1 from ${registrations} where ${and(
    eq(registrations.id, registrationId),
    which,
    inArray(registrations.state, registrationTransitions.accept),
  )})`;
  const accepted = acceptStep(deps.db, registrationId, codeHash, acceptable);
  const [row] = await deps.db
    .with(accepted)
    .update(registrations)
    .set({ state: 'verified' })
    .where(
      and(
        eq(registrations.id, registrationId),
        which,
        inArray(registrations.state, registrationTransitions.accept),
        inArray(registrations.id, deps.db.select({ id: accepted.subjectId }).from(accepted)),
      ),
    )
    .returning();
  return row;
}

/** Accepts a code already checked against the registration, or says why it cannot. */
async function acceptRightCode(deps: AppDeps, registration: Registration) {
  if (await markAccepted(deps, registration.id)) return;
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
  if (registration.code.expiresAt.getTime() <= Date.now()) throw refusals.codeExpired();
  if (!codeMatches(deps.keys.codeKey, registration.id, code, registration.code.codeHash)) {
    const superseded = codeMatches(
      deps.keys.codeKey,
      registration.id,
      code,
      registration.code.previousCodeHash,
    );
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
    registrationId,
    eq(registrations.linkId, linkId),
    hashCode(deps.keys.codeKey, registrationId, code),
  );
}
