/** The administration API (CONTRACT §3) as the admin page uses it: same origin, session cookie. */
import { ApiError, api } from '../shared/api.ts';

export { ApiError };

export type ClosedReason = 'manual' | 'pic_unavailable' | 'capacity_reached' | 'plan_ineligible';

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
  };
}

export interface Registration {
  open: boolean;
  closedReason: ClosedReason | null;
  plan: string;
  pic: Person | null;
  welcomeMessage: string;
  linkId: string | null;
  url: string | null;
  embed: string | null;
  capacity: { used: number; limit: number };
}

export interface AdminUser extends Person {
  kind: 'internal' | 'external';
  role: string;
  status: 'active' | 'inactive';
  createdAt: string;
  registeredViaLink?: boolean;
}

export interface FunnelCounts {
  linkViews: number;
  codesSent: number;
  verified: number;
  accountsCreated: number;
}

export interface Funnel {
  last7Days: FunnelCounts;
  last30Days: FunnelCounts;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: 'admin' | 'operator' | 'system' | string;
  actorUserId: string | null;
  actorName: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}

export interface SettingsChange {
  picUserId?: string;
  welcomeMessage?: string;
}

export const REGISTRATION_PLANS = ['pro', 'enterprise'];
export const MAX_WELCOME_MESSAGE_LENGTH = 2000;
export const QR_CODE_PATH = '/api/admin/registration/qr.svg';

// The shared client speaks GET and POST; settings are saved with PUT.
async function put<T>(path: string, body: object): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      'network_error',
      'ChatPoint could not be reached. Check your connection and try again.',
    );
  }
  const json = await res.json().catch(() => ({}));
  if (res.ok) return json as T;
  throw new ApiError(
    json?.error?.code ?? 'generic',
    json?.error?.message ?? `Something went wrong (${res.status}). Please try again.`,
    res.status,
  );
}

export const adminApi = {
  signIn: (workdomain: string, email: string, password: string) =>
    api<{ mustChangePassword?: boolean }>('POST', '/api/auth/login', { workdomain, email, password }),
  signOut: () => api('POST', '/api/auth/logout'),
  me: () => api<Me>('GET', '/api/me'),
  registration: () => api<Registration>('GET', '/api/admin/registration'),
  saveSettings: (change: SettingsChange) => put<Registration>('/api/admin/registration', change),
  openRegistration: () => api<Registration>('POST', '/api/admin/registration/open'),
  closeRegistration: () => api<Registration>('POST', '/api/admin/registration/close'),
  regenerateLink: () => api<Registration>('POST', '/api/admin/registration/regenerate-link'),
  users: () => api<{ users: AdminUser[] }>('GET', '/api/admin/users'),
  deactivate: (userId: string) =>
    api<{ user: AdminUser }>('POST', `/api/admin/users/${encodeURIComponent(userId)}/deactivate`),
  reactivate: (userId: string) =>
    api<{ user: AdminUser }>('POST', `/api/admin/users/${encodeURIComponent(userId)}/reactivate`),
  funnel: () => api<Funnel>('GET', '/api/admin/funnel'),
  audit: () => api<{ entries: AuditEntry[] }>('GET', '/api/admin/audit'),
};
