import type { Language } from '../../../contract/languages.ts';
import { en, type SystemLineWords } from './en.ts';
import { ja } from './ja.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

export type { SystemLineWords };

export const systemLineCatalogues: Record<Language, SystemLineWords> = {
  en,
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  ja,
};
