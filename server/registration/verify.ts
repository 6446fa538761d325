import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { limits } from '../../contract/limits.ts';
import type { Verified } from '../../contract/registration.ts';
import { writeAudit } from '../audit/write.ts';
import { storedAnswers } from '../chat/answer-lines.ts';
import { createFirstContact, postToPic } from '../chat/first-contact.ts';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/client.ts';
import { pipeline } from '../db/pipeline.ts';
import { loginTokens, registrationSettings, registrations, users, workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { recordChoices, updateAnswers } from '../privacy/consent-ledger.ts';
import { queueWebhookEvent } from '../webhooks/events.ts';
import { hasFreeSeat, seatsUsed } from '../workdomains/seats.ts';
import { autoCloseRegistration } from './auto-close.ts';
import { codeMatches, hashCode, MAX_CODE_ATTEMPTS, normaliseCodeInput } from './codes.ts';
import { recordFunnelEvent } from './funnel.ts';
import { assertOpen, findLink, isOpen } from './link.ts';
import { isLinkLive } from './links.ts';
import { arrivedVia } from './origins.ts';
import { tellPic } from './pic-notice.ts';
import { activePic } from './settings.ts';
import { findRegistration, type Registration } from './start.ts';
import { registrationTransitions } from './states.ts';

export const LOGIN_TOKEN_LIFETIME_SECONDS = limits.loginTokenLifetimeSeconds;
export const INITIAL_PASSWORD_LIFETIME_MS = limits.initialPasswordLifetimeDays * 24 * 60 * 60 * 1000;

/** The registrant's first message to the PIC, or null. */
const firstMessageOf = (registration: Registration) => registration.message || null;

const alreadyUsed = () => new AppError('invalid_code', { message: 'This code was already used.' });
// Another tab, or a second click, completed it first: the person is registered and can sign in.
const alreadyComplete = () => new AppError('registration_complete');

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
      state: sql`case when ${registrations.attempts} + 1 >= ${MAX_CODE_ATTEMPTS}
        and ${inArray(registrations.state, registrationTransitions.kill)} then 'dead' else ${registrations.state} end`,
    })
    .where(eq(registrations.id, registration.id))
    .returning({ attempts: registrations.attempts, state: registrations.state });
  if (counted!.state === 'dead' && counted!.attempts > MAX_CODE_ATTEMPTS)
    throw new AppError('too_many_attempts');
  const triesLeft = Math.max(0, MAX_CODE_ATTEMPTS - counted!.attempts);
  // A code replaced by a resend is a wrong try too, but its holder needs to hear why.
  if (superseded) throw new AppError('code_superseded', { details: { triesLeft } });
  throw new AppError('invalid_code', {
    message:
      triesLeft > 0
        ? `That code is not right. ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`
        : 'That code is not right, and no tries are left. Please start again.',
    details: { triesLeft },
  });
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
        or(eq(registrations.state, 'verified'), lt(registrations.attempts, MAX_CODE_ATTEMPTS)),
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
    .select({ state: registrations.state, codeExpiresAt: registrations.codeExpiresAt })
    .from(registrations)
    .where(eq(registrations.id, registration.id));
  if (now?.state === 'completed') throw alreadyComplete();
  if (now?.state === 'dead') throw new AppError('too_many_attempts');
  throw new AppError('code_expired');
}

/** 201 with a new account, or 200 when a returning member signed in with a sign-in code. */
export interface VerifyOutcome {
  status: 200 | 201;
  body: Verified;
}

export async function verifyRegistration(
  deps: AppDeps,
  linkId: string,
  input: { registrationId: string; code: string },
): Promise<VerifyOutcome> {
  const code = normaliseCodeInput(input.code);
  if (!code) throw new AppError('invalid_code', { message: `The code has ${limits.codeLength} digits.` });
  const accepted = await acceptRightCodeAtOnce(deps, linkId, input.registrationId, code);
  if (accepted) return createAccount(deps, accepted, code);

  const registration = await findRegistration(deps, linkId, input.registrationId);
  if (registration.state === 'completed') throw alreadyComplete();
  // A try at a dead registration still counts, so parallel guesses are all counted.
  if (registration.state === 'dead') await countWrongCode(deps, registration);
  if (registration.codeExpiresAt.getTime() <= Date.now()) throw new AppError('code_expired');
  if (!codeMatches(deps.keys.codeKey, registration.id, code, registration.codeHash)) {
    const superseded = codeMatches(deps.keys.codeKey, registration.id, code, registration.previousCodeHash);
    await countWrongCode(deps, registration, superseded);
  }
  if (registration.state === 'signin_code_sent')
    return { status: 200, body: await signIn(deps, linkId, registration) };
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

/** An accepted registration becomes an account, connected with the PIC, and a login link. */
async function createAccount(
  deps: AppDeps,
  registration: Registration,
  code: string,
): Promise<VerifyOutcome> {
  // The slow part happens before the transaction, so the settings lock is held for milliseconds.
  // The transaction checks the link, so a link closed by now costs a hash, not an extra query.
  const passwordHash = await deps.hasher.hash(code);

  const outcome = await deps.db
    .transaction(async (tx) => completeRegistration(deps, tx, registration, passwordHash))
    .catch((error) => {
      if (isUniqueViolation(error)) throw new AppError('email_taken');
      throw error;
    });
  // An automatic close inside the transaction queued webhook events too.
  deps.webhooksQueued();
  if (outcome.kind === 'link_deleted') throw new AppError('link_not_found');
  if (outcome.kind === 'closed') throw new AppError('registration_closed');
  deps.mailQueued();
  return { status: 201, body: await loginLinks(deps, outcome.user, outcome.jti) };
}

/** The single-use login token and the links that redeem it. */
async function loginLinks(deps: AppDeps, user: Verified['user'], jti: string): Promise<Verified> {
  const loginToken = await deps.tokens.sign(
    { sub: user.id, jti, pur: 'login' },
    LOGIN_TOKEN_LIFETIME_SECONDS,
  );
  return {
    user,
    loginToken,
    // The address rides along so an expired link can offer sign-in by email with it filled in.
    deepLink: `${deps.config.publicUrl}/app/open#token=${loginToken}&email=${encodeURIComponent(user.email)}`,
    webUrl: `${deps.config.publicUrl}/app#token=${loginToken}&email=${encodeURIComponent(user.email)}`,
  };
}

async function insertLoginToken(tx: Tx, userId: string) {
  const jti = randomUUID();
  await tx.insert(loginTokens).values({
    jti,
    userId,
    expiresAt: new Date(Date.now() + LOGIN_TOKEN_LIFETIME_SECONDS * 1000),
  });
  return jti;
}

/**
 * A returning member's right sign-in code. One transaction uses the code up (guarded like
 * acceptRightCode, so five wrong codes first still win), issues a login token and posts the
 * message they wrote, if any, to the PIC. Nothing else is created and the password stays as it is.
 */
async function signIn(deps: AppDeps, linkId: string, registration: Registration): Promise<Verified> {
  const link = await findLink(deps.db, linkId);
  assertOpen(link);
  const signedIn = await deps.db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: users.id, name: users.name, email: users.email, status: users.status })
      .from(users)
      .where(
        and(
          eq(users.workdomainId, registration.workdomainId),
          eq(users.emailCanonical, registration.emailCanonical),
        ),
      );
    const used = await tx
      .update(registrations)
      .set({ state: 'completed', userId: member?.id ?? null })
      .where(
        and(
          eq(registrations.id, registration.id),
          inArray(registrations.state, registrationTransitions.signIn),
          gt(registrations.codeExpiresAt, sql`now()`),
          lt(registrations.attempts, MAX_CODE_ATTEMPTS),
        ),
      )
      .returning({ id: registrations.id });
    if (used.length === 0) return null;
    // Deactivated since the code was sent: the code is used up and signs nobody in.
    if (member?.status !== 'active') throw alreadyUsed();
    const user = { id: member.id, name: member.name, email: member.email };
    const pic = await activePic(tx, registration.workdomainId, link.settings.picUserId);
    if (registration.message && pic && pic.id !== user.id) {
      await postToPic(tx, registration.workdomainId, user, pic, registration.message);
    }
    // A member signing in through the form agrees again and answers again.
    await recordChoices(tx, choiceContext(registration, user.id), registration, link.settings.policyVersion);
    await updateAnswers(tx, user.id, registration.fields ?? {});
    const jti = await insertLoginToken(tx, user.id);
    await recordFunnelEvent(
      tx,
      { workdomainId: registration.workdomainId, linkId: registration.linkId },
      'verified',
    );
    await writeAudit(tx, registration.workdomainId, { kind: 'system' }, 'user_signed_in_with_code', {
      userId: user.id,
    });
    return { user, jti };
  });
  if (!signedIn) return explainRefusal(deps, registration);
  return loginLinks(deps, signedIn.user, signedIn.jti);
}

const choiceContext = (registration: Registration, userId: string) => ({
  workdomainId: registration.workdomainId,
  userId,
  lang: registration.lang,
  linkId: registration.linkId,
  origin: registration.origin,
});

/** The registrant's account, with the code they verified as its first password. */
function insertUser(tx: Tx, registration: Registration, id: string, passwordHash: string) {
  return tx.insert(users).values({
    id,
    workdomainId: registration.workdomainId,
    email: registration.email,
    emailCanonical: registration.emailCanonical,
    name: registration.name,
    kind: 'external',
    role: 'member',
    passwordHash,
    initialPasswordExpiresAt: new Date(Date.now() + INITIAL_PASSWORD_LIFETIME_MS),
    registeredViaLink: true,
    lang: registration.lang,
    registeredViaLinkId: registration.linkId,
    fields: registration.fields ?? {},
  });
}

type CompletionOutcome =
  | { kind: 'closed' }
  | { kind: 'link_deleted' }
  | { kind: 'created'; user: { id: string; name: string; email: string }; jti: string };

/**
 * The registration transaction. It takes the settings lock, checks the link, PIC and seats, and
 * then calls the steps owned by other modules: the account, the first contact with the PIC, the
 * login token, the audit entry and the funnel.
 */
async function completeRegistration(
  deps: AppDeps,
  tx: Tx,
  registration: Registration,
  passwordHash: string,
): Promise<CompletionOutcome> {
  // Settings, workdomain and PIC in one statement; the settings row lock serialises this workdomain.
  const [locked] = await tx
    .select({ settings: registrationSettings, workdomain: workdomains, pic: users })
    .from(registrationSettings)
    .innerJoin(workdomains, eq(workdomains.id, registrationSettings.workdomainId))
    .leftJoin(users, eq(users.id, registrationSettings.picUserId))
    .where(eq(registrationSettings.workdomainId, registration.workdomainId))
    .for('update', { of: registrationSettings });
  if (!locked) return { kind: 'closed' };
  const { settings, workdomain, pic } = locked;
  // Read after the lock, so the seats count every registration that committed before it.
  const [live, used] = await pipeline([
    isLinkLive(tx, registration.workdomainId, registration.linkId),
    seatsUsed(tx, registration.workdomainId),
  ]);
  if (!live) return { kind: 'link_deleted' };
  if (!isOpen(settings, workdomain)) return { kind: 'closed' };
  if (pic?.status !== 'active') {
    await autoCloseRegistration(tx, settings, 'pic_unavailable', deps.config.publicUrl);
    return { kind: 'closed' };
  }
  if (!hasFreeSeat(used, workdomain.externalUserLimit)) {
    await autoCloseRegistration(tx, settings, 'capacity_reached', deps.config.publicUrl);
    return { kind: 'closed' };
  }

  const moved = await tx
    .update(registrations)
    .set({ state: 'completed' })
    .where(
      and(
        eq(registrations.id, registration.id),
        inArray(registrations.state, registrationTransitions.complete),
      ),
    )
    .returning({ id: registrations.id });
  if (moved.length === 0) throw alreadyComplete();

  const newUser = { id: randomUUID(), name: registration.name, email: registration.email };
  await insertUser(tx, registration, newUser.id, passwordHash);
  const consents = await recordChoices(
    tx,
    choiceContext(registration, newUser.id),
    registration,
    settings.policyVersion,
  );
  const answers = storedAnswers(settings.fields, registration.fields ?? {});
  // The rest refers only to the user and to ids made here: it goes to the database as one
  // pipeline instead of a round trip per statement.
  const [, , jti] = await pipeline([
    tx.update(registrations).set({ userId: newUser.id }).where(eq(registrations.id, registration.id)),
    createFirstContact(tx, registration.workdomainId, newUser, pic, {
      workdomainName: workdomain.name,
      via: arrivedVia(registration.origin, deps.config.publicUrl),
      welcomeMessage: settings.welcomeMessage,
      welcomeMessages: settings.welcomeMessages,
      lang: registration.lang,
      firstMessage: registration.message,
      answers,
    }).then(({ conversationId }) =>
      tellPic(deps, tx, {
        pic,
        registrant: newUser,
        workdomainName: workdomain.name,
        conversationId,
        message: registration.message,
        answers,
      }),
    ),
    insertLoginToken(tx, newUser.id),
    recordFunnelEvent(
      tx,
      { workdomainId: registration.workdomainId, linkId: registration.linkId },
      'verified',
      'account_created',
    ),
    writeAudit(tx, registration.workdomainId, { kind: 'system' }, 'user_registered', {
      userId: newUser.id,
    }),
    queueWebhookEvent(tx, registration.workdomainId, 'user.registered', {
      user: newUser,
      workdomain: { slug: workdomain.slug, name: workdomain.name },
      linkId: registration.linkId,
      message: firstMessageOf(registration),
      fields: registration.fields ?? {},
      consents,
    }),
  ]);
  if (!hasFreeSeat(used + 1, workdomain.externalUserLimit)) {
    await autoCloseRegistration(tx, settings, 'capacity_reached', deps.config.publicUrl);
  }
  return { kind: 'created', user: newUser, jti };
}
