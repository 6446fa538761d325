import { hkdfSync } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { AltchaChallenge } from '../../contract/registration.ts';
import type { Queryable } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { claimOnce } from '../limits/single-use.ts';

/**
 * Bot protection without a third party: an ALTCHA v1 proof of work. The widget finds the number
 * behind a SHA-256 hash before it may start; a challenge expires and works once.
 */

/** Highest number a challenge may hide: a mid-range phone finds it in well under a second on average (docs/benchmarks.md). */
export const CHALLENGE_MAX_NUMBER = 15_000;
export const CHALLENGE_LIFETIME_MS = 10 * 60_000;

/** The HMAC key of challenges, derived from the code key so every process on the database agrees. */
export const challengeKey = (codeKey: Buffer) =>
  Buffer.from(hkdfSync('sha256', codeKey, Buffer.alloc(0), 'chatpoint altcha v1', 32)).toString('hex');

export async function newChallenge(
  hmacKey: string,
  expires = new Date(Date.now() + CHALLENGE_LIFETIME_MS),
): Promise<AltchaChallenge> {
  const challenge = await createChallenge({
    algorithm: 'SHA-256',
    hmacKey,
    maxnumber: CHALLENGE_MAX_NUMBER,
    expires,
  });
  return { ...challenge, algorithm: 'SHA-256', maxnumber: CHALLENGE_MAX_NUMBER };
}

function parsePayload(altcha: string) {
  try {
    const payload = JSON.parse(Buffer.from(altcha, 'base64').toString('utf8'));
    const ok =
      payload &&
      payload.algorithm === 'SHA-256' &&
      typeof payload.challenge === 'string' &&
      typeof payload.salt === 'string' &&
      typeof payload.signature === 'string' &&
      Number.isSafeInteger(payload.number);
    return ok ? payload : null;
  } catch {
    return null;
  }
}

/**
 * Throws 403 challenge_failed unless `altcha` solves a challenge of ours that has not expired and was
 * not used before. The signature is remembered until the challenge expires, atomically.
 */
export async function assertChallengeSolved(db: Queryable, hmacKey: string, altcha: string | undefined) {
  const payload = altcha ? parsePayload(altcha) : null;
  const expires = Number(payload ? extractParams(payload).expires : Number.NaN);
  if (!payload || !Number.isFinite(expires) || !(await verifySolution(payload, hmacKey, true))) {
    throw new AppError('challenge_failed');
  }
  if (!(await claimOnce(db, `altcha:${payload.signature}`, new Date(expires * 1000)))) {
    throw new AppError('challenge_failed', { message: 'This check was already used. Please try again.' });
  }
}
