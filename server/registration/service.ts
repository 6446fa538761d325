import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/client.ts';
import {
  contacts,
  conversations,
  funnelEvents,
  loginTokens,
  messages,
  registrationPlans,
  registrationSettings,
  registrations,
  users,
  workdomains,
} from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { consumeRateLimits, refusal } from '../http/rate-limit.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import {
  CODE_LIFETIME_MS,
  codeMatches,
  generateCode,
  hashCode,
  MAX_CODE_ATTEMPTS,
  normaliseCodeInput,
} from './codes.ts';
import { parseEmailAddress, parsePersonName } from './email-address.ts';
import { autoCloseRegistration, seatsUsed, writeAudit } from './settings.ts';
import { registrationTransitions } from './states.ts';

export const LOGIN_TOKEN_LIFETIME_SECONDS = 5 * 60;
export const INITIAL_PASSWORD_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

async function findLink(deps: AppDeps, linkId: string) {
  const [row] = await deps.db
    .select({ settings: registrationSettings, workdomain: workdomains })
    .from(registrationSettings)
    .innerJoin(workdomains, eq(workdomains.id, registrationSettings.workdomainId))
    .where(eq(registrationSettings.linkId, linkId));
  if (!row) throw new AppError('link_not_found');
  return row;
}

/** Open in effect: switched on, and the plan still allows it. PIC and seats close it when they change. */
function isOpen(link: Awaited<ReturnType<typeof findLink>>) {
  return link.settings.open && registrationPlans.includes(link.workdomain.plan);
}

export async function getLinkInfo(deps: AppDeps, linkId: string) {
  const link = await findLink(deps, linkId);
  await deps.db.insert(funnelEvents).values({ workdomainId: link.workdomain.id, kind: 'link_viewed' });
  return { workdomain: { name: link.workdomain.name }, open: isOpen(link) };
}

/** The per-address send caps of CONTRACT §4, plus any extra counters, counted in one statement. */
async function consumeSendAllowance(
  deps: AppDeps,
  emailCanonical: string,
  extra: Parameters<typeof consumeRateLimits>[1] = [],
) {
  const limits = deps.config.rateLimits;
  const refused = refusal(
    await consumeRateLimits(deps.db, [
      ...extra,
      { key: `send:15m:${emailCanonical}`, limit: limits.sendsPerEmailShort, windowSeconds: 900 },
      { key: `send:1d:${emailCanonical}`, limit: limits.sendsPerEmailDaily, windowSeconds: 86_400 },
    ]),
  );
  if (refused) throw new AppError('rate_limited', { retryAfter: refused.retryAfter });
}

/** Queues the code mail, or for an address that already has an account, the notice instead. */
async function queueRegistrationMail(
  deps: AppDeps,
  tx: Tx,
  registration: { id: string; name: string; email: string },
  workdomainName: string,
  workdomainSlug: string,
  code: string | null,
  replacesEarlierMail: boolean,
) {
  const supersedeKey = `registration:${registration.id}`;
  if (code) {
    await enqueueEmail(tx, {
      to: registration.email,
      template: 'verification-code',
      props: { name: registration.name, workdomainName, code, minutesValid: CODE_LIFETIME_MS / 60_000 },
      supersedeKey,
      replacesEarlierMail,
    });
  } else {
    await enqueueEmail(tx, {
      to: registration.email,
      template: 'already-registered',
      props: {
        name: registration.name,
        workdomainName,
        resetUrl: `${deps.config.publicUrl}/reset-password?workdomain=${encodeURIComponent(workdomainSlug)}`,
      },
      supersedeKey,
      replacesEarlierMail,
    });
  }
}

export async function startRegistration(
  deps: AppDeps,
  linkId: string,
  input: { name: string; email: string },
  clientIp: string,
) {
  const name = parsePersonName(input.name);
  if (!name) throw new AppError('invalid_name');
  const email = parseEmailAddress(input.email);
  if (!email) throw new AppError('invalid_email');

  const link = await findLink(deps, linkId);
  if (!isOpen(link)) throw new AppError('registration_closed');
  await consumeSendAllowance(deps, email.canonical, [
    { key: `start:ip:${clientIp}`, limit: deps.config.rateLimits.startsPerIp, windowSeconds: 600 },
  ]);

  const registrationId = randomUUID();
  await deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workdomainId, link.workdomain.id), eq(users.emailCanonical, email.canonical)));
    // Both branches do the same work; only the mail differs, and it leaves later from the outbox.
    const code = existing ? null : generateCode();
    await tx.insert(registrations).values({
      id: registrationId,
      workdomainId: link.workdomain.id,
      linkId,
      name,
      email: email.display,
      emailCanonical: email.canonical,
      state: code ? 'code_sent' : 'notice_sent',
      codeHash: code ? hashCode(deps.keys.codeKey, registrationId, code) : null,
      codeExpiresAt: new Date(Date.now() + CODE_LIFETIME_MS),
    });
    await queueRegistrationMail(
      deps,
      tx,
      { id: registrationId, name, email: email.display },
      link.workdomain.name,
      link.workdomain.slug,
      code,
      false,
    );
    await tx.insert(funnelEvents).values({ workdomainId: link.workdomain.id, kind: 'code_sent' });
  });
  deps.mailQueued();
  return { registrationId };
}

async function findRegistration(deps: AppDeps, linkId: string, registrationId: string) {
  const [registration] = await deps.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.linkId, linkId)));
  if (!registration) throw new AppError('registration_not_found');
  return registration;
}

export async function resendCode(deps: AppDeps, linkId: string, registrationId: string) {
  const registration = await findRegistration(deps, linkId, registrationId);
  if (registration.state === 'completed')
    throw new AppError('invalid_code', { message: 'This registration is already complete.' });
  if (registration.state === 'dead') throw new AppError('too_many_attempts');
  const link = await findLink(deps, linkId);
  if (!isOpen(link)) throw new AppError('registration_closed');
  const cooldownEnds =
    registration.lastSentAt.getTime() + deps.config.rateLimits.resendCooldownSeconds * 1000;
  if (Date.now() < cooldownEnds) {
    throw new AppError('rate_limited', {
      message: 'A code was sent a moment ago. Please wait before asking for another.',
      retryAfter: (cooldownEnds - Date.now()) / 1000,
    });
  }
  await consumeSendAllowance(deps, registration.emailCanonical);

  const code = registration.state === 'code_sent' ? generateCode() : null;
  await deps.db.transaction(async (tx) => {
    const moved = await tx
      .update(registrations)
      .set({
        codeHash: code ? hashCode(deps.keys.codeKey, registration.id, code) : null,
        codeExpiresAt: new Date(Date.now() + CODE_LIFETIME_MS),
        sends: sql`${registrations.sends} + 1`,
        lastSentAt: new Date(),
      })
      .where(
        and(
          eq(registrations.id, registration.id),
          inArray(registrations.state, registrationTransitions.resend),
          eq(registrations.sends, registration.sends),
        ),
      )
      .returning({ id: registrations.id });
    if (moved.length === 0) throw new AppError('rate_limited', { retryAfter: 1 });
    await queueRegistrationMail(
      deps,
      tx,
      registration,
      link.workdomain.name,
      link.workdomain.slug,
      code,
      true,
    );
    await tx.insert(funnelEvents).values({ workdomainId: link.workdomain.id, kind: 'code_sent' });
  });
  deps.mailQueued();
}

/**
 * Counts the try first, in its own statement, so it sticks even when this request fails later;
 * 16 parallel guesses therefore count as 16.
 */
async function countAttempt(deps: AppDeps, linkId: string, registrationId: string) {
  const [registration] = await deps.db
    .update(registrations)
    .set({ attempts: sql`${registrations.attempts} + 1` })
    .where(and(eq(registrations.id, registrationId), eq(registrations.linkId, linkId)))
    .returning();
  if (!registration) throw new AppError('registration_not_found');
  return registration;
}

export interface VerifiedRegistration {
  user: { id: string; name: string; email: string };
  loginToken: string;
  deepLink: string;
  webUrl: string;
}

export async function verifyRegistration(
  deps: AppDeps,
  linkId: string,
  input: { registrationId: string; code: string },
): Promise<VerifiedRegistration> {
  const code = normaliseCodeInput(input.code);
  if (!code) throw new AppError('invalid_code', { message: 'The code has 6 digits.' });
  const registration = await countAttempt(deps, linkId, input.registrationId);

  if (registration.state === 'completed')
    throw new AppError('invalid_code', { message: 'This code was already used.' });
  if (registration.state === 'dead' || registration.attempts > MAX_CODE_ATTEMPTS) {
    await deps.db
      .update(registrations)
      .set({ state: 'dead' })
      .where(
        and(
          eq(registrations.id, registration.id),
          inArray(registrations.state, registrationTransitions.kill),
        ),
      );
    throw new AppError('too_many_attempts');
  }
  if (registration.codeExpiresAt.getTime() <= Date.now()) throw new AppError('code_expired');
  if (!codeMatches(deps.keys.codeKey, registration.id, code, registration.codeHash)) {
    const left = MAX_CODE_ATTEMPTS - registration.attempts;
    throw new AppError('invalid_code', {
      message:
        left > 0
          ? `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.`
          : 'That code is not right, and no tries are left. Please start again.',
    });
  }

  const link = await findLink(deps, linkId);
  if (!isOpen(link)) throw new AppError('registration_closed');
  // The slow part happens before the transaction, so the settings lock is held for milliseconds.
  const passwordHash = await deps.hasher.hash(code);

  const outcome = await deps.db
    .transaction(async (tx) => completeRegistration(deps, tx, registration, passwordHash))
    .catch((error) => {
      if (isUniqueViolation(error)) throw new AppError('email_taken');
      throw error;
    });
  if (outcome.kind === 'closed') throw new AppError('registration_closed');
  deps.mailQueued();

  const loginToken = await deps.tokens.sign(
    { sub: outcome.user.id, jti: outcome.jti, pur: 'login' },
    LOGIN_TOKEN_LIFETIME_SECONDS,
  );
  return {
    user: outcome.user,
    loginToken,
    deepLink: `${deps.config.publicUrl}/app/open#token=${loginToken}`,
    webUrl: `${deps.config.publicUrl}/app#token=${loginToken}`,
  };
}

type CompletionOutcome =
  | { kind: 'closed' }
  | { kind: 'created'; user: { id: string; name: string; email: string }; jti: string };

/** Account, contacts, conversation, welcome message, seat count and login token: one transaction. */
async function completeRegistration(
  deps: AppDeps,
  tx: Tx,
  registration: typeof registrations.$inferSelect,
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
  if (
    !settings.open ||
    settings.linkId !== registration.linkId ||
    !registrationPlans.includes(workdomain.plan)
  ) {
    return { kind: 'closed' };
  }
  if (pic?.status !== 'active') {
    await autoCloseRegistration(tx, registration.workdomainId, 'pic_unavailable', deps.config.publicUrl);
    return { kind: 'closed' };
  }
  const used = await seatsUsed(tx, registration.workdomainId);
  if (used >= workdomain.externalUserLimit) {
    await autoCloseRegistration(tx, registration.workdomainId, 'capacity_reached', deps.config.publicUrl);
    return { kind: 'closed' };
  }

  const moved = await tx
    .update(registrations)
    .set({ state: 'completed' })
    .where(
      and(
        eq(registrations.id, registration.id),
        inArray(registrations.state, registrationTransitions.complete),
        gt(registrations.codeExpiresAt, sql`now()`),
      ),
    )
    .returning({ id: registrations.id });
  if (moved.length === 0) throw new AppError('invalid_code', { message: 'This code was already used.' });

  const [user] = await tx
    .insert(users)
    .values({
      workdomainId: registration.workdomainId,
      email: registration.email,
      emailCanonical: registration.emailCanonical,
      name: registration.name,
      kind: 'external',
      role: 'member',
      passwordHash,
      initialPasswordExpiresAt: new Date(Date.now() + INITIAL_PASSWORD_LIFETIME_MS),
      registeredViaLink: true,
    })
    .returning();
  await tx.update(registrations).set({ userId: user!.id }).where(eq(registrations.id, registration.id));
  await tx.insert(contacts).values([
    { userId: user!.id, contactUserId: pic.id },
    { userId: pic.id, contactUserId: user!.id },
  ]);
  const [userAId, userBId] = [user!.id, pic.id].sort() as [string, string];
  const [conversation] = await tx
    .insert(conversations)
    .values({ workdomainId: registration.workdomainId, userAId, userBId })
    .returning();
  const systemLine = {
    conversationId: conversation!.id,
    senderId: null,
    kind: 'system' as const,
    body: `${user!.name} registered through the public registration link.`,
  };
  const welcome = settings.welcomeMessage.trim()
    ? [
        {
          conversationId: conversation!.id,
          senderId: pic.id,
          kind: 'text' as const,
          body: settings.welcomeMessage,
          // Just after the system line, so the welcome message is what the new user reads last.
          createdAt: sql`now() + interval '1 millisecond'`,
        },
      ]
    : [];
  await tx.insert(messages).values([systemLine, ...welcome]);
  if (used + 1 >= workdomain.externalUserLimit) {
    await autoCloseRegistration(tx, registration.workdomainId, 'capacity_reached', deps.config.publicUrl);
  }
  const jti = randomUUID();
  await tx.insert(loginTokens).values({
    jti,
    userId: user!.id,
    expiresAt: new Date(Date.now() + LOGIN_TOKEN_LIFETIME_SECONDS * 1000),
  });
  await tx.insert(funnelEvents).values([
    { workdomainId: registration.workdomainId, kind: 'verified' },
    { workdomainId: registration.workdomainId, kind: 'account_created' },
  ]);
  await writeAudit(tx, registration.workdomainId, { kind: 'system' }, 'user_registered', {
    userId: user!.id,
  });
  return { kind: 'created', user: { id: user!.id, name: user!.name, email: user!.email }, jti };
}
