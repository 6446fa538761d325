/** Emailed codes (registration and sign-in): made, stored as a keyed hash and checked the same way. */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

import { limits } from '../../contract/limits.ts';

export const CODE_LIFETIME_MS = limits.codeLifetimeMinutes * 60 * 1000;
export const MAX_CODE_ATTEMPTS = limits.maxCodeAttempts;
const CODE_PATTERN = new RegExp(`^[0-9]{${limits.codeLength}}$`);

/** limits.codeLength digits from the CSPRNG, leading zeros kept. */
export function generateCode(): string {
  return randomInt(0, 10 ** limits.codeLength)
    .toString()
    .padStart(limits.codeLength, '0');
}

/** Keyed hash bound to its owner (a registration or a sign-in), so a leaked row cannot be checked offline or reused. */
export function hashCode(key: Buffer, ownerId: string, code: string): string {
  return createHmac('sha256', key).update(`${ownerId}:${code}`).digest('base64url');
}

export function codeMatches(key: Buffer, ownerId: string, code: string, storedHash: string | null): boolean {
  const actual = Buffer.from(hashCode(key, ownerId, code));
  // A notice-only registration has no code: compare against itself and answer false, same cost.
  const expected = storedHash ? Buffer.from(storedHash) : Buffer.alloc(actual.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected) && storedHash !== null;
}

/** What a person may type or paste: digits with spaces or dashes between them. */
export function normaliseCodeInput(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return CODE_PATTERN.test(digits) ? digits : null;
}
