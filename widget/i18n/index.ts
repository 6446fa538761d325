import type { FlowError } from '../controllers/registration-flow.ts';
import { en, type Strings } from './en.ts';
import { ja } from './ja.ts';
import { zhHant } from './zh-hant.ts';

export type { Strings };

/** Built-in texts for a BCP 47 tag: any Chinese gets Traditional Chinese (zh-Hant, zh-TW, zh-HK), ja Japanese, else English. */
export function stringsFor(lang: string | null | undefined): Strings {
  const primary = (lang ?? '').toLowerCase().split('-')[0];
  return primary === 'zh' ? zhHant : primary === 'ja' ? ja : en;
}

/** Fills `{placeholder}`s. The result is bound as text, never parsed as HTML. */
export function fill(text: string, values: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The text for `key` and the number `count`: the `_one` form where the language's plural rules say so. */
export function plural(strings: Strings, key: keyof Strings, count?: number): string | undefined {
  const one =
    count !== undefined && new Intl.PluralRules(strings.lang).select(count) === 'one'
      ? strings[`${key}_one` as keyof Strings]
      : undefined;
  return one ?? strings[key];
}

export function errorText(strings: Strings, error: FlowError): string {
  const key = error.code === 'invalid_code' && error.count ? 'invalid_code_tries' : error.code;
  // Error codes are snake_case; this keeps an unknown code from picking a label such as `name`.
  const text =
    key.includes('_') && key in strings
      ? plural(strings, key as keyof Strings, error.count ?? error.seconds)
      : undefined;
  return fill(text ?? strings.generic, { ...error });
}
