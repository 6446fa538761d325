import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, errorMessage } from '../ui/api.ts';
import { field, formAlert } from '../ui/field.ts';
import { words } from '../ui/i18n/index.ts';
import { newPasswordFields, passwordProblem } from '../ui/new-password.ts';
import { PageForm } from '../ui/page-form.ts';
import { appApi } from './app-api.ts';
import { ChatpointPasswordChangedEvent, ChatpointPasswordLaterEvent } from './events.ts';

type Field = 'current' | 'password' | 'confirm';

/**
 * "Choose a password". Right after a sign-in by link or emailed code the server does not ask for
 * the code again, so the form asks only for the new password; otherwise (or once that window
 * has passed) it asks for the current one too. The address rides along in a hidden username
 * field so a password manager saves the pair.
 *
 * @prop email - The account's address, for password managers.
 * @prop current - The current password when the page knows it (the code just typed to sign in).
 * @prop askCurrent - Show the current-password field.
 * @prop optional - Shows "Not now".
 * @event chatpoint-password-changed - The new password is set.
 * @event chatpoint-password-later - The user chose "Not now".
 */
export class ChatpointChangePassword extends PageForm<Field> {
  static override properties = {
    email: {},
    current: {},
    askCurrent: { type: Boolean },
    optional: { type: Boolean },
    password: { state: true },
    confirm: { state: true },
  };

  declare email: string;
  declare current: string;
  declare askCurrent: boolean;
  declare optional: boolean;
  declare password: string;
  declare confirm: string;

  constructor() {
    super();
    this.email = '';
    this.current = '';
    this.askCurrent = false;
    this.optional = true;
    this.password = '';
    this.confirm = '';
  }

  protected override firstUpdated(_changed: PropertyValues<this>): void {
    // Focus lands on the first field the user has to fill in.
    this.renderRoot
      .querySelector<HTMLElement>(this.askCurrent && !this.current ? '#current' : '#password')
      ?.focus();
  }

  #submit(event: SubmitEvent) {
    return this.form.submit(event, {
      check: () =>
        this.askCurrent && !this.current
          ? { field: 'current', message: words().changePassword.currentMissing }
          : passwordProblem(this.password, this.confirm),
      send: async () => {
        await appApi.changePassword(
          this.askCurrent || this.current ? this.current : undefined,
          this.password,
        );
        this.current = this.password = this.confirm = '';
        this.dispatchEvent(new ChatpointPasswordChangedEvent());
      },
      fail: (error) => {
        const code = error instanceof ApiError ? error.code : '';
        if (code === 'invalid_credentials') {
          // The minutes after the sign-in have passed, or the code was mistyped: ask for it.
          this.askCurrent = true;
          return { field: 'current', message: errorMessage(error) };
        }
        return { field: code === 'weak_password' ? 'password' : 'form', message: errorMessage(error) };
      },
    });
  }

  protected override render(): TemplateResult {
    const t = words().changePassword;
    return html`<form class="stack" novalidate aria-labelledby="change-heading" @submit=${this.#submit}>
      <h2 id="change-heading">${t.heading}</h2>
      <p>${t.intro}</p>
      <input type="email" name="username" autocomplete="username" hidden .value=${this.email} />
      ${
        this.askCurrent
          ? field({
              id: 'current',
              label: t.current,
              type: 'password',
              value: this.current,
              autocomplete: 'current-password',
              error: this.form.errorFor('current'),
              onInput: (value) => {
                this.current = value;
              },
            })
          : nothing
      }
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
