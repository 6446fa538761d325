import { type Language, resolveLanguage } from '../../../contract/languages.ts';
import { en, type MailWords } from './en.ts';
import { ja } from './ja.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

export type { MailWords };

export const mailCatalogues: Record<Language, MailWords> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans, ja };

/** The words of every mail in a language; an unknown or missing tag gets English. */
export function mailWords(lang: string | null | undefined): MailWords {
  return mailCatalogues[resolveLanguage(lang)];
}

/** Fills `{prop}` placeholders once; values are not scanned again, so a `{…}` in a name stays as is. */
export function fill(text: string, values: object): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String((values as Record<string, unknown>)[key]) : whole,
  );
}
