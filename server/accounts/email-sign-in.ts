import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { pipeline } from '../db/pipeline.ts';
import { signInAttempts, users, verificationCodes, workdomains } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { consumeRateLimits, refusal } from '../limits/rate-limits.ts';
import { enqueueEmail } from '../mail/outbox.ts';
import {
  CODE_LIFETIME_MS,
  codeMatches,
  generateCode,
  hashCode,
  MAX_CODE_ATTEMPTS,
  normaliseCodeInput,
} from '../verification/codes.ts';
import {
  codeAlreadyUsed,
  codeExpired,
  malformedCode,
  refusedRightCode,
  wrongCode,
} from '../verification/refusals.ts';
import { consumeCode, findCode, issueCode, recordWrongTry } from '../verification/store.ts';
import { accountView } from './account-view.ts';
import { parseEmailAddress } from './email-address.ts';
import { createSession, findSessionUser } from './sessions.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A workdomain to pick by its name when one address has accounts in several. */
export interface WorkdomainChoice {
  slug: string;
  name: string;
}

/** The active accounts of an address, one per workdomain, by workdomain name. */
export async function activeAccountsOf(db: Queryable, emailCanonical: string) {
  return db
    .select({ user: users, workdomain: { slug: workdomains.slug, name: workdomains.name } })
    .from(users)
    .innerJoin(workdomains, eq(workdomains.id, users.workdomainId))
    .where(and(eq(users.emailCanonical, emailCanonical), eq(users.status, 'active')))
    .orderBy(asc(workdomains.name), asc(workdomains.slug));
}

/**
 * Step 1: mails a sign-in code to an address that has accounts. Every start does the same work
 * and gets the same answer (a new attempt with a code that is checked either way); only whether
 * a mail leaves differs, later, from the outbox. The send caps are those of registration codes.
 */
export async function startEmailSignIn(deps: AppDeps, input: { email: string }, clientIp: string) {
  const email = parseEmailAddress(input.email);
  if (!email) throw new AppError('invalid_email');
  const caps = deps.config.rateLimits;
  const refused = refusal(
    await consumeRateLimits(deps.db, [
      { key: `sign-in:ip:${clientIp}`, limit: caps.startsPerIp, windowSeconds: 600 },
      { key: `send:15m:${email.canonical}`, limit: caps.sendsPerEmailShort, windowSeconds: 900 },
      { key: `send:1d:${email.canonical}`, limit: caps.sendsPerEmailDaily, windowSeconds: 86_400 },
    ]),
  );
  if (refused) throw new AppError('rate_limited', { retryAfter: refused.retryAfter });

  const attemptId = randomUUID();
  const code = generateCode();
  await deps.db.transaction(async (tx) => {
    // Two independent rows, sent as one pipeline.
    await pipeline([
      tx.insert(signInAttempts).values({ id: attemptId, emailCanonical: email.canonical }),
      issueCode(tx, attemptId, 'sign_in', hashCode(deps.keys.codeKey, attemptId, code)),
    ]);
    const accounts = await activeAccountsOf(tx, email.canonical);
    if (accounts.length === 0) return;
    await enqueueEmail(tx, {
      to: accounts[0]!.user.email,
      template: 'email-sign-in-code',
      props: {
        lang: accounts[0]!.user.lang,
        workdomainNames: accounts.map((account) => account.workdomain.name).join(', '),
        code,
        minutesValid: CODE_LIFETIME_MS / 60_000,
      },
    });
  });
  return { attemptId };
}

/** Counts a wrong code in one statement, so parallel guesses are all counted. */
async function countWrongCode(deps: AppDeps, attemptId: string): Promise<never> {
  throw wrongCode(await recordWrongTry(deps.db, attemptId));
}

export type EmailSignInResult =
  | { choose: WorkdomainChoice[] }
  | { sessionToken: string; user: ReturnType<typeof accountView>; mustChangePassword: boolean };

/**
 * Step 2: the code, and when the address has accounts in several workdomains, the one chosen.
 * A right code without a choice answers the choice and stays usable; the sign-in itself uses
 * the code up in the same transaction that makes the session (guarded, so it works once).
 */
export async function verifyEmailSignIn(
  deps: AppDeps,
  input: { attemptId: string; code: string; workdomain?: string | undefined },
): Promise<EmailSignInResult> {
  const code = normaliseCodeInput(input.code);
  if (!code) throw malformedCode();
  if (!UUID.test(input.attemptId)) throw new AppError('sign_in_not_found');
  const [found] = await deps.db
    .select({ emailCanonical: signInAttempts.emailCanonical, code: verificationCodes })
    .from(signInAttempts)
    .innerJoin(verificationCodes, eq(verificationCodes.subjectId, signInAttempts.id))
    .where(eq(signInAttempts.id, input.attemptId));
  if (!found) throw new AppError('sign_in_not_found');
  const attempt = { id: input.attemptId, emailCanonical: found.emailCanonical, ...found.code };
  if (attempt.consumedAt) throw codeAlreadyUsed();
  // Tries at a dead attempt still count, so parallel guesses are all counted.
  if (attempt.attempts >= MAX_CODE_ATTEMPTS) await countWrongCode(deps, attempt.id);
  if (attempt.expiresAt.getTime() <= Date.now()) throw codeExpired();
  if (!codeMatches(deps.keys.codeKey, attempt.id, code, attempt.codeHash)) {
    await countWrongCode(deps, attempt.id);
  }

  const accounts = await activeAccountsOf(deps.db, attempt.emailCanonical);
  if (accounts.length === 0)
    throw new AppError('sign_in_not_found', { message: 'No active account uses this address.' });
  const slug = input.workdomain?.trim().toLowerCase();
  if (!slug && accounts.length > 1) return { choose: accounts.map((account) => account.workdomain) };
  const account = slug ? accounts.find((candidate) => candidate.workdomain.slug === slug) : accounts[0];
  if (!account) throw new AppError('workdomain_not_found');

  return deps.db.transaction(async (tx) => {
    if (!(await consumeCode(tx, attempt.id))) {
      const now = await findCode(tx, attempt.id);
      throw refusedRightCode(now && { used: now.consumedAt !== null, attempts: now.attempts });
    }
    const { sessionToken } = await createSession(tx, account.user.id, 'code');
    const session = await findSessionUser(tx, sessionToken);
    if (!session) throw new AppError('sign_in_not_found');
    const user = accountView(session.user);
    return { sessionToken, user, mustChangePassword: user.mustChangePassword };
  });
}
