/** The account and chat endpoints the web app uses (CONTRACT §3), over the session cookie. */
import { accountApi, type Person, type SignedIn } from '../shared/account-api.ts';
import { api } from '../shared/api.ts';

export type { Me, Person } from '../shared/account-api.ts';

export interface Message {
  id: string;
  senderId: string | null;
  body: string;
  createdAt: string;
  kind?: 'text' | 'system';
}

export interface Conversation {
  id: string;
  with: Person;
  lastMessage: Message | string | null;
}

export const appApi = {
  exchange: (token: string) => api<SignedIn>('POST', '/api/auth/exchange', { token }),
  login: accountApi.login,
  logout: accountApi.logout,
  changePassword: (currentPassword: string, newPassword: string) =>
    api('POST', '/api/auth/change-password', { currentPassword, newPassword }),
  me: accountApi.me,
  conversations: () => api<{ conversations: Conversation[] }>('GET', '/api/conversations'),
  messages: (conversationId: string, after?: string) =>
    api<{ messages: Message[] }>(
      'GET',
      `/api/conversations/${encodeURIComponent(conversationId)}/messages${after ? `?after=${encodeURIComponent(after)}` : ''}`,
    ),
  send: (conversationId: string, body: string) =>
    api<Message>('POST', `/api/conversations/${encodeURIComponent(conversationId)}/messages`, { body }),
};
