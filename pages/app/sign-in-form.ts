import { html, type TemplateResult } from 'lit';
import { ApiError, errorMessage } from '../ui/api.ts';
import { accountFields, field, formAlert } from '../ui/field.ts';
import { words } from '../ui/i18n/index.ts';
import { blankField, PageForm } from '../ui/page-form.ts';
import { appApi } from './app-api.ts';
import { ChatpointSignedInEvent } from './events.ts';

type Field = 'workdomain' | 'email' | 'password';

/**
 * Workdomain, email and password. A registrant's first password is the code from their email.
 *
 * @event chatpoint-signed-in - Signed in; the session cookie is set.
 */
export class ChatpointSignIn extends PageForm<Field> {
  static override properties = {
    workdomain: {},
    email: { state: true },
    password: { state: true },
  };

  declare workdomain: string;
  declare email: string;
  declare password: string;

  constructor() {
    super();
    this.workdomain = '';
    this.email = '';
    this.password = '';
  }

  #submit(event: SubmitEvent) {
    return this.form.submit(event, {
      check: () => blankField({ workdomain: this.workdomain, email: this.email, password: this.password }),
      send: async () => {
        const signedIn = await appApi.login(this.workdomain.trim(), this.email.trim(), this.password);
        const password = this.password;
        this.password = '';
        this.dispatchEvent(
          new ChatpointSignedInEvent({ mustChangePassword: signedIn.mustChangePassword === true, password }),
        );
      },
      fail: (error) => {
        // invalid_credentials, rate_limited and the rest: the server's sentence says it best.
        if (error instanceof ApiError && error.code === 'invalid_credentials')
          this.renderRoot.querySelector<HTMLInputElement>('#password')?.select();
        return { field: 'form', message: errorMessage(error) };
      },
    });
  }

  protected override render(): TemplateResult {
    const t = words();
    const resetHref = `/reset-password${this.workdomain.trim() ? `?workdomain=${encodeURIComponent(this.workdomain.trim())}` : ''}`;
    return html`<form class="stack" novalidate aria-labelledby="sign-in-heading" @submit=${this.#submit}>
      <h2 id="sign-in-heading">${t.signIn.heading}</h2>
      ${accountFields({
        workdomain: this.workdomain,
        email: this.email,
        workdomainHint: t.signIn.workdomainHint,
        errorFor: this.form.errorFor,
        onInput: (name, value) => {
          this[name] = value;
        },
      })}
      ${field({
        id: 'password',
        label: t.common.password,
        type: 'password',
        value: this.password,
        autocomplete: 'current-password',
        hint: t.signIn.passwordHint,
        error: this.form.errorFor('password'),
        onInput: (value) => {
          this.password = value;
        },
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.form.busy}>${this.form.busy ? t.signIn.busy : t.signIn.submit}</button>
        <a href=${resetHref}>${t.signIn.forgot}</a>
      </div>
      ${formAlert(this.form.errorFor('form'))}
    </form>`;
  }
}

if (!customElements.get('chatpoint-sign-in')) customElements.define('chatpoint-sign-in', ChatpointSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-sign-in': ChatpointSignIn;
  }
}
