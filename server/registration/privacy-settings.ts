import type { RegistrationSettingsChange } from '../../contract/admin.ts';
import { type Actor, writeAudit } from '../audit/write.ts';
import type { Tx } from '../db/client.ts';
import type { registrationSettings } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { parsePolicyUrl, parsePolicyVersion, parseRegistrationFields } from './form-rules.ts';

type Settings = typeof registrationSettings.$inferSelect;
type Insert = Partial<typeof registrationSettings.$inferInsert>;

/** The notice, consent and questions of the form, as the admin API and link info show them. */
export const privacySettingsOf = (settings: Settings | undefined) => ({
  privacyPolicyUrl: settings?.privacyPolicyUrl ?? null,
  termsUrl: settings?.termsUrl ?? null,
  consentRequired: settings?.consentRequired ?? false,
  policyVersion: settings?.policyVersion ?? '1',
  marketingOptIn: settings?.marketingOptIn ?? false,
  fields: settings?.fields ?? [],
});

/** The change checked and normalised, before any lock: 422 invalid_request for anything malformed. */
export function parsePrivacyChange(change: RegistrationSettingsChange): Insert {
  const set: Insert = {};
  if (change.privacyPolicyUrl !== undefined)
    set.privacyPolicyUrl = parsePolicyUrl(change.privacyPolicyUrl, 'Privacy policy URL');
  if (change.termsUrl !== undefined) set.termsUrl = parsePolicyUrl(change.termsUrl, 'Terms URL');
  if (change.policyVersion !== undefined) set.policyVersion = parsePolicyVersion(change.policyVersion);
  if (change.consentRequired !== undefined) set.consentRequired = change.consentRequired;
  if (change.marketingOptIn !== undefined) set.marketingOptIn = change.marketingOptIn;
  if (change.fields !== undefined) set.fields = parseRegistrationFields(change.fields);
  return set;
}

const auditNames = {
  privacyPolicyUrl: 'privacy_policy_url_changed',
  termsUrl: 'terms_url_changed',
  consentRequired: 'consent_required_changed',
  policyVersion: 'policy_version_changed',
  marketingOptIn: 'marketing_opt_in_changed',
  fields: 'registration_fields_changed',
} as const;

/** Adds what differs to `set`, with one audit entry per changed setting, in `tx`. */
export async function applyPrivacyChange(
  tx: Tx,
  workdomainId: string,
  settings: Settings,
  parsed: Insert,
  actor: Actor,
  set: Insert,
) {
  const url = (key: 'privacyPolicyUrl' | 'termsUrl') => (key in parsed ? parsed[key] : settings[key]);
  const consentRequired = parsed.consentRequired ?? settings.consentRequired;
  if (consentRequired && !url('privacyPolicyUrl') && !url('termsUrl'))
    throw new AppError('invalid_request', {
      status: 422,
      message: 'Consent needs something to agree to: set the privacy policy URL or the terms URL.',
    });
  for (const key of Object.keys(auditNames) as (keyof typeof auditNames)[]) {
    if (!(key in parsed)) continue;
    const value = parsed[key];
    if (JSON.stringify(value) === JSON.stringify(settings[key])) continue;
    Object.assign(set, { [key]: value });
    const facts =
      key === 'fields' ? { keys: (value as Settings['fields']).map((f) => f.key) } : { to: value };
    await writeAudit(tx, workdomainId, actor, auditNames[key], facts);
  }
}
