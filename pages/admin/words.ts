/** How the admin page puts the API's codes into words. */
import type { AdminUser, AuditEntry, ClosedReason } from './admin-api.ts';

export type SystemClosedReason = Exclude<ClosedReason, 'manual'>;

export const closedReasonWords: Record<SystemClosedReason, { title: string; advice: string }> = {
  pic_unavailable: {
    title: 'PIC unavailable',
    advice:
      'The person in charge is no longer active. Choose another person in charge, then open registration again.',
  },
  capacity_reached: {
    title: 'Capacity reached',
    advice:
      'The workdomain has as many external users as its plan allows. Deactivate external users who no longer need access or raise the limit, then open registration again.',
  },
  plan_ineligible: {
    title: 'Plan not eligible',
    advice:
      'Public registration needs the Pro plan or above. Upgrade the workdomain, then open registration again.',
  },
};

const actionWords: Record<string, string> = {
  registration_opened: 'Opened registration',
  registration_closed: 'Closed registration',
  registration_auto_closed: 'Registration closed automatically',
  pic_changed: 'Changed the person in charge',
  welcome_message_changed: 'Changed the welcome message',
  link_regenerated: 'Regenerated the registration link',
  user_registered: 'New user registered through the link',
  user_deactivated: 'Deactivated a user',
  user_reactivated: 'Reactivated a user',
  allowed_email_domains_changed: 'Changed the allowed email domains',
  blocked_email_domains_changed: 'Changed the blocked email domains',
  block_disposable_emails_changed: 'Changed the blocking of disposable addresses',
  allowed_origins_changed: 'Changed the allowed web sites',
  bot_protection_changed: 'Changed bot protection',
  link_created: 'Added a registration link',
  link_deleted: 'Deleted a registration link',
  webhook_created: 'Added a webhook',
  webhook_deleted: 'Deleted a webhook',
};

/** An action code in words; codes this page does not know yet read as a sentence. */
export function auditAction(action: string): string {
  const known = actionWords[action];
  if (known) return known;
  const words = action.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditActor(entry: AuditEntry): string {
  if (entry.actorName) return entry.actorName;
  if (entry.actor === 'system') return 'System';
  if (entry.actor === 'operator') return 'Operator';
  return 'An administrator';
}

/** The entry's details as one line of text, naming users instead of showing their ids. */
export function auditDetails(entry: AuditEntry, users: readonly AdminUser[]): string {
  const details = entry.details ?? {};
  const userName = (id: unknown) => {
    const user = users.find((candidate) => candidate.id === id);
    return user ? `${user.name} (${user.email})` : null;
  };
  const parts: string[] = [];
  if (typeof details.reason === 'string') {
    parts.push(closedReasonWords[details.reason as SystemClosedReason]?.title ?? String(details.reason));
  }
  if (entry.action === 'pic_changed') {
    parts.push(`From ${userName(details.from) ?? 'nobody'} to ${userName(details.to) ?? 'another user'}`);
  } else if (Array.isArray(details.to)) {
    parts.push(details.to.length > 0 ? `Now: ${details.to.join(', ')}` : 'Now: none');
  } else if (typeof details.to === 'boolean') {
    parts.push(details.to ? 'Switched on' : 'Switched off');
  } else if (entry.action === 'link_regenerated') {
    parts.push('The previous link stopped working');
  } else if ('userId' in details || 'email' in details) {
    const named = userName(details.userId);
    parts.push(named ?? String(details.email ?? ''));
  }
  if (parts.length === 0) {
    for (const [key, value] of Object.entries(details)) {
      if (['string', 'number', 'boolean'].includes(typeof value) && !/id$/i.test(key))
        parts.push(`${key}: ${value}`);
    }
  }
  return parts.filter(Boolean).join('; ');
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => dateOnly.format(new Date(iso));
