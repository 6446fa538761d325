import type { Page } from 'playwright';

/**
 * Everything a reader sees or hears on the page now: visible text (through open shadow roots),
 * the text of visible selects' options, and the placeholder, aria-label, title and alt of visible
 * elements, plus the document title. Code (`code`, `pre`, `kbd`, `samp`) is left out: it is not
 * words, it is what a developer copies; so are the elements matching `skip`. Input values are data,
 * not words, and are left out too.
 */
export function readerText(page: Page, skip = ''): Promise<string[]> {
  return page.evaluate((skip) => {
    const found: string[] = [document.title];
    const shown = (element: Element) => element.checkVisibility({ visibilityProperty: true });
    const inCode = (element: Element) =>
      Boolean(element.closest(skip ? `code, pre, kbd, samp, ${skip}` : 'code, pre, kbd, samp'));
    const visit = (root: Document | ShadowRoot) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Text) {
          const parent = node.parentElement;
          if (!parent || ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'OPTION'].includes(parent.tagName))
            continue;
          if (node.data.trim() && shown(parent) && !inCode(parent)) found.push(node.data.trim());
          continue;
        }
        const element = node as Element;
        if (element.shadowRoot) visit(element.shadowRoot);
        if (!shown(element) || inCode(element)) continue;
        for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
          const value = element.getAttribute(name);
          if (value?.trim()) found.push(value.trim());
        }
        if (element instanceof HTMLSelectElement)
          for (const option of element.options) if (option.text.trim()) found.push(option.text.trim());
      }
    };
    visit(document);
    return found;
  }, skip);
}

const EMAIL = /[^\s@<>()（）]+@[^\s@<>()（）]+\.[^\s@<>()（）]+/g;
/** URLs, and URL patterns such as scheme://host:port. */
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/\S*/g;
/** Domain names such as example.com: addresses, like e-mail addresses and URLs. */
const DOMAIN = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/g;
const BRAND = /\bChatPoint\b/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Words in Latin letters that a page in Japanese should not show: what is left of each text once
 * e-mail addresses, URLs, domain names, the brand, the given names and the `allowed` terms (the few
 * Japanese itself writes in Latin letters) are taken out. Each finding names the text it stood in.
 */
export function latinWords(texts: string[], names: string[], allowed: readonly string[] = []): string[] {
  const phrases = [...names, ...allowed]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((phrase) => new RegExp(`(?<![A-Za-z])${escapeRegExp(phrase)}(?![A-Za-z])`, 'g'));
  const words = new Set<string>();
  for (const text of texts) {
    let rest = text.replace(EMAIL, ' ').replace(URL_LIKE, ' ').replace(DOMAIN, ' ').replace(BRAND, ' ');
    for (const phrase of phrases) rest = rest.replace(phrase, ' ');
    for (const word of rest.match(/[A-Za-z]+(?:['’.-][A-Za-z]+)*/g) ?? []) {
      words.add(`${word}  ← “${text.slice(0, 80)}”`);
    }
  }
  return [...words];
}
