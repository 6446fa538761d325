import { eq } from 'drizzle-orm';
import { type Language, resolveLanguage } from '../../contract/languages.ts';
import type { Queryable } from '../db/client.ts';
import { users } from '../db/schema/index.ts';

/** Remembers a user's language (any tag, resolved to one we speak) for their mail and pages. */
export async function setUserLanguage(db: Queryable, userId: string, tag: string): Promise<Language> {
  const lang = resolveLanguage(tag);
  await db.update(users).set({ lang }).where(eq(users.id, userId));
  return lang;
}
