import { html, type TemplateResult } from 'lit';
import { fill } from '../i18n/index.ts';
import type { StepContext } from './field.ts';

/** Welcome (or welcome back, for a returning member) and the "Chat" button that opens the app (or the web app) through the deep link. */
export function doneStep({ flow, t }: StepContext, open: (url: string) => void): TemplateResult {
  const { user, deepLink, returning } = flow.registration!;
  return html`<p part="message">${fill(returning ? t.welcomeBack : t.welcome, { name: user.name })}</p>
    <div part="actions">
      <button part="button" type="button" @click=${() => open(deepLink)}>${t.chat}</button>
    </div>`;
}
