import type { AlreadyRegisteredProps } from './templates/already-registered.tsx';
import type { EmailSignInCodeProps } from './templates/email-sign-in-code.tsx';
import type { PasswordChangedProps } from './templates/password-changed.tsx';
import type { PasswordResetProps } from './templates/password-reset.tsx';
import type { PicDigestProps } from './templates/pic-digest.tsx';
import type { PicNewRegistrantProps } from './templates/pic-new-registrant.tsx';
import type { RegistrationClosedProps } from './templates/registration-closed.tsx';
import type { SignInCodeProps } from './templates/sign-in-code.tsx';
import type { VerificationCodeProps } from './templates/verification-code.tsx';

/** Every email the service sends: template name → its props. */
export interface EmailTemplates {
  'verification-code': VerificationCodeProps;
  'already-registered': AlreadyRegisteredProps;
  'password-reset': PasswordResetProps;
  'password-changed': PasswordChangedProps;
  'registration-closed': RegistrationClosedProps;
  'sign-in-code': SignInCodeProps;
  'pic-new-registrant': PicNewRegistrantProps;
  'pic-digest': PicDigestProps;
  'email-sign-in-code': EmailSignInCodeProps;
}
export type EmailTemplateName = keyof EmailTemplates;

const templateNames: Record<EmailTemplateName, true> = {
  'verification-code': true,
  'already-registered': true,
  'password-reset': true,
  'password-changed': true,
  'registration-closed': true,
  'sign-in-code': true,
  'pic-new-registrant': true,
  'pic-digest': true,
  'email-sign-in-code': true,
};

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(templateNames, name);
}

/** Props that pick a differently worded variant instead of filling a slot. */
export const variantProps: Partial<Record<EmailTemplateName, readonly string[]>> = {
  'registration-closed': ['reason'],
  'pic-new-registrant': ['hasMessage', 'hasAnswers'],
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** templateKey(…) → the mail with `{{prop}}` slots: plain strings, made with React at build time. */
export type CompiledTemplates = Record<string, RenderedEmail>;

/** One compiled template: name, language and the values of its variant props. */
export function templateKey(name: string, lang: string, variant: Record<string, unknown> = {}): string {
  const parts = (variantProps[name as EmailTemplateName] ?? []).map((prop) => `${prop}=${variant[prop]}`);
  return [name, lang, ...parts].join('|');
}
