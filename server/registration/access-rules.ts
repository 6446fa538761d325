import type { RegistrationSettings, RegistrationSettingsChange } from '../../contract/admin.ts';
import { type Actor, writeAudit } from '../audit/write.ts';
import type { Tx } from '../db/client.ts';
import type { registrationSettings } from '../db/schema/index.ts';
import { normaliseDomainList } from './email-rules.ts';
import { normaliseOriginList } from './origins.ts';

type Settings = typeof registrationSettings.$inferSelect;
type AccessRules = Pick<
  RegistrationSettings,
  'botProtection' | 'allowedEmailDomains' | 'blockedEmailDomains' | 'blockDisposableEmails' | 'allowedOrigins'
>;

/** Who may register and from where, as the admin API shows it; defaults before the first change. */
export const accessRulesOf = (settings: Settings | undefined): AccessRules => ({
  botProtection: settings?.botProtection ?? false,
  allowedEmailDomains: settings?.allowedEmailDomains ?? [],
  blockedEmailDomains: settings?.blockedEmailDomains ?? [],
  blockDisposableEmails: settings?.blockDisposableEmails ?? true,
  allowedOrigins: settings?.allowedOrigins ?? [],
});

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Validates and normalises the access rules in `change` (422 invalid_request for a malformed domain or
 * origin), adds what differs to `set` and writes one audit entry per changed rule, in `tx`.
 */
export async function applyAccessRulesChange(
  tx: Tx,
  workdomainId: string,
  settings: Settings,
  change: RegistrationSettingsChange,
  actor: Actor,
  set: Partial<typeof registrationSettings.$inferInsert>,
) {
  const lists = {
    allowedEmailDomains:
      change.allowedEmailDomains && normaliseDomainList(change.allowedEmailDomains, 'Allowed email domains'),
    blockedEmailDomains:
      change.blockedEmailDomains && normaliseDomainList(change.blockedEmailDomains, 'Blocked email domains'),
    allowedOrigins: change.allowedOrigins && normaliseOriginList(change.allowedOrigins),
  };
  for (const [key, value] of Object.entries(lists) as [keyof typeof lists, string[] | undefined][]) {
    if (value === undefined || sameList(value, settings[key])) continue;
    set[key] = value;
    await writeAudit(tx, workdomainId, actor, `${snake(key)}_changed`, { from: settings[key], to: value });
  }
  for (const key of ['botProtection', 'blockDisposableEmails'] as const) {
    const value = change[key];
    if (value === undefined || value === settings[key]) continue;
    set[key] = value;
    await writeAudit(tx, workdomainId, actor, `${snake(key)}_changed`, { from: settings[key], to: value });
  }
}

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
