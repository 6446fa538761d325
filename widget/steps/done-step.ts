import { html, type TemplateResult } from 'lit';
import { fill } from '../i18n/index.ts';
import type { StepContext } from './field.ts';

/** A link to the web app's sign-in, with the address filled in when there is one. */
export const signInLink = ({ flow, t }: StepContext, email = '') =>
  html`<a part="button" href=${`${flow.app}#email=${encodeURIComponent(email)}`} target="_blank">${t.signIn}</a>`;

/**
 * Welcome (or welcome back, for a returning member) and the "Chat" button that opens the app (or
 * the web app) through the deep link. Once its login token has expired, or when the registration
 * was completed elsewhere, a sign-in link with the address filled in instead.
 */
export function doneStep(context: StepContext, open: (url: string) => void): TemplateResult {
  const { flow, t } = context;
  const registration = flow.registration;
  const text = registration
    ? fill(registration.returning ? t.welcomeBack : t.welcome, { name: registration.user.name })
    : t.registration_complete;
  return html`<p part="message">${text}</p>
    <div part="actions">
      ${
        registration && registration.until > Date.now()
          ? html`<button part="button" type="button" @click=${() => open(registration.deepLink)}>${t.chat}</button>`
          : signInLink(context, flow.email)
      }
    </div>`;
}
