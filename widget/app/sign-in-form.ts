import { html, LitElement, type TemplateResult } from 'lit';
import { ApiError, errorMessage, type FieldError } from '../shared/api.ts';
import { field, formAlert } from '../shared/field.ts';
import { pageStyles } from '../shared/page-styles.ts';
import { appApi } from './app-api.ts';
import { ChatpointSignedInEvent } from './events.ts';

type Field = 'workdomain' | 'email' | 'password';

/**
 * Workdomain, email and password. A registrant's first password is the code from their email.
 *
 * @event chatpoint-signed-in - Signed in; the session cookie is set.
 */
export class ChatpointSignIn extends LitElement {
  static override properties = {
    workdomain: {},
    email: { state: true },
    password: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = pageStyles;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  declare workdomain: string;
  declare email: string;
  declare password: string;
  declare busy: boolean;
  declare error: FieldError<Field> | null;

  constructor() {
    super();
    this.workdomain = '';
    this.email = '';
    this.password = '';
    this.busy = false;
    this.error = null;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const missing = (['workdomain', 'email', 'password'] as const).find((name) => !this[name].trim());
    if (missing) {
      this.error = { field: missing, message: 'Please fill this in.' };
      this.renderRoot.querySelector<HTMLInputElement>(`#${missing}`)?.focus();
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      const signedIn = await appApi.login(this.workdomain.trim(), this.email.trim(), this.password);
      const password = this.password;
      this.password = '';
      this.dispatchEvent(
        new ChatpointSignedInEvent({ mustChangePassword: signedIn.mustChangePassword === true, password }),
      );
    } catch (error) {
      // invalid_credentials, rate_limited and the rest: the server's sentence says it best.
      this.error = { field: 'form', message: errorMessage(error) };
      if (error instanceof ApiError && error.code === 'invalid_credentials')
        this.renderRoot.querySelector<HTMLInputElement>('#password')?.select();
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const errorFor = (name: Field | 'form') => (this.error?.field === name ? this.error.message : '');
    const resetHref = `/reset-password${this.workdomain.trim() ? `?workdomain=${encodeURIComponent(this.workdomain.trim())}` : ''}`;
    return html`<form class="stack" novalidate aria-labelledby="sign-in-heading" @submit=${this.#submit}>
      <h2 id="sign-in-heading">Sign in to ChatPoint</h2>
      ${field({
        id: 'workdomain',
        label: 'Workdomain',
        value: this.workdomain,
        autocomplete: 'organization',
        hint: 'The short name of your workdomain, for example acme.',
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
      ${field({
        id: 'password',
        label: 'Password',
        type: 'password',
        value: this.password,
        autocomplete: 'current-password',
        hint: 'New here? Your first password is the 6-digit code from your email.',
        error: errorFor('password'),
        onInput: (value) => {
          this.password = value;
        },
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
        <a href=${resetHref}>Forgot your password?</a>
      </div>
      ${formAlert(errorFor('form'))}
    </form>`;
  }
}

if (!customElements.get('chatpoint-sign-in')) customElements.define('chatpoint-sign-in', ChatpointSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-sign-in': ChatpointSignIn;
  }
}
