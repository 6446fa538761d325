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

export function errorText(strings: Strings, error: FlowError): string {
  const key = error.code === 'invalid_code' && error.count ? 'invalid_code_tries' : error.code;
  // Error codes are snake_case; this keeps an unknown code from picking a label such as `name`.
  const text = key.includes('_') ? strings[key as keyof Strings] : undefined;
  return fill(text ?? strings.generic, { ...error });
}
