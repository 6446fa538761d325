/**
 * Takes `#token=…` out of the address and drops it from the address bar and history at once, so it
 * cannot leak through a shared screen, a bookmark or the back button. Returns the token, if any.
 */
export function takeTokenFromAddress(cleanPath: string): string | null {
  return takeLinkFromAddress(cleanPath).token;
}

/** Like takeTokenFromAddress, with the `email` a sign-in link carries beside its token. */
export function takeLinkFromAddress(cleanPath: string): { token: string | null; email: string } {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  if (window.location.hash || window.location.pathname !== cleanPath) {
    history.replaceState(history.state, '', `${cleanPath}${window.location.search}`);
  }
  return { token: fragment.get('token') || null, email: fragment.get('email') ?? '' };
}

/** A query parameter of the page address (e.g. the workdomain slug to prefill). */
export const queryParam = (name: string) => new URLSearchParams(window.location.search).get(name) ?? '';
