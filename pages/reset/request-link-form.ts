import { html, type TemplateResult } from 'lit';
import { accountFields, formAlert } from '../ui/field.ts';
import { blankField, PageForm } from '../ui/page-form.ts';
import { resetApi, returnPath } from './reset-api.ts';

type Field = 'workdomain' | 'email';

/**
 * Asks for a reset link. The answer is the same whether or not the account exists.
 *
 * @attr workdomain - Prefills the workdomain slug.
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
      check: () => blankField({ workdomain: this.workdomain, email: this.email }),
      send: async () => {
        await resetApi.request(this.workdomain.trim(), this.email.trim(), returnPath());
        this.sent = true;
      },
    });
  }

  protected override render(): TemplateResult {
    if (this.sent)
      return html`<p class="notice" role="status">
        If an account exists, we sent a link. Check your email; the link works for 30 minutes.
      </p>`;
    return html`<form class="stack" novalidate aria-labelledby="request-heading" @submit=${this.#submit}>
      <h2 id="request-heading">Get a new reset link</h2>
      ${accountFields({
        workdomain: this.workdomain,
        email: this.email,
        errorFor: this.form.errorFor,
        onInput: (name, value) => {
          this[name] = value;
        },
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.form.busy}>Email me a link</button>
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
