import type { Language } from '../../contract/languages.ts';

/** The welcome message per language, as the admin wrote them; a language may have none. */
export type WelcomeMessages = Partial<Record<Language, string>>;

/** The welcome a new user reads: the one in their language when the admin wrote it, else the default. */
export function welcomeMessageFor(lang: Language, welcomeMessages: WelcomeMessages, defaultMessage: string) {
  const own = welcomeMessages[lang];
  return own?.trim() ? own : defaultMessage;
}
