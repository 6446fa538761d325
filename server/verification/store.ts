/**
 * The one table of mailed codes (verification_codes): issue, resend, count a wrong try, accept,
 * consume. Each is one statement; the ones a flow must join to its own move are answered as a
 * named CTE, so the flow's guarded update and the code's stay one statement.
 */
import { and, eq, gt, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { type CodePurpose, verificationCodes } from '../db/schema/index.ts';
import { CODE_LIFETIME_MS, MAX_CODE_ATTEMPTS } from './codes.ts';

export type StoredCode = typeof verificationCodes.$inferSelect;

const expiry = () => new Date(Date.now() + CODE_LIFETIME_MS);

/** A new code for a subject (a registration or a sign-in attempt); null hash when no code is mailed. */
export function issueCode(db: Queryable, subjectId: string, purpose: CodePurpose, codeHash: string | null) {
  return db.insert(verificationCodes).values({ subjectId, purpose, codeHash, expiresAt: expiry() });
}

/** A resend: the new code replaces the old one (which dies), the count of tries goes on. */
export function resendCodeStep(db: Queryable, subjectId: string, codeHash: string | null) {
  return db.$with('resent').as(
    db
      .update(verificationCodes)
      .set({
        previousCodeHash: sql`${verificationCodes.codeHash}`,
        codeHash,
        expiresAt: expiry(),
      })
      .where(eq(verificationCodes.subjectId, subjectId))
      .returning({ subjectId: verificationCodes.subjectId }),
  );
}

/** A wrong try, counted in the statement itself, so parallel guesses all count. */
export function wrongTryStep(db: Queryable, subjectId: string) {
  return db.$with('counted').as(
    db
      .update(verificationCodes)
      .set({ attempts: sql`${verificationCodes.attempts} + 1` })
      .where(eq(verificationCodes.subjectId, subjectId))
      .returning({
        attempts: verificationCodes.attempts,
        acceptedAt: verificationCodes.acceptedAt,
        consumedAt: verificationCodes.consumedAt,
      }),
  );
}

/** True in a statement with wrongTryStep when this try used up the last one of a live code. */
export function killedBy(counted: ReturnType<typeof wrongTryStep>): SQL {
  return sql`exists (select 1 from ${counted} where ${counted.attempts} >= ${MAX_CODE_ATTEMPTS}
    and ${counted.acceptedAt} is null and ${counted.consumedAt} is null)`;
}

/**
 * The count of tries a refusal reports: a code whose right value was already accepted or used
 * keeps answering "not right" and cannot be killed by guesses arriving after it.
 */
export function triesCounted(counted: {
  attempts: number;
  acceptedAt: Date | null;
  consumedAt: Date | null;
}) {
  const settled = counted.acceptedAt !== null || counted.consumedAt !== null;
  return settled ? Math.min(counted.attempts, MAX_CODE_ATTEMPTS) : counted.attempts;
}

/** A wrong try on its own: the count including it. */
export async function recordWrongTry(db: Queryable, subjectId: string): Promise<number> {
  const counted = wrongTryStep(db, subjectId);
  const [row] = await db.with(counted).select().from(counted);
  return row ? triesCounted(row) : MAX_CODE_ATTEMPTS + 1;
}

/**
 * Accepts the subject's code (once accepted it stays so), unless it expired, was used, or the
 * last try went first. `codeHash` also checks the code in the same statement; `also` adds the
 * flow's own guard.
 */
export function acceptStep(db: Queryable, subjectId: string, codeHash?: string, also?: SQL) {
  return db.$with('accepted').as(
    db
      .update(verificationCodes)
      .set({ acceptedAt: sql`coalesce(${verificationCodes.acceptedAt}, now())` })
      .where(
        and(
          eq(verificationCodes.subjectId, subjectId),
          codeHash === undefined ? undefined : eq(verificationCodes.codeHash, codeHash),
          isNull(verificationCodes.consumedAt),
          gt(verificationCodes.expiresAt, sql`now()`),
          or(isNotNull(verificationCodes.acceptedAt), lt(verificationCodes.attempts, MAX_CODE_ATTEMPTS)),
          also,
        ),
      )
      .returning({ subjectId: verificationCodes.subjectId }),
  );
}

/** Uses the subject's code up, once, unless it expired or the last try went first. */
export function consumeStep(db: Queryable, subjectId: string) {
  return db.$with('consumed').as(
    db
      .update(verificationCodes)
      .set({ consumedAt: sql`now()` })
      .where(
        and(
          eq(verificationCodes.subjectId, subjectId),
          isNull(verificationCodes.consumedAt),
          lt(verificationCodes.attempts, MAX_CODE_ATTEMPTS),
          gt(verificationCodes.expiresAt, sql`now()`),
        ),
      )
      .returning({ subjectId: verificationCodes.subjectId }),
  );
}

/** Consumes a code on its own: whether it was still usable. */
export async function consumeCode(db: Queryable, subjectId: string): Promise<boolean> {
  const consumed = consumeStep(db, subjectId);
  const rows = await db.with(consumed).select().from(consumed);
  return rows.length > 0;
}

export async function findCode(db: Queryable, subjectId: string): Promise<StoredCode | undefined> {
  const [code] = await db.select().from(verificationCodes).where(eq(verificationCodes.subjectId, subjectId));
  return code;
}
