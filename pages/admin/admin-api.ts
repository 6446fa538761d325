/** The administration API (docs/api.md) as the admin page uses it: same origin, session cookie. */
import type {
  AdminUser,
  AuditEntry,
  Funnel,
  FunnelCounts,
  RegistrationSettings,
  RegistrationSettingsChange,
} from '../../contract/admin.ts';
import { limits } from '../../contract/limits.ts';
import type { RegistrationLink } from '../../contract/links.ts';
import type { Webhook, WebhookCreate, WebhookCreated, WebhookDelivery } from '../../contract/webhooks.ts';
import { accountApi } from '../ui/account-api.ts';
import { ApiError, api, errorMessage } from '../ui/api.ts';

export type { ClosedReason } from '../../contract/enums.ts';
export type { Me } from '../ui/account-api.ts';
export { ApiError, errorMessage };
export type Registration = RegistrationSettings;
export type SettingsChange = RegistrationSettingsChange;
export {
  registrationPlans as REGISTRATION_PLANS,
  webhookEventTypes as WEBHOOK_EVENT_TYPES,
} from '../../contract/enums.ts';
export type {
  AdminUser,
  AuditEntry,
  Funnel,
  FunnelCounts,
  RegistrationLink,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
};
export const MAX_LINK_LABEL_LENGTH = limits.linkLabelMaxLength;
export const linkQrPath = (linkId: string) =>
  `/api/admin/registration/links/${encodeURIComponent(linkId)}/qr.svg`;
export const MAX_WELCOME_MESSAGE_LENGTH = limits.welcomeMessageMaxLength;
export const QR_CODE_PATH = '/api/admin/registration/qr.svg';

/** Which users a page of the list holds: a search, one kind, and where the last page ended. */
export interface UsersQuery {
  q?: string;
  kind?: 'internal' | 'external';
  cursor?: string;
}

const queryString = (query: UsersQuery) => {
  const entries = Object.entries(query).filter(([, value]) => value);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};

export const adminApi = {
  signOut: accountApi.logout,
  me: accountApi.me,
  registration: () => api<Registration>('GET', '/api/admin/registration'),
  saveSettings: (change: SettingsChange) => api<Registration>('PUT', '/api/admin/registration', change),
  openRegistration: () => api<Registration>('POST', '/api/admin/registration/open'),
  closeRegistration: () => api<Registration>('POST', '/api/admin/registration/close'),
  regenerateLink: () => api<Registration>('POST', '/api/admin/registration/regenerate-link'),
  users: (query: UsersQuery = {}) =>
    api<{ users: AdminUser[]; next: string | null }>('GET', `/api/admin/users${queryString(query)}`),
  deactivate: (userId: string) =>
    api<{ user: AdminUser }>('POST', `/api/admin/users/${encodeURIComponent(userId)}/deactivate`),
  reactivate: (userId: string) =>
    api<{ user: AdminUser }>('POST', `/api/admin/users/${encodeURIComponent(userId)}/reactivate`),
  exportUser: (userId: string) => api<object>('GET', `/api/admin/users/${encodeURIComponent(userId)}/export`),
  eraseUser: (userId: string) => api<void>('DELETE', `/api/admin/users/${encodeURIComponent(userId)}`),
  funnel: () => api<Funnel>('GET', '/api/admin/funnel'),
  audit: () => api<{ entries: AuditEntry[] }>('GET', '/api/admin/audit'),
  links: () => api<{ links: RegistrationLink[] }>('GET', '/api/admin/registration/links'),
  createLink: (label: string) => api<RegistrationLink>('POST', '/api/admin/registration/links', { label }),
  deleteLink: (linkId: string) =>
    api<null>('DELETE', `/api/admin/registration/links/${encodeURIComponent(linkId)}`),
  webhooks: () => api<{ webhooks: Webhook[] }>('GET', '/api/admin/webhooks'),
  createWebhook: (input: WebhookCreate) => api<WebhookCreated>('POST', '/api/admin/webhooks', input),
  deleteWebhook: (id: string) => api<null>('DELETE', `/api/admin/webhooks/${encodeURIComponent(id)}`),
  testWebhook: (id: string) =>
    api<{ deliveryId: string }>('POST', `/api/admin/webhooks/${encodeURIComponent(id)}/test`),
};
