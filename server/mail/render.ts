import { render } from '@react-email/components';
import { createElement, type FunctionComponent } from 'react';
import {
  AlreadyRegistered,
  type AlreadyRegisteredProps,
  alreadyRegisteredSubject,
} from './templates/already-registered.tsx';
import {
  EmailSignInCode,
  type EmailSignInCodeProps,
  emailSignInCodeSubject,
} from './templates/email-sign-in-code.tsx';
import {
  PasswordChanged,
  type PasswordChangedProps,
  passwordChangedSubject,
} from './templates/password-changed.tsx';
import { PasswordReset, type PasswordResetProps, passwordResetSubject } from './templates/password-reset.tsx';
import {
  RegistrationClosed,
  type RegistrationClosedProps,
  registrationClosedSubject,
} from './templates/registration-closed.tsx';
import {
  VerificationCode,
  type VerificationCodeProps,
  verificationCodeSubject,
} from './templates/verification-code.tsx';

/** Every email the service sends: template name → its props. */
export interface EmailTemplates {
  'verification-code': VerificationCodeProps;
  'already-registered': AlreadyRegisteredProps;
  'password-reset': PasswordResetProps;
  'password-changed': PasswordChangedProps;
  'registration-closed': RegistrationClosedProps;
  'email-sign-in-code': EmailSignInCodeProps;
}
export type EmailTemplateName = keyof EmailTemplates;

const templates: {
  [K in EmailTemplateName]: [FunctionComponent<EmailTemplates[K]>, (props: EmailTemplates[K]) => string];
} = {
  'verification-code': [VerificationCode, verificationCodeSubject],
  'already-registered': [AlreadyRegistered, alreadyRegisteredSubject],
  'password-reset': [PasswordReset, passwordResetSubject],
  'password-changed': [PasswordChanged, passwordChangedSubject],
  'registration-closed': [RegistrationClosed, registrationClosedSubject],
  'email-sign-in-code': [EmailSignInCode, emailSignInCodeSubject],
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(templates, name);
}

/** Props that change a template's structure rather than fill a slot; part of the cache key. */
const structuralProps: Partial<Record<EmailTemplateName, readonly string[]>> = {
  'registration-closed': ['reason'],
};

const SLOT = /\{\{(\d+)\}\}/g;
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

interface CompiledTemplate {
  html: string;
  text: string;
  slots: string[];
}

const compiled = new Map<string, Promise<CompiledTemplate>>();

/**
 * React renders a template once, with numbered slots where the props go; each mail then only
 * fills the slots (HTML-escaped in the HTML part). Rendering costs ~8 ms of CPU per mail,
 * filling a few microseconds, and the mail worker shares the CPU with the API.
 */
function compile<K extends EmailTemplateName>(name: K, props: EmailTemplates[K]): Promise<CompiledTemplate> {
  const fixed: readonly string[] = structuralProps[name] ?? [];
  const record = props as unknown as Record<string, unknown>;
  const key = `${name}:${fixed.map((prop) => String(record[prop])).join(':')}`;
  let template = compiled.get(key);
  if (!template) {
    const slots = Object.keys(record).filter((prop) => !fixed.includes(prop));
    const slotted = Object.fromEntries(
      Object.keys(record).map((prop) => [
        prop,
        fixed.includes(prop) ? record[prop] : `{{${slots.indexOf(prop)}}}`,
      ]),
    );
    const [component] = templates[name];
    const element = createElement(component as FunctionComponent<any>, slotted);
    template = Promise.all([render(element), render(element, { plainText: true })]).then(([html, text]) => ({
      html,
      text,
      slots,
    }));
    compiled.set(key, template);
  }
  return template;
}

export async function renderEmail<K extends EmailTemplateName>(
  name: K,
  props: EmailTemplates[K],
): Promise<RenderedEmail> {
  const template = await compile(name, props);
  const record = props as unknown as Record<string, unknown>;
  const value = (index: string) => String(record[template.slots[Number(index)]!] ?? '');
  const [, subject] = templates[name];
  return {
    // Subjects are headers: no line breaks may reach them, whatever a name contains.
    subject: subject(props).replace(/[\r\n]+/g, ' '),
    html: template.html.replace(SLOT, (_, index) => escapeHtml(value(index))),
    text: template.text.replace(SLOT, (_, index) => value(index)),
  };
}
