import { render } from '@react-email/components';
import { createElement, type FunctionComponent } from 'react';
import { MAIL_LANGUAGES } from './languages.ts';
import type { CompiledTemplates, EmailTemplateName, EmailTemplates } from './render.ts';
import { templateKey, variantProps } from './render.ts';
import { AlreadyRegistered, alreadyRegisteredSubject } from './templates/already-registered.tsx';
import { PasswordChanged, passwordChangedSubject } from './templates/password-changed.tsx';
import { PasswordReset, passwordResetSubject } from './templates/password-reset.tsx';
import { RegistrationClosed, registrationClosedSubject } from './templates/registration-closed.tsx';
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
    slots: ['name', 'workdomainName', 'code', 'minutesValid'],
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

/**
 * Renders every (template, language, variant) with React once, leaving `{{prop}}` where each
 * mail's values go. The production build runs this and ships the result as plain strings, so
 * the server needs no React; source runs (npm start, tests) call it on the first mail.
 */
export async function compileTemplates(): Promise<CompiledTemplates> {
  const compiled: CompiledTemplates = {};
  for (const [name, definition] of Object.entries(definitions) as [string, TemplateDefinition<any>][]) {
    const variantNames = Object.keys(definition.variants ?? {});
    if (variantNames.join() !== (variantProps[name as EmailTemplateName] ?? []).join())
      throw new Error(`${name}: variant props differ between compile.tsx and render.ts`);
    const slotted = Object.fromEntries(definition.slots.map((prop) => [prop, `{{${prop}}}`]));
    for (const lang of MAIL_LANGUAGES) {
      for (const variant of variantCombinations(definition.variants)) {
        const props = { ...slotted, ...variant, lang };
        const element = createElement(definition.component, props);
        const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
        compiled[templateKey(name, lang, variant)] = { subject: definition.subject(props), html, text };
      }
    }
  }
  return compiled;
}
