/** The session endpoints every hosted page uses (docs/api.md): sign in, sign out, who am I. */
import type { AccountUser, LoginResult, Person, SignedIn } from '../../contract/accounts.ts';
import { api } from './api.ts';

export type { Person, SignedIn };

/** What GET /api/me answers. */
export interface Me {
  user: AccountUser;
  contacts: Person[];
}

export const accountApi = {
  login: (workdomain: string, email: string, password: string) =>
    api<LoginResult>('POST', '/api/auth/login', { workdomain, email, password }),
  logout: () => api('POST', '/api/auth/logout'),
  me: () => api<Me>('GET', '/api/me'),
  /** Remembers the user's language for their mail and pages. */
  chooseLanguage: (lang: string) => api<{ lang: string }>('PUT', '/api/me/lang', { lang }),
};
