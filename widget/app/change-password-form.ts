import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { ApiError, errorMessage, type FieldError } from '../shared/api.ts';
import { field, formAlert, PASSWORD_HINT, passwordProblem } from '../shared/field.ts';
import { pageStyles } from '../shared/page-styles.ts';
import { appApi } from './app-api.ts';
import { ChatpointPasswordChangedEvent, ChatpointPasswordLaterEvent } from './events.ts';

type Field = 'current' | 'password' | 'confirm';

/**
 * "Choose your own password": replaces the emailed code (or any current password).
 *
 * @prop current - Prefills the current password (the code the user just signed in with).
 * @prop optional - Shows a "Not now" button that closes the form without a change.
 * @event chatpoint-password-changed - The new password is set.
 * @event chatpoint-password-later - The user chose "Not now".
 */
export class ChatpointChangePassword extends LitElement {
  static override properties = {
    current: {},
    optional: { type: Boolean },
    password: { state: true },
    confirm: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = pageStyles;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  declare current: string;
  declare optional: boolean;
  declare password: string;
  declare confirm: string;
  declare busy: boolean;
  declare error: FieldError<Field> | null;

  constructor() {
    super();
    this.current = '';
    this.optional = false;
    this.password = '';
    this.confirm = '';
    this.busy = false;
    this.error = null;
  }

  #show(error: FieldError<Field>) {
    this.error = error;
    if (error.field !== 'form')
      this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>(`#${error.field}`)?.focus(),
      );
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    if (!this.current)
      return this.#show({ field: 'current', message: 'Enter your current password or the code.' });
    const problem = passwordProblem(this.password, this.confirm);
    if (problem) return this.#show(problem);
    this.busy = true;
    this.error = null;
    try {
      await appApi.changePassword(this.current, this.password);
      this.current = this.password = this.confirm = '';
      this.dispatchEvent(new ChatpointPasswordChangedEvent());
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      const at: Field | 'form' =
        code === 'weak_password' ? 'password' : code === 'invalid_credentials' ? 'current' : 'form';
      this.#show({ field: at, message: errorMessage(error) });
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const errorFor = (name: Field | 'form') => (this.error?.field === name ? this.error.message : '');
    return html`<form class="stack" novalidate aria-labelledby="change-heading" @submit=${this.#submit}>
      <h2 id="change-heading">Choose your own password</h2>
      <p>You signed in with the code from your email. Choose a password to use from now on.</p>
      ${field({
        id: 'current',
        label: 'Current password or code',
        type: 'password',
        value: this.current,
        autocomplete: 'current-password',
        error: errorFor('current'),
        onInput: (value) => {
          this.current = value;
        },
      })}
      ${field({
        id: 'password',
        label: 'New password',
        type: 'password',
        value: this.password,
        autocomplete: 'new-password',
        hint: PASSWORD_HINT,
        error: errorFor('password'),
        onInput: (value) => {
          this.password = value;
        },
      })}
      ${field({
        id: 'confirm',
        label: 'Repeat the new password',
        type: 'password',
        value: this.confirm,
        autocomplete: 'new-password',
        error: errorFor('confirm'),
        onInput: (value) => {
          this.confirm = value;
        },
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Save password</button>
        ${
          this.optional
            ? html`<button type="button" class="secondary" @click=${() => this.dispatchEvent(new ChatpointPasswordLaterEvent())}>
                Not now
              </button>`
            : nothing
        }
      </div>
      ${formAlert(errorFor('form'))}
    </form>`;
  }
}

if (!customElements.get('chatpoint-change-password'))
  customElements.define('chatpoint-change-password', ChatpointChangePassword);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-change-password': ChatpointChangePassword;
  }
}
