/** The account and chat endpoints the web app uses (docs/api.md), over the session cookie. */
import type { ChatMessage, Conversation } from '../../contract/accounts.ts';
import { accountApi, type SignedIn } from '../ui/account-api.ts';
import { api } from '../ui/api.ts';

export type { ConsentNeeded, Me, Person } from '../ui/account-api.ts';

export type Message = ChatMessage;
export type { Conversation };

export const appApi = {
  exchange: (token: string) => api<SignedIn>('POST', '/api/auth/exchange', { token }),
  login: accountApi.login,
  logout: accountApi.logout,
  /** Without currentPassword: only right after a sign-in by link or code (GET /api/me says when). */
  changePassword: (currentPassword: string | undefined, newPassword: string) =>
    api('POST', '/api/auth/change-password', { currentPassword, newPassword }),
  me: accountApi.me,
  /** An external user erases their own account; `confirm` is the account's email address. */
  deleteAccount: (confirm: string) => api('DELETE', '/api/me', { confirm }),
  giveConsent: (version: string) => api('POST', '/api/me/consent', { version }),
  conversations: () => api<{ conversations: Conversation[] }>('GET', '/api/conversations'),
  messages: (conversationId: string, after?: string) =>
    api<{ messages: Message[] }>(
      'GET',
      `/api/conversations/${encodeURIComponent(conversationId)}/messages${after ? `?after=${encodeURIComponent(after)}` : ''}`,
    ),
  send: (conversationId: string, body: string) =>
    api<Message>('POST', `/api/conversations/${encodeURIComponent(conversationId)}/messages`, { body }),
};
