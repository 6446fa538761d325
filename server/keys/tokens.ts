import { type JWTPayload, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../errors.ts';
import { type KeyRing, SIGNING_ALGORITHMS } from './key-ring.ts';

export type TokenPurpose = 'login';

export interface TokenClaims extends JWTPayload {
  sub: string;
  jti: string;
  pur: TokenPurpose;
}

export interface TokenIssuer {
  sign(claims: { sub: string; jti: string; pur: TokenPurpose }, lifetimeSeconds: number): Promise<string>;
  /** Verifies signature, algorithm, issuer, audience, lifetime and purpose; otherwise 401 invalid_token. */
  verify(token: string, purpose: TokenPurpose): Promise<TokenClaims>;
}

export function createTokenIssuer(keys: KeyRing, publicUrl: string): TokenIssuer {
  return {
    async sign(claims, lifetimeSeconds) {
      return new SignJWT({ pur: claims.pur })
        .setProtectedHeader({ alg: keys.signer.alg, kid: keys.signer.kid, typ: 'JWT' })
        .setSubject(claims.sub)
        .setJti(claims.jti)
        .setIssuer(publicUrl)
        .setAudience(publicUrl)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(keys.signer.privateKey);
    },
    async verify(token, purpose) {
      try {
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const key = header.kid ? keys.verifiers.get(header.kid) : undefined;
            if (!key || key.alg !== header.alg) throw new joseErrors.JWKSNoMatchingKey();
            return key.publicKey;
          },
          {
            algorithms: [...SIGNING_ALGORITHMS],
            issuer: publicUrl,
            audience: publicUrl,
            requiredClaims: ['jti', 'sub', 'exp', 'iat'],
          },
        );
        if (payload.pur !== purpose) throw new AppError('invalid_token');
        return payload as TokenClaims;
      } catch (error) {
        if (
          error instanceof AppError ||
          error instanceof joseErrors.JOSEError ||
          error instanceof TypeError
        ) {
          throw new AppError('invalid_token');
        }
        throw error;
      }
    },
  };
}
