import { type Language, resolveLanguage } from '../../contract/languages.ts';
import type { FlowError } from '../controllers/registration-flow.ts';
import { en, type Strings } from './en.ts';
import { ja } from './ja.ts';
import { zhHans } from './zh-hans.ts';
import { zhHant } from './zh-hant.ts';

export type { Strings };

const catalogues: Record<Language, Strings> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans, ja };

/** Built-in texts for a BCP 47 tag: zh-TW/zh-HK/zh-Hant → Traditional, other Chinese → Simplified, ja → Japanese, else English. */
export function stringsFor(lang: string | null | undefined): Strings {
  return catalogues[resolveLanguage(lang)];
}

/** Fills `{placeholder}`s. The result is bound as text, never parsed as HTML. */
export function fill(text: string, values: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

export function errorText(strings: Strings, error: FlowError): string {
  const key = error.code === 'invalid_code' && error.count ? 'invalid_code_tries' : error.code;
  // "1 try left" / "2 tries left": the language's plural rules pick `key_one`, `key_few`… when the catalogue has one.
  const plural = error.count ? `${key}_${new Intl.PluralRules(strings.locale).select(error.count)}` : key;
  // Error codes are snake_case; this keeps an unknown code from picking a label such as `name`.
  const text = key.includes('_')
    ? (strings[plural as keyof Strings] ?? strings[key as keyof Strings])
    : undefined;
  return fill(text ?? strings.generic, { ...error });
}
