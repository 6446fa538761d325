import { render } from '@react-email/components';
import { createElement, type FunctionComponent } from 'react';
import {
  type CompiledTemplates,
  type EmailTemplateName,
  type EmailTemplates,
  type RenderedEmail,
  templateKey,
  variantProps,
} from './catalog.ts';
import { MAIL_LANGUAGES } from './languages.ts';
import { AlreadyRegistered, alreadyRegisteredSubject } from './templates/already-registered.tsx';
import { EmailSignInCode, emailSignInCodeSubject } from './templates/email-sign-in-code.tsx';
import { PasswordChanged, passwordChangedSubject } from './templates/password-changed.tsx';
import { PasswordReset, passwordResetSubject } from './templates/password-reset.tsx';
import { PicDigest, picDigestSubject } from './templates/pic-digest.tsx';
import { PicNewRegistrant, picNewRegistrantSubject } from './templates/pic-new-registrant.tsx';
import { RegistrationClosed, registrationClosedSubject } from './templates/registration-closed.tsx';
import { SignInCode, signInCodeSubject } from './templates/sign-in-code.tsx';
import { VerificationCode, verificationCodeSubject } from './templates/verification-code.tsx';

interface TemplateDefinition<P> {
  component: FunctionComponent<P>;
  subject: (props: P) => string;
  /** Props filled in per mail; each becomes a `{{prop}}` slot. */
  slots: readonly (keyof P & string)[];
  /** Props that change the wording itself (listed in render.ts too): each value is its own variant. */
  variants?: { [K in keyof P]?: readonly P[K][] };
}

const definitions: { [K in EmailTemplateName]: TemplateDefinition<EmailTemplates[K]> } = {
  'verification-code': {
    component: VerificationCode,
    subject: verificationCodeSubject,
    slots: ['name', 'workdomainName', 'code', 'minutesValid', 'verifyUrl'],
  },
  'already-registered': {
    component: AlreadyRegistered,
    subject: alreadyRegisteredSubject,
    slots: ['name', 'workdomainName', 'resetUrl'],
  },
  'password-reset': {
    component: PasswordReset,
    subject: passwordResetSubject,
    slots: ['name', 'workdomainName', 'resetUrl', 'minutesValid'],
  },
  'password-changed': {
    component: PasswordChanged,
    subject: passwordChangedSubject,
    slots: ['name', 'workdomainName'],
  },
  'registration-closed': {
    component: RegistrationClosed,
    subject: registrationClosedSubject,
    slots: ['adminName', 'workdomainName', 'adminUrl'],
    variants: { reason: ['pic_unavailable', 'capacity_reached', 'plan_ineligible'] },
  },
  'sign-in-code': {
    component: SignInCode,
    subject: signInCodeSubject,
    slots: ['name', 'workdomainName', 'code', 'minutesValid', 'verifyUrl'],
  },
  'pic-new-registrant': {
    component: PicNewRegistrant,
    subject: picNewRegistrantSubject,
    slots: [
      'picName',
      'registrantName',
      'registrantEmail',
      'workdomainName',
      'message',
      'answers',
      'conversationUrl',
    ],
    variants: { hasMessage: [true, false], hasAnswers: [true, false] },
  },
  'pic-digest': {
    component: PicDigest,
    subject: picDigestSubject,
    slots: ['picName', 'workdomainName', 'count', 'registrantList', 'appUrl'],
  },
  'email-sign-in-code': {
    component: EmailSignInCode,
    subject: emailSignInCodeSubject,
    slots: ['workdomainNames', 'code', 'minutesValid'],
  },
};

/** Every combination of the variant props' values, e.g. [{reason:'a'}, {reason:'b'}]. */
function variantCombinations(variants: Record<string, readonly unknown[] | undefined> = {}) {
  let combinations: Record<string, unknown>[] = [{}];
  for (const [prop, values] of Object.entries(variants)) {
    combinations = combinations.flatMap((combination) =>
      (values ?? []).map((value) => ({ ...combination, [prop]: value })),
    );
  }
  return combinations;
}

interface Entry {
  key: string;
  definition: TemplateDefinition<any>;
  props: Record<string, unknown>;
}

/** Every (template, language, variant) with the props that render it: slots as `{{prop}}`. */
function entries(): Entry[] {
  return (Object.entries(definitions) as [string, TemplateDefinition<any>][]).flatMap(
    ([name, definition]) => {
      const variantNames = Object.keys(definition.variants ?? {});
      if (variantNames.join() !== (variantProps[name as EmailTemplateName] ?? []).join())
        throw new Error(`${name}: variant props differ between compile.tsx and catalog.ts`);
      // A prop that is neither a slot nor a variant would render as nothing: refuse to build.
      const preview = (definition.component as { PreviewProps?: object }).PreviewProps ?? {};
      const missing = Object.keys(preview).filter(
        (prop) => prop !== 'lang' && !definition.slots.includes(prop) && !variantNames.includes(prop),
      );
      if (missing.length > 0) throw new Error(`${name}: ${missing.join(', ')} neither slot nor variant`);
      const slotted = Object.fromEntries(definition.slots.map((prop) => [prop, `{{${prop}}}`]));
      return MAIL_LANGUAGES.flatMap((lang) =>
        variantCombinations(definition.variants).map((variant) => ({
          key: templateKey(name, lang, variant),
          definition,
          props: { ...slotted, ...variant, lang },
        })),
      );
    },
  );
}

async function renderEntry({ definition, props }: Entry): Promise<RenderedEmail> {
  const element = createElement(definition.component, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: definition.subject(props), html, text };
}

/**
 * Renders every (template, language, variant) with React, leaving `{{prop}}` where each mail's
 * values go. The production build runs this and ships the result as plain strings, so the
 * server needs no React.
 */
export async function compileTemplates(): Promise<CompiledTemplates> {
  const compiled: CompiledTemplates = {};
  for (const entry of entries()) compiled[entry.key] = await renderEntry(entry);
  return compiled;
}

/** One of them, for runs from source (npm start, tests): rendered on its first mail. */
export async function compileTemplate(key: string): Promise<RenderedEmail | undefined> {
  const entry = entries().find((candidate) => candidate.key === key);
  return entry && renderEntry(entry);
}
