import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  jwtVerify,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginTokens } from '../../server/db/schema/index.ts';
import { generateSigningJwk, loadKeyRing } from '../../server/keys/key-ring.ts';
import { createTokenIssuer } from '../../server/keys/tokens.ts';
import { registerSomeone } from '../helpers/accounts.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(backends)('login tokens on %s', (backend) => {
  let h: Harness;
  let newKey: JWK;
  let oldKey: JWK;
  let userId: string;

  beforeAll(async () => {
    // Mid-rotation: the new key signs, the old one still verifies.
    [newKey, oldKey] = await Promise.all([generateSigningJwk(), generateSigningJwk()]);
    h = await createHarness({ backend, env: { SIGNING_KEYS: JSON.stringify({ keys: [newKey, oldKey] }) } });
    userId = (await registerSomeone(h)).user.id;
  });
  afterAll(() => h?.close());

  const exchange = (token: string) => h.request('POST', '/api/auth/exchange', { token });

  /** A login token with a fresh, unused database row, so only the JWT itself can make it fail. */
  async function craft(
    options: {
      key?: CryptoKey | Uint8Array;
      header?: Record<string, unknown>;
      claims?: Record<string, unknown>;
      expiresIn?: string | number;
      issuer?: string;
      audience?: string;
    } = {},
  ) {
    const jti = randomUUID();
    await h.db.insert(loginTokens).values({ jti, userId, expiresAt: new Date(Date.now() + 5 * 60_000) });
    return new SignJWT({ pur: 'login', ...options.claims })
      .setProtectedHeader({ alg: 'EdDSA', kid: h.deps.keys.signer.kid, typ: 'JWT', ...options.header } as any)
      .setSubject(userId)
      .setJti(jti)
      .setIssuer(options.issuer ?? PUBLIC_URL)
      .setAudience(options.audience ?? PUBLIC_URL)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? h.deps.keys.signer.privateKey);
  }

  async function expectRefused(token: string) {
    const response = await exchange(token);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: { code: 'invalid_token', message: 'This link or token is not valid any more.' },
    });
  }

  it('accepts a correctly crafted token (the control for the refusals below)', async () => {
    expect((await exchange(await craft())).status).toBe(200);
  });

  it('redeems once: a replay gets 401 invalid_token', async () => {
    const { loginToken } = await registerSomeone(h);
    expect((await exchange(loginToken)).status).toBe(200);
    await expectRefused(loginToken);
  });

  it('redeems once under 16 concurrent exchanges', async () => {
    const { loginToken } = await registerSomeone(h);
    const answers = await Promise.all(Array.from({ length: 16 }, () => exchange(loginToken)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, ...Array(15).fill(401)]);
  });

  it('refuses alg none', async () => {
    const valid = await craft();
    const [, payload] = valid.split('.');
    await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`);
    await expectRefused(`${b64({ alg: 'none', typ: 'JWT', kid: h.deps.keys.signer.kid })}.${payload}.`);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const x = h.deps.keys.signer.publicJwk.x!;
    for (const secret of [new TextEncoder().encode(x), Buffer.from(x, 'base64url')]) {
      await expectRefused(await craft({ key: new Uint8Array(secret), header: { alg: 'HS256' } }));
    }
  });

  it('refuses a missing or unknown kid', async () => {
    await expectRefused(await craft({ header: { kid: 'no-such-key' } }));
    const noKid = await craft({ header: { kid: undefined } });
    expect(decodeProtectedHeader(noKid)).not.toHaveProperty('kid');
    await expectRefused(noKid);
  });

  it('refuses a valid signature by another Ed25519 key that claims our kid', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    await expectRefused(await craft({ key: privateKey }));
  });

  it('refuses a tampered payload', async () => {
    const valid = await craft();
    const [header, payload, signature] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const other = await registerSomeone(h);
    await expectRefused(`${header}.${b64({ ...claims, sub: other.user.id })}.${signature}`);
  });

  it('refuses expired tokens, whether made by the issuer or crafted with the real key', async () => {
    const jti = randomUUID();
    await h.db.insert(loginTokens).values({ jti, userId, expiresAt: new Date(Date.now() + 60_000) });
    await expectRefused(await h.deps.tokens.sign({ sub: userId, jti, pur: 'login' }, -10));
    await expectRefused(await craft({ expiresIn: Math.floor(Date.now() / 1000) - 10 }));
  });

  it('refuses another purpose, issuer or audience, even with the real key', async () => {
    await expectRefused(await craft({ claims: { pur: 'reset' } }));
    await expectRefused(await craft({ claims: { pur: undefined } }));
    await expectRefused(await craft({ issuer: 'https://evil.test' }));
    await expectRefused(await craft({ audience: 'https://evil.test' }));
  });

  it('refuses a token whose database row has expired or never existed', async () => {
    const jti = randomUUID();
    await expectRefused(await h.deps.tokens.sign({ sub: userId, jti, pur: 'login' }, 300));
    await h.db.insert(loginTokens).values({ jti, userId, expiresAt: new Date(Date.now() - 1000) });
    await expectRefused(await h.deps.tokens.sign({ sub: userId, jti, pur: 'login' }, 300));
  });

  it('refuses garbage without a 500', async () => {
    for (const token of ['', 'abc', 'a.b.c', `${b64({ alg: 'EdDSA' })}.${b64('x')}.`]) {
      await expectRefused(token);
    }
  });

  it('publishes both public keys in the JWKS, never the private part; anyone can verify with it', async () => {
    const jwks = await h.request('GET', '/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(jwks.body.keys.map((key: JWK) => key.kid)).toEqual([newKey.kid, oldKey.kid]);
    for (const key of jwks.body.keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(key).not.toHaveProperty('d');
    }
    expect(JSON.stringify(jwks.body)).not.toContain(newKey.d!);

    const { loginToken } = await registerSomeone(h);
    expect(decodeProtectedHeader(loginToken)).toMatchObject({ alg: 'EdDSA', kid: newKey.kid });
    const { payload } = await jwtVerify(loginToken, createLocalJWKSet(jwks.body), {
      algorithms: ['EdDSA'],
      issuer: PUBLIC_URL,
      audience: PUBLIC_URL,
    });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
  });

  it('still accepts a token from the old key while it is listed', async () => {
    const oldPrivate = (await importJWK(oldKey, 'EdDSA')) as CryptoKey;
    const token = await craft({ key: oldPrivate, header: { kid: oldKey.kid } });
    expect((await exchange(token)).status).toBe(200);
  });

  it('rotation: old-key tokens verify while both keys are listed, and stop once the old one is gone', async () => {
    const oldRing = await loadKeyRing(h.db, JSON.stringify({ keys: [oldKey] }));
    const bothRing = await loadKeyRing(h.db, JSON.stringify({ keys: [newKey, oldKey] }));
    const newRing = await loadKeyRing(h.db, JSON.stringify({ keys: [newKey] }));
    const claims = { sub: userId, jti: randomUUID(), pur: 'login' as const };
    const oldToken = await createTokenIssuer(oldRing, PUBLIC_URL).sign(claims, 300);

    await expect(createTokenIssuer(bothRing, PUBLIC_URL).verify(oldToken, 'login')).resolves.toMatchObject({
      sub: userId,
    });
    await expect(createTokenIssuer(newRing, PUBLIC_URL).verify(oldToken, 'login')).rejects.toMatchObject({
      code: 'invalid_token',
    });
    const newToken = await createTokenIssuer(bothRing, PUBLIC_URL).sign(claims, 300);
    expect(decodeProtectedHeader(newToken).kid).toBe(newKey.kid);
    await expect(createTokenIssuer(newRing, PUBLIC_URL).verify(newToken, 'login')).resolves.toBeTruthy();
  });

  it('refuses a JWKS-public key offered as a signing key', async () => {
    const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const publicOnly = { ...(await exportJWK(publicKey)), kid: 'public-only' };
    await expect(loadKeyRing(h.db, JSON.stringify({ keys: [publicOnly] }))).rejects.toThrow(/private/);
  });
});
