import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { parseEmailAddress, parsePersonName } from '../accounts/email-address.ts';
import type { Tx } from '../db/client.ts';
import { registrations, users } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { consumeRateLimits, refusal } from '../limits/rate-limits.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { assertChallengeSolved, challengeKey } from './challenge.ts';
import { CODE_LIFETIME_MS, generateCode, hashCode } from './codes.ts';
import { assertEmailDomainAllowed } from './email-rules.ts';
import { recordFunnelEvent } from './funnel.ts';
import { assertOpen, findLink, isOpen } from './link.ts';
import { registrationTransitions } from './states.ts';

/** The link's public facts; `countView` counts a visitor in the funnel (the widget asks once per session). */
export async function getLinkInfo(deps: AppDeps, linkId: string, countView = false) {
  const link = await findLink(deps.db, linkId);
  if (countView)
    await recordFunnelEvent(deps.db, { workdomainId: link.workdomain.id, linkId }, 'link_viewed');
  return {
    workdomain: { name: link.workdomain.name },
    open: isOpen(link.settings, link.workdomain),
    challenge: link.settings.botProtection,
  };
}

/** The per-address send caps (docs/security.md), plus any extra counters, counted in one statement. */
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
  input: { name: string; email: string; altcha?: string },
  clientIp: string,
) {
  const name = parsePersonName(input.name);
  if (!name) throw new AppError('invalid_name');
  const email = parseEmailAddress(input.email);
  if (!email) throw new AppError('invalid_email');

  const link = await findLink(deps.db, linkId);
  assertOpen(link);
  // Both before any account lookup: the answer never depends on whether the address has an account.
  if (link.settings.botProtection)
    await assertChallengeSolved(deps.db, challengeKey(deps.keys.codeKey), input.altcha);
  assertEmailDomainAllowed(link.settings, email.canonical);
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
    await recordFunnelEvent(
      tx,
      { workdomainId: link.workdomain.id, linkId },
      code ? 'code_sent' : 'notice_sent',
    );
  });
  deps.mailQueued();
  return { registrationId };
}

export async function findRegistration(deps: AppDeps, linkId: string, registrationId: string) {
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
  const link = await findLink(deps.db, linkId);
  assertOpen(link);
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
    await recordFunnelEvent(
      tx,
      { workdomainId: link.workdomain.id, linkId },
      code ? 'code_sent' : 'notice_sent',
    );
  });
  deps.mailQueued();
}
