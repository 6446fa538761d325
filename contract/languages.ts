/**
 * The languages every mail, page and the widget speak, and how any BCP 47 tag maps onto them.
 * Tiny and dependency-free on purpose: the widget bundles it.
 */
export const languages = ['en', 'zh-Hant', 'zh-Hans', 'ja'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'en';

/** Chinese regions that write Traditional characters; any other Chinese is Simplified. */
const TRADITIONAL_REGIONS = ['tw', 'hk', 'mo'];

/**
 * `zh-TW`/`zh-HK`/`zh-MO`/`zh-Hant*` → zh-Hant, `zh`/`zh-CN`/`zh-SG`/`zh-Hans*` → zh-Hans,
 * `ja*` → ja, anything else (or nothing) → en.
 */
export function resolveLanguage(tag: string | null | undefined): Language {
  const [primary, ...rest] = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  if (primary === 'ja') return 'ja';
  if (primary !== 'zh') return 'en';
  if (rest.includes('hant')) return 'zh-Hant';
  if (rest.includes('hans')) return 'zh-Hans';
  return rest.some((subtag) => TRADITIONAL_REGIONS.includes(subtag)) ? 'zh-Hant' : 'zh-Hans';
}

/** Whether a tag names one of our languages or a variant of it (so it should win over a fallback). */
export function isSupportedTag(tag: string | null | undefined): boolean {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'ja' || primary === 'zh';
}

/**
 * Picks the language for an `Accept-Language` header: the entries are tried by quality (then
 * order), and the first one we speak wins; no such entry → en.
 */
export function negotiateLanguage(acceptLanguage: string | null | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranked.find((entry) => isSupportedTag(entry.tag));
  return match ? resolveLanguage(match.tag) : defaultLanguage;
}
