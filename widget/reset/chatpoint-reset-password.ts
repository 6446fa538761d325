import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { takeTokenFromAddress } from '../shared/address-token.ts';
import { ApiError, errorMessage, type FieldError } from '../shared/api.ts';
import { field, formAlert, PASSWORD_HINT, passwordProblem } from '../shared/field.ts';
import { pageStyles } from '../shared/page-styles.ts';
import { workdomainToPrefill } from '../shared/workdomain-memory.ts';
import { resetApi } from './reset-api.ts';
import './request-link-form.ts';

/** What the reset page shows. */
export const ResetState = {
  /** A link was opened: choose the new password. */
  choose: 'choose',
  done: 'done',
  /** The link was expired, used or replaced: ask for a new one. */
  invalidLink: 'invalid_link',
  /** No link: ask for one. */
  request: 'request',
} as const;
export type ResetState = (typeof ResetState)[keyof typeof ResetState];

type Field = 'password' | 'confirm';

/**
 * The password-reset page the reset email links to. The `#token=` is read once and removed from
 * the address bar before anything else happens.
 */
export class ChatpointResetPassword extends LitElement {
  static override properties = {
    state: { state: true },
    password: { state: true },
    confirm: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = [
    pageStyles,
    css`
      main { max-width: 28rem; margin: 0 auto; padding: 2rem 1rem; display: grid; gap: 1.5rem; }
    `,
  ];

  declare state: ResetState;
  declare password: string;
  declare confirm: string;
  declare busy: boolean;
  declare error: FieldError<Field> | null;

  #token: string | null = null;
  #settled = false;

  constructor() {
    super();
    this.state = ResetState.request;
    this.password = '';
    this.confirm = '';
    this.busy = false;
    this.error = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#token ??= takeTokenFromAddress('/reset-password');
    if (this.#token) this.state = ResetState.choose;
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
    if (this.busy || !this.#token) return;
    const problem = passwordProblem(this.password, this.confirm);
    if (problem) return this.#show(problem);
    this.busy = true;
    this.error = null;
    try {
      await resetApi.confirm(this.#token, this.password);
      this.#token = null;
      this.password = this.confirm = '';
      this.state = ResetState.done;
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      if (code === 'invalid_token') {
        this.#token = null;
        this.state = ResetState.invalidLink;
      } else {
        this.#show({ field: code === 'weak_password' ? 'password' : 'form', message: errorMessage(error) });
      }
    } finally {
      this.busy = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('state')) return;
    if (this.#settled) this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    this.#settled = true;
  }

  #renderChoose(): TemplateResult {
    const errorFor = (name: Field | 'form') => (this.error?.field === name ? this.error.message : '');
    return html`<form class="stack" novalidate aria-labelledby="choose-heading" @submit=${this.#submit}>
      <h1 id="choose-heading">Choose a new password</h1>
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
        <button type="submit" ?disabled=${this.busy}>Save new password</button>
      </div>
      ${formAlert(errorFor('form'))}
    </form>`;
  }

  protected override render(): TemplateResult {
    switch (this.state) {
      case ResetState.choose:
        return html`<main>${this.#renderChoose()}</main>`;
      case ResetState.done:
        return html`<main>
          <h1>Password changed</h1>
          <p class="notice" role="status">
            Your new password is saved, and other devices were signed out. Sign in with it now.
          </p>
          <p><a href="/app" data-focus>Open ChatPoint</a></p>
        </main>`;
      case ResetState.invalidLink:
        return html`<main>
          <h1>Choose a new password</h1>
          <p class="notice warning" role="alert">This link has expired or was already used. Ask for a new one.</p>
          <chatpoint-request-reset-link data-focus .workdomain=${workdomainToPrefill()}></chatpoint-request-reset-link>
        </main>`;
      case ResetState.request:
        return html`<main>
          <h1>Reset your password</h1>
          <p>Enter your workdomain and email. We will send you a link to choose a new password.</p>
          <chatpoint-request-reset-link .workdomain=${workdomainToPrefill()}></chatpoint-request-reset-link>
        </main>`;
    }
  }
}

if (!customElements.get('chatpoint-reset-password'))
  customElements.define('chatpoint-reset-password', ChatpointResetPassword);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-reset-password': ChatpointResetPassword;
  }
}
