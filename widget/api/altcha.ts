import type { AltchaChallenge } from '../../contract/registration.ts';

// Digests run in batches: one await per batch instead of per number keeps a phone fast.
const BATCH = 256;

/**
 * Solves an ALTCHA v1 proof of work with WebCrypto: finds the number whose SHA-256 after the salt
 * is the challenge, and answers the base64 payload that start takes as `altcha`.
 */
export async function solveAltcha(c: AltchaChallenge): Promise<string> {
  const target = c.challenge.match(/../g)!.map((hex) => parseInt(hex, 16));
  const encoder = new TextEncoder();
  for (let first = 0; first <= c.maxnumber; first += BATCH) {
    const hashes = await Promise.all(
      [...Array(BATCH)].map((_, i) => crypto.subtle.digest('SHA-256', encoder.encode(c.salt + (first + i)))),
    );
    const i = hashes.findIndex((hash) => new Uint8Array(hash).every((byte, j) => byte === target[j]));
    if (i >= 0) {
      // {algorithm, challenge, salt, signature, number}: maxnumber is left out.
      return btoa(JSON.stringify({ ...c, maxnumber: undefined, number: first + i }));
    }
  }
  throw new Error('altcha: no solution');
}
