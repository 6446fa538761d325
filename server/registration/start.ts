import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Language, resolveLanguage } from '../../contract/languages.ts';
import type { FieldAnswers } from '../../contract/registration-fields.ts';
import { parseEmailAddress, parsePersonName } from '../accounts/email-address.ts';
import type { Tx } from '../db/client.ts';
import { pipeline } from '../db/pipeline.ts';
import { registrations, users } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { consumeRateLimits, refusal } from '../limits/rate-limits.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { CODE_LIFETIME_MS, generateCode, hashCode } from '../verification/codes.ts';
import { issueCode, resendCodeStep } from '../verification/store.ts';
import { assertOpen } from './availability.ts';
import { assertChallengeSolved, challengeKey } from './challenge.ts';
import { assertEmailDomainAllowed } from './email-rules.ts';
import { parseFirstMessage } from './first-message.ts';
import { checkRegistrantAnswers } from './form-rules.ts';
import { recordFunnelEvent } from './funnel.ts';
import { findLink, registrationUrl } from './link.ts';
import { findRegistration, type Registration } from './lookup.ts';
import { registrationTransitions } from './states.ts';

/**
 * The per-address send caps (docs/security.md), plus any extra counters, counted in one statement.
 * Answers how many seconds the next send must wait: the resend cooldown, or longer when this send
 * used up a cap. The caps count every address alike, so the wait reveals nothing about accounts.
 */
async function consumeSendAllowance(
  deps: AppDeps,
  emailCanonical: string,
  extra: Parameters<typeof consumeRateLimits>[1] = [],
): Promise<number> {
  const limits = deps.config.rateLimits;
  const results = await consumeRateLimits(deps.db, [
    ...extra,
    { key: `send:15m:${emailCanonical}`, limit: limits.sendsPerEmailShort, windowSeconds: 900 },
    { key: `send:1d:${emailCanonical}`, limit: limits.sendsPerEmailDaily, windowSeconds: 86_400 },
  ]);
  const refused = refusal(results);
  if (refused) throw new AppError('rate_limited', { retryAfter: refused.retryAfter });
  const capsUsedUp = results.slice(extra.length).filter((result) => result.remaining === 0);
  return Math.max(limits.resendCooldownSeconds, ...capsUsedUp.map((result) => result.retryAfter));
}

/** What a registration mails: a registration code, a returning member's sign-in code, or a notice. */
type RegistrationMail =
  | { kind: 'code'; code: string }
  | { kind: 'sign-in'; code: string; accountName: string }
  | { kind: 'notice' };

const stateFor = { code: 'code_sent', 'sign-in': 'signin_code_sent', notice: 'notice_sent' } as const;
const funnelKindOf = { code: 'code_sent', 'sign-in': 'sign_in_code_sent', notice: 'notice_sent' } as const;

async function queueRegistrationMail(
  deps: AppDeps,
  tx: Tx,
  registration: { id: string; name: string; email: string; linkId: string; lang: Language },
  workdomain: { name: string; slug: string },
  mail: RegistrationMail,
  replacesEarlierMail: boolean,
) {
  const common = {
    to: registration.email,
    supersedeKey: `registration:${registration.id}`,
    replacesEarlierMail,
  };
  const minutesValid = CODE_LIFETIME_MS / 60_000;
  // One tap on the hosted page verifies; the code rides in the fragment, which no server sees.
  const verifyUrl = (code: string) =>
    `${registrationUrl(deps.config.publicUrl, registration.linkId)}#verify=${registration.id}.${code}`;
  if (mail.kind === 'code') {
    await enqueueEmail(tx, {
      ...common,
      template: 'verification-code',
      props: {
        lang: registration.lang,
        name: registration.name,
        workdomainName: workdomain.name,
        code: mail.code,
        minutesValid,
        verifyUrl: verifyUrl(mail.code),
      },
    });
  } else if (mail.kind === 'sign-in') {
    await enqueueEmail(tx, {
      ...common,
      template: 'sign-in-code',
      props: {
        lang: registration.lang,
        name: mail.accountName,
        workdomainName: workdomain.name,
        code: mail.code,
        minutesValid,
        verifyUrl: verifyUrl(mail.code),
      },
    });
  } else {
    await enqueueEmail(tx, {
      ...common,
      template: 'already-registered',
      props: {
        lang: registration.lang,
        name: registration.name,
        workdomainName: workdomain.name,
        resetUrl: `${deps.config.publicUrl}/reset-password?workdomain=${encodeURIComponent(workdomain.slug)}&lang=${registration.lang}`,
      },
    });
  }
}

export async function startRegistration(
  deps: AppDeps,
  linkId: string,
  input: {
    name: string;
    email: string;
    lang?: string | undefined;
    message?: string;
    altcha?: string;
    consent?: boolean;
    marketing?: boolean;
    fields?: FieldAnswers;
  },
  clientIp: string,
  origin: string | null = null,
) {
  const name = parsePersonName(input.name);
  if (!name) throw new AppError('invalid_name');
  const email = parseEmailAddress(input.email);
  if (!email) throw new AppError('invalid_email');
  const lang = resolveLanguage(input.lang);

  const link = await findLink(deps.db, linkId);
  assertOpen(link);
  // Both before any account lookup: the answer never depends on whether the address has an account.
  if (link.settings.botProtection)
    await assertChallengeSolved(deps.db, challengeKey(deps.keys.codeKey), input.altcha);
  assertEmailDomainAllowed(link.settings, email.canonical);
  const message = parseFirstMessage(link.settings.message, input.message);
  const answers = checkRegistrantAnswers(link.settings, input);
  const resendAfter = await consumeSendAllowance(deps, email.canonical, [
    { key: `start:ip:${clientIp}`, limit: deps.config.rateLimits.startsPerIp, windowSeconds: 600 },
  ]);

  const registrationId = randomUUID();
  await deps.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ name: users.name, status: users.status })
      .from(users)
      .where(and(eq(users.workdomainId, link.workdomain.id), eq(users.emailCanonical, email.canonical)));
    // Every branch does the same work (a code, its hash, the same rows, one mail); only the mail differs,
    // and it leaves later from the outbox.
    const code = generateCode();
    const codeHash = hashCode(deps.keys.codeKey, registrationId, code);
    const mail: RegistrationMail = !existing
      ? { kind: 'code', code }
      : existing.status === 'active'
        ? { kind: 'sign-in', code, accountName: existing.name }
        : { kind: 'notice' };
    // Four independent rows, sent as one pipeline.
    await pipeline([
      tx.insert(registrations).values({
        id: registrationId,
        workdomainId: link.workdomain.id,
        linkId,
        name,
        email: email.display,
        emailCanonical: email.canonical,
        lang,
        state: stateFor[mail.kind],
        message,
        origin: origin?.slice(0, 300) ?? null,
        consentVersion: answers.consentVersion,
        marketing: answers.marketing,
        fields: answers.fields,
      }),
      issueCode(tx, registrationId, 'registration', mail.kind === 'notice' ? null : codeHash),
      queueRegistrationMail(
        deps,
        tx,
        { id: registrationId, name, email: email.display, linkId, lang },
        link.workdomain,
        mail,
        false,
      ),
      recordFunnelEvent(tx, { workdomainId: link.workdomain.id, linkId }, funnelKindOf[mail.kind]),
    ]);
  });
  return { registrationId, resendAfter, expiresIn: CODE_LIFETIME_MS / 1000 };
}

export async function resendCode(deps: AppDeps, linkId: string, registrationId: string) {
  const registration = await findRegistration(deps, linkId, registrationId);
  if (registration.state === 'completed') throw new AppError('registration_complete');
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
  const resendAfter = await consumeSendAllowance(deps, registration.emailCanonical);

  const mail = await resendMail(deps, registration);
  await deps.db.transaction(async (tx) => {
    const resent = resendCodeStep(
      tx,
      registration.id,
      mail.kind === 'notice' ? null : hashCode(deps.keys.codeKey, registration.id, mail.code),
    );
    const moved = await tx
      .with(resent)
      .update(registrations)
      .set({
        sends: sql`${registrations.sends} + 1`,
        lastSentAt: new Date(),
      })
      .where(
        and(
          eq(registrations.id, registration.id),
          inArray(registrations.state, registrationTransitions.resend),
          eq(registrations.sends, registration.sends),
          inArray(registrations.id, tx.select({ id: resent.subjectId }).from(resent)),
        ),
      )
      .returning({ id: registrations.id });
    if (moved.length === 0) throw new AppError('rate_limited', { retryAfter: 1 });
    await queueRegistrationMail(deps, tx, registration, link.workdomain, mail, true);
    await recordFunnelEvent(tx, { workdomainId: link.workdomain.id, linkId }, funnelKindOf[mail.kind]);
  });
  return { resendAfter, expiresIn: CODE_LIFETIME_MS / 1000 };
}

/** The same kind of mail as the registration's first one, with a new code. */
async function resendMail(deps: AppDeps, registration: Registration): Promise<RegistrationMail> {
  const code = generateCode();
  if (registration.state === 'code_sent') return { kind: 'code', code };
  if (registration.state !== 'signin_code_sent') return { kind: 'notice' };
  const [account] = await deps.db
    .select({ name: users.name })
    .from(users)
    .where(
      and(
        eq(users.workdomainId, registration.workdomainId),
        eq(users.emailCanonical, registration.emailCanonical),
      ),
    );
  return { kind: 'sign-in', code, accountName: account?.name ?? registration.name };
}
