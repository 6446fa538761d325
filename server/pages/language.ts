import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { type Language, negotiateLanguage, resolveLanguage } from '../../contract/languages.ts';
import { findSessionUser, SESSION_COOKIE } from '../accounts/sessions.ts';
import type { AppDeps } from '../deps.ts';

/**
 * The language of a hosted page: `?lang=` first, then the signed-in user's own language (session
 * cookie), then the browser's Accept-Language.
 */
export async function pageLanguage(deps: AppDeps, c: Context): Promise<Language> {
  const asked = c.req.query('lang');
  if (asked) return resolveLanguage(asked.slice(0, 35));
  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await findSessionUser(deps.db, token) : null;
  return session ? session.user.lang : negotiateLanguage(c.req.header('accept-language'));
}
