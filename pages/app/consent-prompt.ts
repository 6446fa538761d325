import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { errorMessage } from '../ui/api.ts';
import { formAlert } from '../ui/field.ts';
import { fill, LanguageController, words } from '../ui/i18n/index.ts';
import { pageStyles } from '../ui/page-styles.ts';
import { appApi, type ConsentNeeded } from './app-api.ts';
import { ChatpointConsentGivenEvent, ChatpointSignOutRequestEvent } from './events.ts';

/**
 * Asks a member to agree to a newer version of the terms before the conversation. The only
 * ways on are "I agree" or "Sign out".
 *
 * @prop needed - What GET /api/me says must be agreed to.
 * @prop workdomain - The business's name.
 * @event chatpoint-consent-given - The agreement is recorded.
 * @event chatpoint-sign-out-request - The member chose to sign out instead.
 */
export class ChatpointConsentPrompt extends LitElement {
  static override properties = {
    needed: { attribute: false },
    workdomain: {},
    busy: { state: true },
    error: { state: true },
  };
  static override styles = pageStyles;

  declare needed: ConsentNeeded | null;
  declare workdomain: string;
  declare busy: boolean;
  declare error: string;
  protected readonly language = new LanguageController(this);

  constructor() {
    super();
    this.needed = null;
    this.workdomain = '';
    this.busy = false;
    this.error = '';
  }

  async #agree() {
    if (!this.needed) return;
    this.busy = true;
    this.error = '';
    try {
      await appApi.giveConsent(this.needed.version);
      this.dispatchEvent(new ChatpointConsentGivenEvent());
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  #link(url: string | null, label: string) {
    if (!url) return nothing;
    return html`<li>
      <a href=${url} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden"> ${words().privacy.newTab}</span></a>
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = words().privacy;
    const { needed } = this;
    return html`<section class="stack" aria-labelledby="consent-heading">
      <h2 id="consent-heading" tabindex="-1">${t.consentHeading}</h2>
      <p>${fill(t.consentText, { workdomain: this.workdomain })}</p>
      <ul class="stack">
        ${this.#link(needed?.termsUrl ?? null, t.terms)}
        ${this.#link(needed?.privacyPolicyUrl ?? null, t.privacyPolicy)}
      </ul>
      <div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${this.#agree}>${t.agree}</button>
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new ChatpointSignOutRequestEvent())}>
          ${words().app.signOut}
        </button>
      </div>
      ${formAlert(this.error)}
    </section>`;
  }
}

if (!customElements.get('chatpoint-consent-prompt'))
  customElements.define('chatpoint-consent-prompt', ChatpointConsentPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-consent-prompt': ChatpointConsentPrompt;
  }
}
