import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { ResetLinkProblem } from '../../contract/errors.ts';
import { pgErrorCode } from '../db/client.ts';
import { passwordResets, users, workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { clearLoginFailures, loginThrottleKey } from '../limits/login-throttle.ts';
import { consumeRateLimit } from '../limits/rate-limits.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import { parseEmailAddress } from './email-address.ts';
import { activeAccountsOf } from './email-sign-in.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { hashToken } from './sessions.ts';
import { endUserSessions } from './users.ts';

export const RESET_LINK_MINUTES = 30;
const RESET_MAILS_PER_ADDRESS = 3;
const RESET_MAIL_WINDOW_SECONDS = 15 * 60;
/** Beyond this many waiting requests, callers wait for their own, so memory stays bounded. */
const MAX_PENDING_REQUESTS = 100;

/** Pages the reset page may lead back to once the password is set (same origin, fixed list). */
export const resetReturnPaths = ['/admin', '/app'] as const;
export type ResetReturnPath = (typeof resetReturnPaths)[number];

export const resetUrl = (publicUrl: string, token: string, next?: ResetReturnPath) =>
  `${publicUrl}/reset-password${next ? `?next=${encodeURIComponent(next)}` : ''}#token=${token}`;

/**
 * Answers reset requests without revealing accounts: the caller is released once the request is
 * counted, before any account is looked up, so neither the answer nor its timing depends on
 * one. The lookups then run one after another, so a newer request always issues the newer link.
 */
export function createPasswordResetRequests(deps: AppDeps) {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;

  return async function requestPasswordReset(input: {
    workdomain?: string | undefined;
    email: string;
    next?: ResetReturnPath;
  }) {
    const email = parseEmailAddress(input.email);
    if (!email) return;
    const allowance = await consumeRateLimit(deps.db, `reset:15m:${email.canonical}`, {
      limit: RESET_MAILS_PER_ADDRESS,
      windowSeconds: RESET_MAIL_WINDOW_SECONDS,
    });
    if (!allowance.allowed) return;
    // Without a workdomain: a link for each workdomain the address has an account in.
    const slug = input.workdomain?.trim().toLowerCase() || null;
    pending++;
    const job = tail
      .then(async () => {
        const slugs = slug
          ? [slug]
          : (await activeAccountsOf(deps.db, email.canonical)).map((a) => a.workdomain.slug);
        for (const each of slugs) await issueResetLink(deps, each, email.canonical, input.next);
      })
      .catch((error: unknown) =>
        deps.logger.error('password reset request failed', {
          reason: pgErrorCode(error) ?? (error instanceof Error ? error.name : 'unknown'),
        }),
      )
      .finally(() => {
        pending--;
      });
    tail = job;
    if (pending > MAX_PENDING_REQUESTS) await job;
  };
}

/** For an active account: one transaction revokes older links, stores the new one and queues its mail. */
async function issueResetLink(
  deps: AppDeps,
  slug: string,
  emailCanonical: string,
  next: ResetReturnPath | undefined,
) {
  const token = randomBytes(32).toString('base64url');
  await deps.db.transaction(async (tx) => {
    // The row lock serialises requests for one user across processes: one unrevoked link at a time.
    const [account] = await tx
      .select({ user: users, workdomainName: workdomains.name })
      .from(users)
      .innerJoin(workdomains, eq(workdomains.id, users.workdomainId))
      .where(
        and(eq(workdomains.slug, slug), eq(users.emailCanonical, emailCanonical), eq(users.status, 'active')),
      )
      .for('update', { of: users });
    if (!account) return false;
    await tx
      .update(passwordResets)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(passwordResets.userId, account.user.id),
          isNull(passwordResets.usedAt),
          isNull(passwordResets.revokedAt),
        ),
      );
    await tx.insert(passwordResets).values({
      tokenHash: hashToken(token),
      userId: account.user.id,
      expiresAt: sql`now() + make_interval(mins => ${RESET_LINK_MINUTES})`,
    });
    await enqueueEmail(tx, {
      to: account.user.email,
      template: 'password-reset',
      props: {
        lang: account.user.lang,
        name: account.user.name,
        workdomainName: account.workdomainName,
        // Always PUBLIC_URL: a link built from the request's Host could be pointed at an attacker.
        resetUrl: resetUrl(deps.config.publicUrl, token, next),
        minutesValid: RESET_LINK_MINUTES,
      },
      supersedeKey: `password-reset:${account.user.id}`,
    });
    return true;
  });
}

const problemMessages: Record<ResetLinkProblem, string> = {
  used: 'This reset link was already used. Ask for a new one if you need it.',
  expired: 'This reset link has expired. Please ask for a new one.',
  replaced: 'A newer reset link was sent; this one no longer works. Use the newest email or ask again.',
  unknown: 'This reset link is not valid. Please ask for a new one.',
};

const invalidResetToken = (reason: ResetLinkProblem = 'unknown') =>
  new AppError('invalid_token', { status: 400, message: problemMessages[reason], details: { reason } });

/** Why a reset token does not work now, or null when it does. Reads only; the link stays usable. */
async function resetLinkProblem(deps: AppDeps, tokenHash: string): Promise<ResetLinkProblem | null> {
  const [link] = await deps.db
    .select({
      usedAt: passwordResets.usedAt,
      revokedAt: passwordResets.revokedAt,
      expired: sql<boolean>`${passwordResets.expiresAt} <= now()`,
    })
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, tokenHash));
  if (!link) return 'unknown';
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'replaced';
  if (link.expired) return 'expired';
  return null;
}

/** For the reset page as it opens: whether the link still works, and if not, why. */
export async function checkResetLink(deps: AppDeps, token: string): Promise<void> {
  const problem = await resetLinkProblem(deps, hashToken(token));
  if (problem) throw invalidResetToken(problem);
}

const usableReset = (tokenHash: string) =>
  and(
    eq(passwordResets.tokenHash, tokenHash),
    isNull(passwordResets.usedAt),
    isNull(passwordResets.revokedAt),
    gt(passwordResets.expiresAt, sql`now()`),
  );

/**
 * Sets the new password from a reset link. The policy is checked before the link is touched, so
 * a weak password does not use it up; the guarded update makes the link single use under any
 * concurrency, and the same transaction ends every session and queues the notice.
 */
export async function confirmPasswordReset(deps: AppDeps, input: { token: string; password: string }) {
  checkPasswordPolicy(input.password);
  const tokenHash = hashToken(input.token);
  // A cheap look first, so a made-up token costs no password hash.
  const [candidate] = await deps.db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(usableReset(tokenHash));
  if (!candidate) throw invalidResetToken((await resetLinkProblem(deps, tokenHash)) ?? 'unknown');
  const passwordHash = await deps.hasher.hash(input.password);

  await deps.db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(usableReset(tokenHash))
      .returning({ userId: passwordResets.userId });
    if (!used) throw invalidResetToken('used');
    const [account] = await tx
      .update(users)
      .set({ passwordHash, initialPasswordExpiresAt: null })
      .where(and(eq(users.id, used.userId), eq(users.status, 'active')))
      .returning();
    if (!account) throw invalidResetToken();
    const [workdomain] = await tx
      .select({ slug: workdomains.slug, name: workdomains.name })
      .from(workdomains)
      .where(eq(workdomains.id, account.workdomainId));
    await endUserSessions(tx, account.id);
    await clearLoginFailures(tx, loginThrottleKey(workdomain!.slug, account.emailCanonical));
    await enqueueEmail(tx, {
      to: account.email,
      template: 'password-changed',
      props: { lang: account.lang, name: account.name, workdomainName: workdomain!.name },
    });
  });
}
