import { type Language, languages } from '../../contract/languages.ts';
import { limits } from '../../contract/limits.ts';
import type { WelcomeMessages } from '../chat/welcome-message.ts';
import { AppError } from '../errors.ts';

const malformed = (message: string) => new AppError('invalid_request', { status: 422, message });

const isLanguage = (key: string): key is Language => (languages as readonly string[]).includes(key);

/**
 * Applies an admin's `welcomeMessages` change to the stored ones: a text sets a language, "" or
 * null removes it, a language left out stays. An unknown language or a value that is not text is
 * 422 invalid_request, as is anything but an object; a text over the welcome message's limit is 422 invalid_welcome_message.
 */
export function mergeWelcomeMessages(current: WelcomeMessages, change: unknown): WelcomeMessages {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) {
    throw malformed('Welcome messages: send an object of language → text, such as {"ja":"…"}.');
  }
  const merged: WelcomeMessages = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (!isLanguage(key)) {
      throw malformed(`Welcome messages: "${key.slice(0, 40)}" is not one of ${languages.join(', ')}.`);
    }
    if (value !== null && typeof value !== 'string') {
      throw malformed(`Welcome messages: the ${key} message must be text, or "" or null to remove it.`);
    }
    if (value && [...value].length > limits.welcomeMessageMaxLength)
      throw new AppError('invalid_welcome_message');
    if (value?.trim()) merged[key] = value;
    else delete merged[key];
  }
  return merged;
}

export const sameWelcomeMessages = (a: WelcomeMessages, b: WelcomeMessages) =>
  languages.every((lang) => a[lang] === b[lang]);
