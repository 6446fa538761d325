import { css, html, LitElement } from 'lit';
import { queryParam } from '../ui/address-token.ts';
import { adminStyles } from './admin.styles.ts';
import { ApiError, errorMessage } from './admin-api.ts';
import type { AdminData } from './admin-data.ts';

type Field = 'workdomain' | 'email' | 'password' | 'form';

/** Email and password sign-in for the workdomain's administrators. */
export class ChatpointAdminSignIn extends LitElement {
  static override properties = {
    data: { attribute: false },
    error: { state: true },
    busy: { state: true },
  };
  static override styles = [
    adminStyles,
    css`
      main { max-width: 26rem; margin: 0 auto; padding: 2rem 1rem }
      form { display: grid; gap: 1rem; margin-block-start: 1.5rem }
    `,
  ];

  declare data: AdminData;
  declare error: { field: Field; message: string } | null;
  declare busy: boolean;

  constructor() {
    super();
    this.error = null;
    this.busy = false;
  }

  override firstUpdated() {
    this.renderRoot
      .querySelector<HTMLInputElement>(queryParam('workdomain') ? '#email' : '#workdomain')
      ?.focus();
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const missing = (['workdomain', 'email', 'password'] as const).find((name) => !value(name));
    if (missing) {
      this.#fail(missing, `Enter your ${missing === 'workdomain' ? 'workdomain' : missing}.`);
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      await this.data.signIn(value('workdomain').toLowerCase(), value('email'), String(form.get('password')));
    } catch (error) {
      this.#fail(
        error instanceof ApiError && error.code === 'invalid_credentials' ? 'password' : 'form',
        errorMessage(error),
      );
    } finally {
      this.busy = false;
    }
  }

  async #fail(field: Field, message: string) {
    this.error = { field, message };
    await this.updateComplete;
    // A form-wide error is announced by its alert; a field's error takes the user to the field.
    if (field !== 'form') this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  }

  #field(id: Exclude<Field, 'form'>, label: string, input: unknown, hint?: string) {
    const invalid = this.error?.field === id;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<p id="${id}-hint" class="muted">${hint}</p>` : ''}
      ${input}
      <p id="${id}-error" class="alert" role="alert">${invalid ? this.error!.message : ''}</p>
    </div>`;
  }

  override render() {
    const invalid = (id: Field) => (this.error?.field === id ? 'true' : 'false');
    return html`<main>
      <h1>ChatPoint user administration</h1>
      <form @submit=${this.#submit} aria-busy=${this.busy ? 'true' : 'false'} novalidate>
        ${this.#field(
          'workdomain',
          'Workdomain',
          html`<input
            id="workdomain"
            name="workdomain"
            autocomplete="organization"
            autocapitalize="none"
            spellcheck="false"
            .value=${queryParam('workdomain')}
            aria-invalid=${invalid('workdomain')}
            aria-describedby="workdomain-hint workdomain-error"
          />`,
          'The short name of your workdomain, for example acme.',
        )}
        ${this.#field(
          'email',
          'Email',
          html`<input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            aria-invalid=${invalid('email')}
            aria-describedby="email-error"
          />`,
        )}
        ${this.#field(
          'password',
          'Password',
          html`<input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            aria-invalid=${invalid('password')}
            aria-describedby="password-error"
          />`,
        )}
        <div class="field">
          <div class="row"><button type="submit">${this.busy ? 'Signing in…' : 'Sign in'}</button></div>
          <p class="alert" role="alert">${this.error?.field === 'form' ? this.error.message : ''}</p>
        </div>
      </form>
      <p><a href="/reset-password?next=%2Fadmin">Forgot password?</a></p>
    </main>`;
  }
}
