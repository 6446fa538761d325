import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type Language, resolveLanguage } from '../../../contract/languages.ts';
import { fill, type PageWords, pageCatalogues } from './catalogues.ts';

export { fill, type PageWords };

const CHANGED = 'chatpoint-language-changed';

/**
 * The page's language: the server already chose it for `<html lang>` (`?lang=`, the signed-in
 * user's language, then Accept-Language); the page changes it once it knows who is signed in.
 */
let current: Language = resolveLanguage(globalThis.document?.documentElement.lang);

export const pageLanguage = (): Language => current;

/** The words of the page's language. */
export const words = (): PageWords => pageCatalogues[current];

/** `?lang=` in the address: it wins over the user's stored language. */
export function addressLanguage(): Language | null {
  const tag = new URLSearchParams(location.search).get('lang');
  return tag ? resolveLanguage(tag) : null;
}

/** Switches every element that uses `LanguageController` to `tag`, and `<html lang>` with them. */
export function setPageLanguage(tag: string | null | undefined): void {
  const lang = resolveLanguage(tag);
  document.documentElement.lang = lang;
  if (lang === current) return;
  current = lang;
  window.dispatchEvent(new Event(CHANGED));
}

/** After sign-in: the user's stored language, unless the address names one. */
export function followUserLanguage(userLang: string): void {
  setPageLanguage(addressLanguage() ?? userLang);
}

/** Re-renders its element when the page language changes. */
export class LanguageController implements ReactiveController {
  readonly #update = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    window.addEventListener(CHANGED, this.#update);
  }
  hostDisconnected(): void {
    window.removeEventListener(CHANGED, this.#update);
  }
}

/** Dates and times in the page's language. */
export function formatDateTime(iso: string, options: Intl.DateTimeFormatOptions): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(current, options).format(date);
}
