/** The session endpoints every hosted page uses (CONTRACT §3): sign in, sign out, who am I. */
import { api } from './api.ts';

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface Me {
  user: Person & {
    workdomain: { slug: string; name: string };
    role: string;
    kind: 'internal' | 'external';
    mustChangePassword: boolean;
  };
  contacts: Person[];
}

export interface SignedIn {
  user: Person;
  mustChangePassword?: boolean;
}

export const accountApi = {
  login: (workdomain: string, email: string, password: string) =>
    api<SignedIn>('POST', '/api/auth/login', { workdomain, email, password }),
  logout: () => api('POST', '/api/auth/logout'),
  me: () => api<Me>('GET', '/api/me'),
};
