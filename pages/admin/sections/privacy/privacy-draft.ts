import type { Language } from '../../../../contract/languages.ts';
import type { RegistrationField, RegistrationFieldType } from '../../../../contract/registration-fields.ts';
import type { Registration } from '../../admin-api.ts';

/** One question as the editor holds it: the options as one per line. */
export interface FieldDraft {
  key: string;
  label: Partial<Record<Language, string>>;
  type: RegistrationFieldType;
  required: boolean;
  options: string;
}

export interface PrivacyDraft {
  privacyPolicyUrl: string;
  termsUrl: string;
  consentRequired: boolean;
  policyVersion: string;
  marketingOptIn: boolean;
  fields: FieldDraft[];
}

export const privacyDraftOf = (registration: Registration): PrivacyDraft => ({
  privacyPolicyUrl: registration.privacyPolicyUrl ?? '',
  termsUrl: registration.termsUrl ?? '',
  consentRequired: registration.consentRequired,
  policyVersion: registration.policyVersion,
  marketingOptIn: registration.marketingOptIn,
  fields: registration.fields.map((field) => ({
    key: field.key,
    label: { ...field.label },
    type: field.type,
    required: field.required,
    options: (field.options ?? []).join('\n'),
  })),
});

const optionsOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The questions as the API takes them; empty labels are left out so the server names what is missing. */
export const fieldsOf = (drafts: FieldDraft[]): RegistrationField[] =>
  drafts.map((draft) => {
    const label = Object.fromEntries(
      Object.entries(draft.label).filter(([, text]) => text?.trim()),
    ) as RegistrationField['label'];
    return {
      key: draft.key.trim(),
      label,
      type: draft.type,
      required: draft.required,
      ...(draft.type === 'select' ? { options: optionsOf(draft.options) } : {}),
    };
  });

/** The whole privacy part of a PUT body (the server replaces the questions as a list). */
export const privacyChange = (draft: PrivacyDraft) => ({
  privacyPolicyUrl: draft.privacyPolicyUrl.trim() || null,
  termsUrl: draft.termsUrl.trim() || null,
  consentRequired: draft.consentRequired,
  policyVersion: draft.policyVersion.trim(),
  marketingOptIn: draft.marketingOptIn,
  fields: fieldsOf(draft.fields),
});

export const privacyDirty = (draft: PrivacyDraft, registration: Registration) =>
  JSON.stringify(privacyChange(draft)) !== JSON.stringify(privacyChange(privacyDraftOf(registration)));
