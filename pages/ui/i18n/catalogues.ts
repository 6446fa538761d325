import { type Language, resolveLanguage } from '../../../contract/languages.ts';
import { limits } from '../../../contract/limits.ts';
import { en, type PageWords } from './en.ts';
import { ja } from './ja.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

export type { PageWords };

/** The pages' words by language; plain data, so the server renders the join page from it too. */
export const pageCatalogues: Record<Language, PageWords> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans, ja };

export const wordsFor = (lang: string | null | undefined): PageWords => pageCatalogues[resolveLanguage(lang)];

/** The numbers the texts mention, so each language words them once. */
const limitValues = {
  min: limits.passwordMinLength,
  max: limits.passwordMaxLength,
  nameMax: limits.nameMaxLength,
  messageMax: limits.chatMessageMaxLength,
  welcomeMax: limits.welcomeMessageMaxLength,
};

/** Fills `{placeholder}`s (and the limits' numbers); the result is bound as text, never as HTML. */
export function fill(text: string, values: Record<string, string | number> = {}): string {
  const all: Record<string, string | number> = { ...limitValues, ...values };
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in all ? String(all[key]) : whole));
}
