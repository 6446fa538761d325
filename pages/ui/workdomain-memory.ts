import { queryParam } from './address-token.ts';

// Registrants arrive through links and rarely know their workdomain's slug; the browser keeps the
// last one that signed in so the sign-in and reset forms can offer it. A slug is not a secret.
const KEY = 'chatpoint.workdomain';

export function rememberWorkdomain(slug: string): void {
  try {
    localStorage.setItem(KEY, slug);
  } catch {
    // Storage may be disabled; the form simply starts empty.
  }
}

/** The slug to prefill: `?workdomain=` first, then the one remembered. */
export function workdomainToPrefill(): string {
  const fromAddress = queryParam('workdomain');
  if (fromAddress) return fromAddress;
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}
