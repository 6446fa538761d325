/** The session endpoints every hosted page uses (docs/api.md): sign in, sign out, who am I. */
import type { AccountUser, LoginResult, Person, SignedIn } from '../../contract/accounts.ts';
import { api } from './api.ts';

export type { Person, SignedIn };

/** What GET /api/me answers. */
export interface Me {
  user: AccountUser;
  contacts: Person[];
  /** This session may set the first password without typing the code again. */
  choosePasswordWithoutCode: boolean;
  /** The terms the member must agree to again before the conversation; null when none. */
  consentNeeded: ConsentNeeded | null;
}

export interface ConsentNeeded {
  version: string;
  termsUrl: string | null;
  privacyPolicyUrl: string | null;
}

/** Several workdomains know this address: pick one by name, send its slug. */
export interface WorkdomainChoice {
  choose: { slug: string; name: string }[];
}

export const accountApi = {
  /** Without a workdomain, the server finds the address's account, or answers a choice. */
  login: (email: string, password: string, workdomain?: string) =>
    api<LoginResult | WorkdomainChoice>('POST', '/api/auth/login', { email, password, workdomain }),
  /** Mails a sign-in code (202 whether or not the address has an account). */
  startCodeSignIn: (email: string) =>
    api<{ attemptId: string }>('POST', '/api/auth/sign-in/start', { email }),
  verifyCodeSignIn: (attemptId: string, code: string, workdomain?: string) =>
    api<LoginResult | WorkdomainChoice>('POST', '/api/auth/sign-in/verify', { attemptId, code, workdomain }),
  logout: () => api('POST', '/api/auth/logout'),
  me: () => api<Me>('GET', '/api/me'),
  /** Remembers the user's language for their mail and pages. */
  chooseLanguage: (lang: string) => api<{ lang: string }>('PUT', '/api/me/lang', { lang }),
};
