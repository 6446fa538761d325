import { type Language, languages } from '../../contract/languages.ts';
import { limits } from '../../contract/limits.ts';
import {
  type FieldAnswers,
  type RegistrationField,
  registrationFieldTypes,
} from '../../contract/registration-fields.ts';
import { AppError } from '../errors.ts';

/** The pure rules of the form's notice, consent and questions (docs/privacy.md), tested beside themselves. */

const malformed = (message: string) => new AppError('invalid_request', { status: 422, message });

const isLanguage = (key: string): key is Language => (languages as readonly string[]).includes(key);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const FIELD_KEY = /^[a-z][a-z0-9_]{0,31}$/;

/** A policy or terms URL as stored: absolute https://, or http://localhost… for development; null clears. */
export function parsePolicyUrl(input: unknown, what: string): string | null {
  if (input === null) return null;
  const refused = () => malformed(`${what}: send an absolute https:// URL, or null to clear it.`);
  if (typeof input !== 'string' || input.length > limits.policyUrlMaxLength) throw refused();
  const trimmed = input.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw refused();
  }
  const local = url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if ((url.protocol !== 'https:' && !local) || url.username || url.password) throw refused();
  return url.href;
}

export function parsePolicyVersion(input: unknown): string {
  const version = typeof input === 'string' ? input.trim() : '';
  if (version.length < 1 || [...version].length > limits.policyVersionMaxLength)
    throw malformed(`Policy version: 1 to ${limits.policyVersionMaxLength} characters.`);
  return version;
}

function parseLabel(input: unknown, key: string): RegistrationField['label'] {
  if (!isObject(input)) throw malformed(`Field "${key}": label is an object of language → text.`);
  const label: RegistrationField['label'] = {};
  for (const [lang, text] of Object.entries(input)) {
    if (!isLanguage(lang))
      throw malformed(`Field "${key}": "${lang.slice(0, 40)}" is not one of ${languages.join(', ')}.`);
    if (typeof text !== 'string' || [...text.trim()].length > limits.fieldLabelMaxLength)
      throw malformed(
        `Field "${key}": each label is text of at most ${limits.fieldLabelMaxLength} characters.`,
      );
    if (text.trim()) label[lang] = text.trim();
  }
  if (Object.keys(label).length === 0)
    throw malformed(`Field "${key}": give a label in at least one language.`);
  return label;
}

function parseOptions(input: unknown, key: string): string[] {
  const options = Array.isArray(input) ? input.map((o) => (typeof o === 'string' ? o.trim() : '')) : [];
  const fits = (o: string) => o.length > 0 && [...o].length <= limits.fieldOptionMaxLength;
  if (options.length < 1 || options.length > limits.fieldOptionsMax || !options.every(fits))
    throw malformed(
      `Field "${key}": a select has 1 to ${limits.fieldOptionsMax} options of 1 to ${limits.fieldOptionMaxLength} characters.`,
    );
  if (new Set(options).size !== options.length) throw malformed(`Field "${key}": options must differ.`);
  return options;
}

/** The whole list of the form's questions as an admin sent it, checked and normalised. */
export function parseRegistrationFields(input: unknown): RegistrationField[] {
  if (!Array.isArray(input) || input.length > limits.registrationFieldsMax)
    throw malformed(`Fields: a list of at most ${limits.registrationFieldsMax} questions.`);
  const keys = new Set<string>();
  return input.map((raw) => {
    if (!isObject(raw)) throw malformed('Fields: each question is an object {key, label, type, required}.');
    const { key, label, type, required, options, ...rest } = raw;
    if (typeof key !== 'string' || !FIELD_KEY.test(key))
      throw malformed('Fields: a key is a lower-case letter, then up to 31 letters, digits or _.');
    if (keys.has(key)) throw malformed(`Fields: the key "${key}" is used twice.`);
    keys.add(key);
    if (Object.keys(rest).length > 0)
      throw malformed(`Field "${key}": unknown property "${Object.keys(rest)[0]}".`);
    if (!(registrationFieldTypes as readonly unknown[]).includes(type))
      throw malformed(`Field "${key}": type is text, select or checkbox.`);
    if (required !== undefined && typeof required !== 'boolean')
      throw malformed(`Field "${key}": required is true or false.`);
    if (type !== 'select' && options !== undefined)
      throw malformed(`Field "${key}": only a select has options.`);
    const field: RegistrationField = {
      key,
      label: parseLabel(label, key),
      type: type as RegistrationField['type'],
      required: required ?? false,
    };
    if (type === 'select') field.options = parseOptions(options, key);
    return field;
  });
}

const invalidField = (key: string) => new AppError('invalid_field', { details: { field: key.slice(0, 64) } });

/**
 * A registrant's answers to the link's questions: a missing required answer, an unknown key, a
 * wrong type or an option not offered is 422 invalid_field naming the question. An unticked
 * optional checkbox is kept as false; an empty optional text is left out.
 */
export function checkFieldAnswers(
  fields: readonly RegistrationField[],
  input: FieldAnswers | undefined,
): FieldAnswers {
  const given = input ?? {};
  for (const key of Object.keys(given)) if (!fields.some((f) => f.key === key)) throw invalidField(key);
  const answers: FieldAnswers = {};
  for (const field of fields) {
    const value = given[field.key];
    if (field.type === 'checkbox') {
      if (value !== undefined && typeof value !== 'boolean') throw invalidField(field.key);
      if (field.required && value !== true) throw invalidField(field.key);
      answers[field.key] = value === true;
      continue;
    }
    if (value !== undefined && typeof value !== 'string') throw invalidField(field.key);
    const text = value?.trim() ?? '';
    if (!text) {
      if (field.required) throw invalidField(field.key);
      continue;
    }
    if (field.type === 'text' && [...text].length > limits.fieldTextMaxLength) throw invalidField(field.key);
    if (field.type === 'select' && !field.options?.includes(text)) throw invalidField(field.key);
    answers[field.key] = text;
  }
  return answers;
}

export interface FormSettings {
  consentRequired: boolean;
  policyVersion: string;
  marketingOptIn: boolean;
  fields: RegistrationField[];
}

export interface RegistrantAnswers {
  /** The policy version agreed to, or null when nothing was agreed to. */
  consentVersion: string | null;
  /** The marketing choice, or null when the link offers none. */
  marketing: boolean | null;
  fields: FieldAnswers;
}

/** What `start` (or an identity hand-off) carries, checked against the link: consent_required or invalid_field. */
export function checkRegistrantAnswers(
  settings: FormSettings,
  input: {
    consent?: boolean | undefined;
    marketing?: boolean | undefined;
    fields?: FieldAnswers | undefined;
  },
): RegistrantAnswers {
  // details.field puts the error beside the checkbox, as invalid_field's does beside its question.
  if (settings.consentRequired && input.consent !== true)
    throw new AppError('consent_required', { details: { field: 'consent' } });
  return {
    consentVersion: settings.consentRequired && input.consent === true ? settings.policyVersion : null,
    marketing: settings.marketingOptIn ? input.marketing === true : null,
    fields: checkFieldAnswers(settings.fields, input.fields),
  };
}
