import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Language } from '../../contract/languages.ts';
import type { Queryable } from '../db/client.ts';
import { sessions, users, workdomains } from '../db/schema/index.ts';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'cp_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export type SessionVia = 'password' | 'token' | 'code';

/** A new opaque session token; only its hash is stored, so a database leak signs nobody in. */
export async function createSession(db: Queryable, userId: string, via: SessionVia = 'password') {
  const token = randomBytes(32).toString('base64url');
  const [session] = await db
    .insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      via,
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
    })
    .returning({ id: sessions.id });
  return { sessionId: session!.id, sessionToken: token };
}

export interface SessionUser {
  sessionId: string;
  /** How the session began, and when: a fresh session from a link or code may set a first password. */
  via: SessionVia;
  startedAt: Date;
  user: {
    id: string;
    name: string;
    email: string;
    kind: 'internal' | 'external';
    role: 'member' | 'admin';
    workdomainId: string;
    workdomainSlug: string;
    workdomainName: string;
    mustChangePassword: boolean;
    lang: Language;
  };
}

/** The active user behind a session token, or null when it is unknown, revoked, expired or the user inactive. */
export async function findSessionUser(db: Queryable, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      via: sessions.via,
      startedAt: sessions.createdAt,
      user: users,
      workdomain: workdomains,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(workdomains, eq(workdomains.id, users.workdomainId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.status, 'active'),
      ),
    );
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    via: row.via,
    startedAt: row.startedAt,
    user: {
      id: row.user.id,
      name: row.user.name,
      email: row.user.email,
      kind: row.user.kind,
      role: row.user.role,
      workdomainId: row.workdomain.id,
      workdomainSlug: row.workdomain.slug,
      workdomainName: row.workdomain.name,
      mustChangePassword: row.user.initialPasswordExpiresAt !== null,
      lang: row.user.lang,
    },
  };
}

export async function revokeSession(db: Queryable, sessionId: string) {
  await db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, sessionId));
}
