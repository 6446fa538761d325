import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { limits } from '../../contract/limits.ts';
import type { Queryable } from '../db/client.ts';
import { loginTokens } from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { type AccountView, accountView } from './account-view.ts';
import { createSession, findSessionUser } from './sessions.ts';

/** A single-use login token's row, inside the caller's transaction; answers its jti. */
export async function insertLoginToken(tx: Queryable, userId: string) {
  const jti = randomUUID();
  await tx.insert(loginTokens).values({
    jti,
    userId,
    expiresAt: new Date(Date.now() + limits.loginTokenLifetimeSeconds * 1000),
  });
  return jti;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SignedIn {
  sessionToken: string;
  user: AccountView;
}

/**
 * Trades a login token from registration for a session. The guarded update is what makes the
 * token single use: of any number of concurrent redemptions exactly one sees the row unused.
 */
export async function exchangeLoginToken(deps: AppDeps, token: string): Promise<SignedIn> {
  const claims = await deps.tokens.verify(token, 'login');
  // Claims are signed by us, but a malformed uuid would still reach SQL as a type error.
  if (!UUID.test(claims.jti) || !UUID.test(claims.sub)) throw new AppError('invalid_token');
  return deps.db.transaction(async (tx) => {
    const redeemed = await tx
      .update(loginTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(loginTokens.jti, claims.jti),
          eq(loginTokens.userId, claims.sub),
          isNull(loginTokens.usedAt),
          gt(loginTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: loginTokens.userId });
    if (redeemed.length === 0) throw new AppError('invalid_token');
    const { sessionToken } = await createSession(tx, claims.sub, 'token');
    // Null for an inactive user; throwing rolls the redemption and the session back.
    const session = await findSessionUser(tx, sessionToken);
    if (!session) throw new AppError('invalid_token');
    return { sessionToken, user: accountView(session.user) };
  });
}
