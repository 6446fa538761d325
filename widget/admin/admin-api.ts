/** The administration API (CONTRACT §3) as the admin page uses it: same origin, session cookie. */
import { accountApi, type Person } from '../shared/account-api.ts';
import { ApiError, api, errorMessage } from '../shared/api.ts';

export type { Me } from '../shared/account-api.ts';
export { ApiError, errorMessage };

export type ClosedReason = 'manual' | 'pic_unavailable' | 'capacity_reached' | 'plan_ineligible';

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

export const adminApi = {
  signIn: accountApi.login,
  signOut: accountApi.logout,
  me: accountApi.me,
  registration: () => api<Registration>('GET', '/api/admin/registration'),
  saveSettings: (change: SettingsChange) => api<Registration>('PUT', '/api/admin/registration', change),
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
