import { desc, eq } from 'drizzle-orm';
import type { Language } from '../../contract/languages.ts';
import type { FieldAnswers } from '../../contract/registration-fields.ts';
import type { Queryable, Tx } from '../db/client.ts';
import { consents, users } from '../db/schema/index.ts';

/** Where a choice was made: the person's language, the link and the page's origin, if any. */
export interface ChoiceContext {
  workdomainId: string;
  userId: string;
  lang: Language;
  linkId: string | null;
  origin: string | null;
}

/** What a registrant chose on the form: the policy version agreed to, the marketing choice. */
export interface Choices {
  consentVersion: string | null;
  marketing: boolean | null;
}

/** A ledger entry as a webhook carries it. */
export interface ConsentEntry {
  kind: 'terms' | 'marketing';
  granted: boolean;
  version: string | null;
  at: string;
}

/**
 * Appends the choices to the ledger and keeps the user's latest ones beside their account, in
 * `tx`. Answers what was appended. The ledger is never updated (a trigger refuses it).
 */
export async function recordChoices(
  tx: Tx,
  context: ChoiceContext,
  choices: Choices,
  policyVersion: string,
): Promise<ConsentEntry[]> {
  const at = new Date();
  const entries: ConsentEntry[] = [];
  if (choices.consentVersion !== null)
    entries.push({ kind: 'terms', granted: true, version: choices.consentVersion, at: at.toISOString() });
  if (choices.marketing !== null)
    entries.push({
      kind: 'marketing',
      granted: choices.marketing,
      version: policyVersion,
      at: at.toISOString(),
    });
  if (entries.length === 0) return entries;
  await tx.insert(consents).values(
    entries.map((entry) => ({
      workdomainId: context.workdomainId,
      userId: context.userId,
      kind: entry.kind,
      granted: entry.granted,
      version: entry.version,
      lang: context.lang,
      linkId: context.linkId,
      origin: context.origin?.slice(0, 300) ?? null,
      at,
    })),
  );
  const latest: Partial<typeof users.$inferInsert> = {};
  if (choices.consentVersion !== null) latest.consentVersion = choices.consentVersion;
  if (choices.marketing !== null) latest.marketing = choices.marketing;
  await tx.update(users).set(latest).where(eq(users.id, context.userId));
  return entries;
}

/** A returning member's new answers replace the earlier answers to the same questions. */
export async function updateAnswers(tx: Tx, userId: string, answers: FieldAnswers) {
  if (Object.keys(answers).length === 0) return;
  const [user] = await tx.select({ fields: users.fields }).from(users).where(eq(users.id, userId));
  await tx
    .update(users)
    .set({ fields: { ...user?.fields, ...answers } })
    .where(eq(users.id, userId));
}

/** Every ledger entry of a person, oldest first. */
export function consentHistory(db: Queryable, userId: string) {
  return db
    .select({
      kind: consents.kind,
      granted: consents.granted,
      version: consents.version,
      lang: consents.lang,
      linkId: consents.linkId,
      origin: consents.origin,
      at: consents.at,
    })
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(consents.at, desc(consents.kind));
}
