/** The account and chat endpoints the web app uses (CONTRACT §3), over the session cookie. */
import { api } from '../shared/api.ts';

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface Me {
  user: Person & {
    workdomain: { slug: string; name: string };
    role: string;
    kind: string;
    mustChangePassword: boolean;
  };
  contacts: Person[];
}

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

export interface SignedIn {
  user: Person;
  mustChangePassword?: boolean;
}

export const appApi = {
  exchange: (token: string) => api<SignedIn>('POST', '/api/auth/exchange', { token }),
  login: (workdomain: string, email: string, password: string) =>
    api<SignedIn>('POST', '/api/auth/login', { workdomain, email, password }),
  logout: () => api('POST', '/api/auth/logout'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api('POST', '/api/auth/change-password', { currentPassword, newPassword }),
  me: () => api<Me>('GET', '/api/me'),
  conversations: () => api<{ conversations: Conversation[] }>('GET', '/api/conversations'),
  messages: (conversationId: string, after?: string) =>
    api<{ messages: Message[] }>(
      'GET',
      `/api/conversations/${encodeURIComponent(conversationId)}/messages${after ? `?after=${encodeURIComponent(after)}` : ''}`,
    ),
  send: (conversationId: string, body: string) =>
    api<Message>('POST', `/api/conversations/${encodeURIComponent(conversationId)}/messages`, { body }),
};
