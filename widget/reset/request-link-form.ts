import { html, LitElement, type TemplateResult } from 'lit';
import { errorMessage, type FieldError } from '../shared/api.ts';
import { field, formAlert } from '../shared/field.ts';
import { pageStyles } from '../shared/page-styles.ts';
import { resetApi } from './reset-api.ts';

type Field = 'workdomain' | 'email';

/**
 * Asks for a reset link. The answer is the same whether or not the account exists.
 *
 * @attr workdomain - Prefills the workdomain slug.
 */
export class ChatpointRequestResetLink extends LitElement {
  static override properties = {
    workdomain: {},
    email: { state: true },
    busy: { state: true },
    sent: { state: true },
    error: { state: true },
  };
  static override styles = pageStyles;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  declare workdomain: string;
  declare email: string;
  declare busy: boolean;
  declare sent: boolean;
  declare error: FieldError<Field> | null;

  constructor() {
    super();
    this.workdomain = '';
    this.email = '';
    this.busy = false;
    this.sent = false;
    this.error = null;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const missing = (['workdomain', 'email'] as const).find((name) => !this[name].trim());
    if (missing) {
      this.error = { field: missing, message: 'Please fill this in.' };
      this.renderRoot.querySelector<HTMLInputElement>(`#${missing}`)?.focus();
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      await resetApi.request(this.workdomain.trim(), this.email.trim());
      this.sent = true;
    } catch (error) {
      this.error = { field: 'form', message: errorMessage(error) };
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    if (this.sent)
      return html`<p class="notice" role="status">
        If an account exists, we sent a link. Check your email; the link works for 30 minutes.
      </p>`;
    const errorFor = (name: Field | 'form') => (this.error?.field === name ? this.error.message : '');
    return html`<form class="stack" novalidate aria-labelledby="request-heading" @submit=${this.#submit}>
      <h2 id="request-heading">Get a new reset link</h2>
      ${field({
        id: 'workdomain',
        label: 'Workdomain',
        value: this.workdomain,
        autocomplete: 'organization',
        error: errorFor('workdomain'),
        onInput: (value) => {
          this.workdomain = value;
        },
      })}
      ${field({
        id: 'email',
        label: 'Email',
        type: 'email',
        value: this.email,
        autocomplete: 'username',
        error: errorFor('email'),
        onInput: (value) => {
          this.email = value;
        },
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Email me a link</button>
      </div>
      ${formAlert(errorFor('form'))}
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
