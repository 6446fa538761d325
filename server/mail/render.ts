import { loadCompiledTemplates } from './compiled-templates.ts';
import { DEFAULT_MAIL_LANGUAGE } from './languages.ts';
import type { AlreadyRegisteredProps } from './templates/already-registered.tsx';
import type { PasswordChangedProps } from './templates/password-changed.tsx';
import type { PasswordResetProps } from './templates/password-reset.tsx';
import type { RegistrationClosedProps } from './templates/registration-closed.tsx';
import type { VerificationCodeProps } from './templates/verification-code.tsx';

/** Every email the service sends: template name → its props. */
export interface EmailTemplates {
  'verification-code': VerificationCodeProps;
  'already-registered': AlreadyRegisteredProps;
  'password-reset': PasswordResetProps;
  'password-changed': PasswordChangedProps;
  'registration-closed': RegistrationClosedProps;
}
export type EmailTemplateName = keyof EmailTemplates;

const templateNames: Record<EmailTemplateName, true> = {
  'verification-code': true,
  'already-registered': true,
  'password-reset': true,
  'password-changed': true,
  'registration-closed': true,
};

/** Props that pick a differently worded variant instead of filling a slot. */
export const variantProps: Partial<Record<EmailTemplateName, readonly string[]>> = {
  'registration-closed': ['reason'],
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** (template, language, variant) → the mail with `{{prop}}` slots; plain JSON, made at build time. */
export type CompiledTemplates = Record<string, RenderedEmail>;

export function templateKey(name: string, lang: string, variant: Record<string, unknown> = {}): string {
  const parts = (variantProps[name as EmailTemplateName] ?? []).map((prop) => `${prop}=${variant[prop]}`);
  return [name, lang, ...parts].join('|');
}

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(templateNames, name);
}

const SLOT = /\{\{(\w+)\}\}/g;
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

let compiled: Promise<CompiledTemplates> | undefined;

/**
 * Fills a compiled template's slots: a few microseconds per mail, where rendering with React
 * cost ~8 ms of CPU that the mail worker shares with the API. A `lang` prop picks the language;
 * one without compiled templates falls back to English.
 */
export async function renderEmail<K extends EmailTemplateName>(
  name: K,
  props: EmailTemplates[K] & { lang?: string },
): Promise<RenderedEmail> {
  compiled ??= loadCompiledTemplates();
  const templates = await compiled;
  const record = props as unknown as Record<string, unknown>;
  const template =
    templates[templateKey(name, String(props.lang ?? DEFAULT_MAIL_LANGUAGE), record)] ??
    templates[templateKey(name, DEFAULT_MAIL_LANGUAGE, record)];
  if (!template)
    throw new Error(`no compiled template for ${templateKey(name, DEFAULT_MAIL_LANGUAGE, record)}`);
  const fill = (source: string, encode: (value: string) => string) =>
    source.replace(SLOT, (_, prop: string) => encode(String(record[prop] ?? '')));
  return {
    // Subjects are headers: no line breaks may reach them, whatever a name contains.
    subject: fill(template.subject, (value) => value).replace(/[\r\n]+/g, ' '),
    html: fill(template.html, escapeHtml),
    text: fill(template.text, (value) => value),
  };
}
