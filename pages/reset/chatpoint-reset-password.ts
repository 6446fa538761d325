import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { queryParam, takeTokenFromAddress } from '../ui/address-token.ts';
import { ApiError, errorMessage } from '../ui/api.ts';
import { formAlert } from '../ui/field.ts';
import { LanguageController, words } from '../ui/i18n/index.ts';
import { newPasswordFields, passwordProblem } from '../ui/new-password.ts';
import { FormState } from '../ui/page-form.ts';
import { pageStyles } from '../ui/page-styles.ts';
import { resetApi, returnPath } from './reset-api.ts';
import './request-link-form.ts';

/** What the reset page shows. */
export const ResetState = {
  /** A link was opened: is it still good? */
  checking: 'checking',
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
    problem: { state: true },
    password: { state: true },
    confirm: { state: true },
  };
  static override styles = [
    pageStyles,
    css`
      main { max-width: 28rem; margin: 0 auto; padding: 2rem 1rem; display: grid; gap: 1.5rem; }
    `,
  ];

  declare state: ResetState;
  /** Why the opened link does not work, as the server said. */
  declare problem: string;
  declare password: string;
  declare confirm: string;

  readonly #form = new FormState<Field>(this);
  #token: string | null = null;
  #settled = false;
  protected readonly language = new LanguageController(this);

  constructor() {
    super();
    this.state = ResetState.request;
    this.problem = '';
    this.password = '';
    this.confirm = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#token) return;
    this.#token = takeTokenFromAddress('/reset-password');
    if (this.#token) void this.#check(this.#token);
  }

  /** Before anyone types a password: a used, replaced or expired link says so at once. */
  async #check(token: string) {
    this.state = ResetState.checking;
    try {
      await resetApi.check(token);
      this.state = ResetState.choose;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_token') this.#linkFailed(error);
      // Anything else (offline, busy): let the person try; saving checks the link again.
      else this.state = ResetState.choose;
    }
  }

  #linkFailed(error: ApiError) {
    this.#token = null;
    const reason = error.details.reason ?? 'unknown';
    this.problem = words().reset.linkProblems[reason];
    this.state = ResetState.invalidLink;
  }

  #submit(event: SubmitEvent) {
    const token = this.#token;
    if (!token) return event.preventDefault();
    return this.#form.submit(event, {
      check: () => passwordProblem(this.password, this.confirm),
      send: async () => {
        await resetApi.confirm(token, this.password);
        this.#token = null;
        this.password = this.confirm = '';
        this.state = ResetState.done;
      },
      fail: (error) => {
        const code = error instanceof ApiError ? error.code : '';
        if (error instanceof ApiError && code === 'invalid_token') {
          this.#linkFailed(error);
          return null;
        }
        return { field: code === 'weak_password' ? 'password' : 'form', message: errorMessage(error) };
      },
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('state')) return;
    if (this.#settled) this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    this.#settled = true;
  }

  #renderChoose(): TemplateResult {
    return html`<form class="stack" novalidate aria-labelledby="choose-heading" @submit=${this.#submit}>
      <h1 id="choose-heading">${words().reset.chooseHeading}</h1>
      ${newPasswordFields({
        password: this.password,
        confirm: this.confirm,
        errorFor: this.#form.errorFor,
        onInput: (name, value) => {
          this[name] = value;
        },
      })}
      <div class="actions">
        <button type="submit" ?disabled=${this.#form.busy}>${words().reset.save}</button>
      </div>
      ${formAlert(this.#form.errorFor('form'))}
    </form>`;
  }

  protected override render(): TemplateResult {
    const t = words();
    switch (this.state) {
      case ResetState.checking:
        return html`<main><p class="muted" role="status">${t.reset.checking}</p></main>`;
      case ResetState.choose:
        return html`<main>${this.#renderChoose()}</main>`;
      case ResetState.done:
        return html`<main>
          <h1>${t.reset.doneHeading}</h1>
          <p class="notice" role="status">${t.reset.done}</p>
          ${
            returnPath() === '/admin'
              ? html`<p><a href="/admin" data-focus>${t.reset.signInToAdmin}</a></p>`
              : html`<p><a href="/app" data-focus>${t.common.openChatPoint}</a></p>`
          }
        </main>`;
      case ResetState.invalidLink:
        return html`<main>
          <h1>${t.reset.invalidHeading}</h1>
          <p class="notice warning" role="alert">${this.problem || t.reset.invalidLink}</p>
          <chatpoint-request-reset-link data-focus .workdomain=${queryParam('workdomain')}></chatpoint-request-reset-link>
        </main>`;
      case ResetState.request:
        return html`<main>
          <h1>${t.reset.requestHeading}</h1>
          <p>${t.reset.requestIntro}</p>
          <chatpoint-request-reset-link .workdomain=${queryParam('workdomain')}></chatpoint-request-reset-link>
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
