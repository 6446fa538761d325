import { render } from '@react-email/components';
import { createElement, type FunctionComponent } from 'react';
import {
  AlreadyRegistered,
  type AlreadyRegisteredProps,
  alreadyRegisteredSubject,
} from './templates/already-registered.tsx';
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
};

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(templates, name);
}

export async function renderEmail<K extends EmailTemplateName>(
  name: K,
  props: EmailTemplates[K],
): Promise<RenderedEmail> {
  const [component, subject] = templates[name];
  const element = createElement(component as FunctionComponent<EmailTemplates[K]>, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  // Subjects are headers: no line breaks may reach them, whatever a name contains.
  return { subject: subject(props).replace(/[\r\n]+/g, ' '), html, text };
}
