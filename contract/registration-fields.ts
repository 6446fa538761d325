import type { Language } from './languages.ts';

/**
 * The business's own questions on the registration form, and what a registrant answered.
 * Dependency-free on purpose: the widget's on-demand chunk bundles it.
 */
export const registrationFieldTypes = ['text', 'select', 'checkbox'] as const;
export type RegistrationFieldType = (typeof registrationFieldTypes)[number];

export interface RegistrationField {
  key: string;
  label: Partial<Record<Language, string>>;
  type: RegistrationFieldType;
  required: boolean;
  options?: string[];
}

/** key → a text, the chosen option, or a checkbox's state. */
export type FieldAnswers = Record<string, string | boolean>;

/** The label in `lang` if the admin gave one, else the first one given. */
export function fieldLabel(field: Pick<RegistrationField, 'key' | 'label'>, lang: Language): string {
  return field.label[lang] ?? Object.values(field.label).find(Boolean) ?? field.key;
}
