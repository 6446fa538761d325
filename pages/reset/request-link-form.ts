import { html, type TemplateResult } from 'lit';
import { emailField, formAlert } from '../ui/field.ts';
import { words } from '../ui/i18n/index.ts';
import { blankField, PageForm } from '../ui/page-form.ts';
import { resetApi, returnPath } from './reset-api.ts';

type Field = 'email';

/**
 * Asks for a reset link by email alone: each workdomain the address has an account in gets a
 * link. The answer is the same whether or not an account exists.
 *
 * @attr workdomain - Limits the request to one workdomain (its slug), when a link named it.
 */
export class ChatpointRequestResetLink extends PageForm<Field> {
  static override properties = {
    workdomain: {},
    email: { state: true },
    sent: { state: true },
  };

  declare workdomain: string;
  declare email: string;
  declare sent: boolean;

  constructor() {
    super();
    this.workdomain = '';
    this.email = '';
    this.sent = false;
  }

  #submit(event: SubmitEvent) {
    return this.form.submit(event, {
      check: () => blankField({ email: this.email }),
      send: async () => {
        await resetApi.request(this.email.trim(), this.workdomain.trim() || undefined, returnPath());
        this.sent = true;
      },
    });
  }

  protected override render(): TemplateResult {
    if (this.sent) return html`<p class="notice" role="status">${words().reset.sent}</p>`;
    return html`<form class="stack" novalidate aria-labelledby="request-heading" @submit=${this.#submit}>
      <h2 id="request-heading">${words().reset.newLinkHeading}</h2>
      ${emailField({
        value: this.email,
        error: this.form.errorFor('email'),
        onInput: (value) => {
          this.email = value;
        },
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.form.busy}>${words().reset.send}</button>
      </div>
      ${formAlert(this.form.errorFor('form'))}
    </form>`;
  }
}

if (!customElements.get('chatpoint-request-reset-link'))
  customElements.define('chatpoint-request-reset-link', ChatpointRequestResetLink);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-request-reset-link': ChatpointRequestResetLink;
  }
}
