import { randomBytes } from 'node:crypto';
import { asc, desc, eq } from 'drizzle-orm';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Database } from '../db/client.ts';
import { serverKeys } from '../db/schema/index.ts';

export const SIGNING_ALGORITHMS = ['EdDSA', 'ES256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export interface KeyRing {
  /** The key that signs new tokens. */
  signer: SigningKey;
  /** Every key that may verify, by kid. An unknown kid never falls back to another key. */
  verifiers: ReadonlyMap<string, SigningKey>;
  jwks: { keys: JWK[] };
  /** Secret for the keyed hash of verification codes. */
  codeKey: Buffer;
}

export class SigningKeysError extends Error {
  override name = 'SigningKeysError';
}

function algorithmOf(jwk: JWK): SigningAlgorithm {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  throw new SigningKeysError(`SIGNING_KEYS: key "${jwk.kid ?? '?'}" must be Ed25519 (OKP) or P-256 (EC).`);
}

async function importSigningKey(jwk: JWK): Promise<SigningKey> {
  if (!jwk.kid) throw new SigningKeysError('SIGNING_KEYS: every key needs a "kid".');
  if (!jwk.d)
    throw new SigningKeysError(`SIGNING_KEYS: key "${jwk.kid}" is public; private keys are needed.`);
  const alg = algorithmOf(jwk);
  const { d: _private, ...publicPart } = jwk;
  const publicJwk: JWK = {
    kty: publicPart.kty,
    crv: publicPart.crv,
    x: publicPart.x,
    kid: jwk.kid,
    alg,
    use: 'sig',
  };
  if (publicPart.y) publicJwk.y = publicPart.y;
  return {
    kid: jwk.kid,
    alg,
    privateKey: (await importJWK({ ...jwk, alg }, alg)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, alg)) as CryptoKey,
    publicJwk,
  };
}

/** Parses SIGNING_KEYS: a JWK set of private keys, first one signs. */
export function parseSigningKeys(raw: string): JWK[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new SigningKeysError('SIGNING_KEYS must be JSON: {"keys":[…private JWKs…]}.');
  }
  const keys = (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new SigningKeysError('SIGNING_KEYS must be a JWK set with at least one key: {"keys":[…]}.');
  }
  return keys as JWK[];
}

export async function generateSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `k-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}` };
}

/** Stores a new signing key; the newest stored key signs from the next start of each process. */
export async function rotateStoredSigningKey(db: Database): Promise<string> {
  const jwk = await generateSigningJwk();
  await db
    .insert(serverKeys)
    .values({ kid: jwk.kid!, purpose: 'signing', material: jwk as Record<string, unknown> });
  return jwk.kid!;
}

async function storedSigningJwks(db: Database): Promise<JWK[]> {
  const load = () =>
    db
      .select()
      .from(serverKeys)
      .where(eq(serverKeys.purpose, 'signing'))
      .orderBy(desc(serverKeys.createdAt), asc(serverKeys.kid));
  let rows = await load();
  if (rows.length === 0) {
    const jwk = await generateSigningJwk();
    await db
      .insert(serverKeys)
      .values({ kid: jwk.kid!, purpose: 'signing', material: jwk as Record<string, unknown> })
      .onConflictDoNothing();
    rows = await load();
  }
  return rows.map((row) => row.material as JWK);
}

async function storedCodeKey(db: Database): Promise<Buffer> {
  await db
    .insert(serverKeys)
    .values({
      kid: 'code-hmac',
      purpose: 'code_hmac',
      material: { k: randomBytes(32).toString('base64url') },
    })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverKeys).where(eq(serverKeys.kid, 'code-hmac'));
  return Buffer.from(String(row!.material.k), 'base64url');
}

/**
 * Keys come from SIGNING_KEYS when set, otherwise from the database, where the first process
 * generates them once; every process on the same database then signs and verifies alike.
 */
export async function loadKeyRing(db: Database, signingKeys: string | null): Promise<KeyRing> {
  const jwks = signingKeys ? parseSigningKeys(signingKeys) : await storedSigningJwks(db);
  const keys = await Promise.all(jwks.map(importSigningKey));
  const verifiers = new Map<string, SigningKey>();
  for (const key of keys) {
    if (verifiers.has(key.kid)) throw new SigningKeysError(`SIGNING_KEYS: kid "${key.kid}" appears twice.`);
    verifiers.set(key.kid, key);
  }
  return {
    signer: keys[0]!,
    verifiers,
    jwks: { keys: keys.map((key) => key.publicJwk) },
    codeKey: await storedCodeKey(db),
  };
}
