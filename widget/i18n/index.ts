import type { Language } from '../../contract/languages.ts';
import type { FlowError } from '../controllers/registration-flow.ts';
import { en, type Strings } from './en.ts';

export type { Strings };

// English is built in; every other language is its own file next to the script, fetched from the
// script's origin on first use, so a page pays only for the language it shows (docs/widget.md).
const loaders: Record<Exclude<Language, 'en'>, () => Promise<object>> = {
  'zh-Hant': () => import('./zh-hant.ts'),
  'zh-Hans': () => import('./zh-hans.ts'),
  ja: () => import('./ja.ts'),
};
/** Each language's texts once here, or the promise of them while they load. */
const texts: Partial<Record<Language, Strings | Promise<void>>> = { en };

/**
 * The built-in texts of a language when they are here; otherwise undefined, and `arrived` is called
 * once they are (English when the file cannot be fetched).
 */
export function stringsFor(lang: Language, arrived: () => void): Strings | undefined {
  texts[lang] ??= loaders[lang as Exclude<Language, 'en'>]().then(
    (module) => {
      texts[lang] = Object.values(module)[0] as Strings;
    },
    () => {
      texts[lang] = en;
    },
  );
  const here = texts[lang];
  if (!(here instanceof Promise)) return here;
  here.then(arrived);
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
