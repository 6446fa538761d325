import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, errorMessage } from '../ui/api.ts';
import { field, formAlert } from '../ui/field.ts';
import { words } from '../ui/i18n/index.ts';
import { newPasswordFields, passwordProblem } from '../ui/new-password.ts';
import { PageForm } from '../ui/page-form.ts';
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
export class ChatpointChangePassword extends PageForm<Field> {
  static override properties = {
    current: {},
    optional: { type: Boolean },
    password: { state: true },
    confirm: { state: true },
  };

  declare current: string;
  declare optional: boolean;
  declare password: string;
  declare confirm: string;

  constructor() {
    super();
    this.current = '';
    this.optional = false;
    this.password = '';
    this.confirm = '';
  }

  #submit(event: SubmitEvent) {
    return this.form.submit(event, {
      check: () =>
        this.current
          ? passwordProblem(this.password, this.confirm)
          : { field: 'current', message: words().changePassword.currentMissing },
      send: async () => {
        await appApi.changePassword(this.current, this.password);
        this.current = this.password = this.confirm = '';
        this.dispatchEvent(new ChatpointPasswordChangedEvent());
      },
      fail: (error) => {
        const code = error instanceof ApiError ? error.code : '';
        const at: Field | 'form' =
          code === 'weak_password' ? 'password' : code === 'invalid_credentials' ? 'current' : 'form';
        return { field: at, message: errorMessage(error) };
      },
    });
  }

  protected override render(): TemplateResult {
    const t = words().changePassword;
    return html`<form class="stack" novalidate aria-labelledby="change-heading" @submit=${this.#submit}>
      <h2 id="change-heading">${t.heading}</h2>
      <p>${t.intro}</p>
      ${field({
        id: 'current',
        label: t.current,
        type: 'password',
        value: this.current,
        autocomplete: 'current-password',
        error: this.form.errorFor('current'),
        onInput: (value) => {
          this.current = value;
        },
      })}
      ${newPasswordFields({
        password: this.password,
        confirm: this.confirm,
        errorFor: this.form.errorFor,
        onInput: (name, value) => {
          this[name] = value;
        },
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.form.busy}>${t.save}</button>
        ${
          this.optional
            ? html`<button type="button" class="secondary" @click=${() => this.dispatchEvent(new ChatpointPasswordLaterEvent())}>
                ${t.notNow}
              </button>`
            : nothing
        }
      </div>
      ${formAlert(this.form.errorFor('form'))}
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
