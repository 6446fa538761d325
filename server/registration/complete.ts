import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { limits } from '../../contract/limits.ts';
import type { Verified } from '../../contract/registration.ts';
import { insertLoginToken } from '../accounts/login-tokens.ts';
import { insertExternalUser } from '../accounts/users.ts';
import { writeAudit } from '../audit/write.ts';
import { storedAnswers } from '../chat/answer-lines.ts';
import { createFirstContact, postToPic } from '../chat/first-contact.ts';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/client.ts';
import { pipeline } from '../db/pipeline.ts';
import { registrationSettings, registrations, users, workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { recordChoices, updateAnswers } from '../privacy/consent-ledger.ts';
import { codeAlreadyUsed } from '../verification/refusals.ts';
import { consumeStep } from '../verification/store.ts';
import { queueWebhookEvent } from '../webhooks/events.ts';
import { hasFreeSeat, seatsUsed } from '../workdomains/seats.ts';
import { activePic, assertOpen, autoCloseRegistration, isOpen, reasonToClose } from './availability.ts';
import { recordFunnelEvent } from './funnel.ts';
import { findLink } from './link.ts';
import { isLinkLive } from './links.ts';
import type { Registration } from './lookup.ts';
import { arrivedVia } from './origins.ts';
import { tellPic } from './pic-notice.ts';
import { registrationTransitions } from './states.ts';

/*
 * What an accepted proof leads to: a new account (the registration transaction) or a returning
 * member's sign-in. The proof itself is checked before any of this, in verify.ts.
 */

const LOGIN_TOKEN_LIFETIME_SECONDS = limits.loginTokenLifetimeSeconds;

// Another tab, or a second click, completed it first: the person is registered and can sign in.
export const alreadyComplete = () => new AppError('registration_complete');

/** The registrant's first message to the PIC, or null. */
const firstMessageOf = (registration: Registration) => registration.message || null;

/** 201 with a new account, or 200 when a returning member signed in with a sign-in code. */
export interface VerifyOutcome {
  status: 200 | 201;
  body: Verified;
}

/** An accepted registration becomes an account, connected with the PIC, and a login link. */
export async function createAccount(
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
  if (outcome.kind === 'link_deleted') throw new AppError('link_not_found');
  if (outcome.kind === 'closed') throw new AppError('registration_closed');
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

/**
 * A returning member's right sign-in code. One transaction uses the code up (guarded like the
 * code's acceptance, so five wrong codes first still win), issues a login token and posts the
 * message they wrote, if any, to the PIC. Nothing else is created and the password stays as it is.
 * Null when the guard refused: the caller explains why.
 */
export async function signIn(
  deps: AppDeps,
  linkId: string,
  registration: Registration,
): Promise<Verified | null> {
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
    const consumed = consumeStep(tx, registration.id);
    const used = await tx
      .with(consumed)
      .update(registrations)
      .set({ state: 'completed', userId: member?.id ?? null })
      .where(
        and(
          eq(registrations.id, registration.id),
          inArray(registrations.state, registrationTransitions.signIn),
          inArray(registrations.id, tx.select({ id: consumed.subjectId }).from(consumed)),
        ),
      )
      .returning({ id: registrations.id });
    if (used.length === 0) return null;
    // Deactivated since the code was sent: the code is used up and signs nobody in.
    if (member?.status !== 'active') throw codeAlreadyUsed();
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
  if (!signedIn) return null;
  return loginLinks(deps, signedIn.user, signedIn.jti);
}

/** Where the registrant's choices were made, for the consent ledger. */
const choiceContext = (registration: Registration, userId: string) => ({
  workdomainId: registration.workdomainId,
  userId,
  lang: registration.lang,
  linkId: registration.linkId,
  origin: registration.origin,
});

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
  const closing = reasonToClose({
    workdomainId: registration.workdomainId,
    pic,
    seatsUsed: used,
    externalUserLimit: workdomain.externalUserLimit,
  });
  if (closing || !pic) {
    await autoCloseRegistration(tx, settings, closing ?? 'pic_unavailable', deps.config.publicUrl);
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
  await insertExternalUser(tx, {
    id: newUser.id,
    workdomainId: registration.workdomainId,
    email: registration.email,
    emailCanonical: registration.emailCanonical,
    name: registration.name,
    lang: registration.lang,
    passwordHash,
    registeredViaLinkId: registration.linkId,
    fields: registration.fields ?? {},
  });
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
        picNotice: settings.picNotice,
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
