import { defaultLanguage, languages } from '../../contract/languages.ts';

/**
 * The languages mail is written in: the build renders every template once per language here.
 * They are the service's languages (contract/languages.ts); words live in server/mail/i18n/.
 */
export const MAIL_LANGUAGES = languages;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export const DEFAULT_MAIL_LANGUAGE: MailLanguage = defaultLanguage;
