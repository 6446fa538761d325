import type { Language } from '../../../contract/languages.ts';
import { fill, pageLanguage } from '../../ui/i18n/index.ts';
import { type AdminWords, en } from './en.ts';
import { ja } from './ja.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

export { type AdminWords, fill };

export const adminCatalogues: Record<Language, AdminWords> = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans, ja };

/** The admin page's words in the page's language (the admin's own choice once signed in). */
export const adminWords = (): AdminWords => adminCatalogues[pageLanguage()];
