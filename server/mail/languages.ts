/**
 * The languages mail is written in: the build renders every template once per language here.
 * Add a language by adding its tag and its words (see server/mail/README.md).
 */
export const MAIL_LANGUAGES = ['en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export const DEFAULT_MAIL_LANGUAGE: MailLanguage = 'en';
