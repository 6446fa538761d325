/** How the admin page puts the API's codes into words. */
import type { Language } from '../../contract/languages.ts';
import { pageCatalogues } from '../ui/i18n/catalogues.ts';
import { formatDateTime as formatInLanguage } from '../ui/i18n/index.ts';
import type { AdminUser, AuditEntry, ClosedReason } from './admin-api.ts';
import { adminWords, fill } from './i18n/index.ts';

export type SystemClosedReason = Exclude<ClosedReason, 'manual'>;

/** Why ChatPoint closed registration by itself, and what to do about it, in the admin's language. */
export function closedReasonWords(reason: SystemClosedReason): { title: string; advice: string } {
  const reasons = adminWords().reasons;
  return { title: reasons[reason], advice: reasons[`${reason}_advice`] };
}

/** An action code in words; codes this page does not know yet read as a sentence. */
export function auditAction(action: string): string {
  const actions: Record<string, string> = adminWords().actions;
  const known = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (known) return known;
  const words = action.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditActor(entry: AuditEntry): string {
  const t = adminWords().activity;
  if (entry.actorName) return entry.actorName;
  if (entry.actor === 'system') return t.system;
  if (entry.actor === 'operator') return t.operator;
  return t.anAdmin;
}

/** The entry's details as one line of text, naming users instead of showing their ids. */
export function auditDetails(entry: AuditEntry, users: readonly AdminUser[]): string {
  const details = entry.details ?? {};
  const t = adminWords().activity;
  const userName = (id: unknown) => {
    const user = users.find((candidate) => candidate.id === id);
    return user ? `${user.name} (${user.email})` : null;
  };
  const parts: string[] = [];
  if (typeof details.reason === 'string') {
    const reasons: Record<string, string> = adminWords().reasons;
    parts.push(Object.hasOwn(reasons, details.reason) ? reasons[details.reason]! : details.reason);
  }
  if (entry.action === 'pic_changed') {
    parts.push(
      fill(t.picChanged, {
        from: userName(details.from) ?? t.nobody,
        to: userName(details.to) ?? t.anotherUser,
      }),
    );
  } else if (entry.action === 'first_message_changed' && typeof details.to === 'string') {
    const modes: Record<string, string> = adminWords().settings;
    const mode = `message${details.to.charAt(0).toUpperCase()}${details.to.slice(1)}`;
    parts.push(fill(t.now, { list: Object.hasOwn(modes, mode) ? modes[mode]! : details.to }));
  } else if (Array.isArray(details.languages)) {
    const names = details.languages.map((lang) =>
      Object.hasOwn(pageCatalogues, String(lang))
        ? pageCatalogues[lang as Language].languageName
        : String(lang),
    );
    parts.push(names.length > 0 ? fill(t.now, { list: names.join(', ') }) : t.nowNone);
  } else if (Array.isArray(details.to)) {
    parts.push(details.to.length > 0 ? fill(t.now, { list: details.to.join(', ') }) : t.nowNone);
  } else if (typeof details.to === 'boolean') {
    parts.push(details.to ? t.switchedOn : t.switchedOff);
  } else if (entry.action === 'link_regenerated') {
    parts.push(t.linkRegenerated);
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

export const formatDateTime = (iso: string) =>
  formatInLanguage(iso, { dateStyle: 'medium', timeStyle: 'short' });
export const formatDate = (iso: string) => formatInLanguage(iso, { dateStyle: 'medium' });
