import { html, type nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { LoginResult } from '../../contract/accounts.ts';
import { limits } from '../../contract/limits.ts';
import { accountApi, type WorkdomainChoice } from './account-api.ts';
import { ApiError, errorMessage } from './api.ts';
import { emailField, field, formAlert } from './field.ts';
import { fill, words } from './i18n/index.ts';
import { blankField, PageForm } from './page-form.ts';

/** The sign-in form signed someone in; the session cookie is set. */
export class ChatpointSignedInEvent extends CustomEvent<{
  mustChangePassword: boolean;
  /** The password typed, kept only so a following password change need not ask for it again. */
  password: string;
}> {
  constructor(detail: { mustChangePassword: boolean; password: string }) {
    super('chatpoint-signed-in', { bubbles: true, composed: true, detail });
  }
}

/** Where the form is: the address, the emailed code, a password, or which workdomain. */
export type SignInStep = 'email' | 'code' | 'password' | 'choose';

type Field = 'email' | 'code' | 'password';

/**
 * Sign-in for every hosted page, from an email address alone: a 6-digit code by email, or a
 * password. Nobody types a workdomain; an address with accounts in several is asked to pick one
 * by name.
 *
 * @prop email - Prefills the address.
 * @prop heading - The form's heading; default: "Sign in to ChatPoint" in the page's language.
 * @prop step - Where to begin: `email` (a code) or `password`.
 * @prop returnTo - Own page the password-reset page leads back to (`/admin`); none: the web app.
 * @event chatpoint-signed-in - Signed in; the session cookie is set.
 */
export class ChatpointSignIn extends PageForm<Field> {
  static override properties = {
    email: {},
    heading: {},
    step: {},
    returnTo: { attribute: 'return-to' },
    code: { state: true },
    password: { state: true },
    choices: { state: true },
  };

  declare email: string;
  declare heading: string;
  declare step: SignInStep;
  declare returnTo: string;
  declare code: string;
  declare password: string;
  declare choices: WorkdomainChoice['choose'];

  #attemptId = '';
  /** The step the choice of workdomain came from: it finishes with the same code or password. */
  #chosenBy: 'code' | 'password' = 'code';

  constructor() {
    super();
    this.email = '';
    this.heading = '';
    this.step = 'email';
    this.returnTo = '';
    this.code = '';
    this.password = '';
    this.choices = [];
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new step takes focus to its first control, except on the first render.
    if (changed.has('step') && changed.get('step') !== undefined)
      this.renderRoot.querySelector<HTMLElement>('[data-step-focus]')?.focus();
  }

  #go(step: SignInStep) {
    this.form.clear();
    this.step = step;
  }

  #finish(answer: LoginResult | WorkdomainChoice, by: 'code' | 'password') {
    if ('choose' in answer) {
      this.choices = answer.choose;
      this.#chosenBy = by;
      this.#go('choose');
      return;
    }
    const password = by === 'password' ? this.password : '';
    this.code = this.password = '';
    this.dispatchEvent(
      new ChatpointSignedInEvent({ mustChangePassword: answer.mustChangePassword, password }),
    );
  }

  #sendCode = async () => {
    const { attemptId } = await accountApi.startCodeSignIn(this.email.trim());
    this.#attemptId = attemptId;
    this.code = '';
    this.#go('code');
  };

  #submitEmail(event: SubmitEvent) {
    return this.form.submit(event, {
      check: () => blankField({ email: this.email }),
      send: this.#sendCode,
      fail: (error) => ({
        field: error instanceof ApiError && error.code === 'invalid_email' ? 'email' : 'form',
        message: errorMessage(error),
      }),
    });
  }

  #submitCode(event: SubmitEvent) {
    return this.form.submit(event, {
      check: () => blankField({ code: this.code }),
      send: async () => this.#finish(await accountApi.verifyCodeSignIn(this.#attemptId, this.code), 'code'),
      fail: (error) => ({
        // A wrong code stays beside the field; a dead, expired or used one needs a new code.
        field: error instanceof ApiError && error.code === 'invalid_code' ? 'code' : 'form',
        message: errorMessage(error),
      }),
    });
  }

  #submitPassword(event: SubmitEvent) {
    return this.form.submit(event, {
      check: () => blankField({ email: this.email, password: this.password }),
      send: async () => this.#finish(await accountApi.login(this.email.trim(), this.password), 'password'),
      fail: (error) => {
        if (error instanceof ApiError && error.code === 'invalid_credentials')
          return { field: 'password', message: errorMessage(error) };
        return { field: 'form', message: errorMessage(error) };
      },
    });
  }

  #choose(event: SubmitEvent, slug: string) {
    return this.form.submit(event, {
      send: async () =>
        this.#finish(
          this.#chosenBy === 'code'
            ? await accountApi.verifyCodeSignIn(this.#attemptId, this.code, slug)
            : await accountApi.login(this.email.trim(), this.password, slug),
          this.#chosenBy,
        ),
    });
  }

  #emailField(focus: boolean): TemplateResult {
    return emailField({
      value: this.email,
      error: this.form.errorFor('email'),
      focus,
      onInput: (value) => {
        this.email = value;
      },
    });
  }

  #link(label: string, onClick: () => unknown): TemplateResult {
    return html`<button type="button" class="link" ?disabled=${this.form.busy} @click=${onClick}>${label}</button>`;
  }

  #renderStep(): TemplateResult {
    const busy = this.form.busy;
    const t = words().signIn;
    const heading = this.heading || t.heading;
    const digits = limits.codeLength;
    switch (this.step) {
      case 'email':
        return html`<form class="stack" novalidate aria-labelledby="sign-in-heading" @submit=${this.#submitEmail}>
          <h2 id="sign-in-heading">${heading}</h2>
          <p>${fill(t.intro, { digits })}</p>
          ${this.#emailField(true)}
          <div class="actions">
            <button type="submit" ?disabled=${busy}>${busy ? t.sending : t.emailCode}</button>
            ${this.#link(t.usePassword, () => this.#go('password'))}
          </div>
          ${formAlert(this.form.errorFor('form'))}
        </form>`;
      case 'code':
        return html`<form class="stack" novalidate aria-labelledby="sign-in-heading" @submit=${this.#submitCode}>
          <h2 id="sign-in-heading">${t.checkEmail}</h2>
          <p>${fill(t.codeOnItsWay, { email: this.email.trim(), digits, minutes: limits.codeLifetimeMinutes })}</p>
          ${field({
            id: 'code',
            label: t.code,
            value: this.code,
            autocomplete: 'one-time-code',
            inputmode: 'numeric',
            error: this.form.errorFor('code'),
            focus: true,
            onInput: (value) => {
              this.code = value;
            },
          })}
          <div class="actions">
            <button type="submit" ?disabled=${busy}>${busy ? t.signingIn : t.signIn}</button>
            ${this.#link(t.newCode, () => this.form.run(this.#sendCode))}
          </div>
          ${formAlert(this.form.errorFor('form'))}
          <div class="actions">
            ${this.#link(t.differentEmail, () => this.#go('email'))}
            ${this.#link(t.usePassword, () => this.#go('password'))}
          </div>
        </form>`;
      case 'password':
        return html`<form class="stack" novalidate aria-labelledby="sign-in-heading" @submit=${this.#submitPassword}>
          <h2 id="sign-in-heading">${heading}</h2>
          ${this.#emailField(!this.email)}
          ${field({
            id: 'password',
            label: words().common.password,
            type: 'password',
            value: this.password,
            autocomplete: 'current-password',
            error: this.form.errorFor('password'),
            focus: !!this.email,
            onInput: (value) => {
              this.password = value;
            },
          })}
          <div class="actions">
            <button type="submit" ?disabled=${busy}>${busy ? t.signingIn : t.signIn}</button>
            <a href=${this.returnTo ? `/reset-password?next=${encodeURIComponent(this.returnTo)}` : '/reset-password'}
              >${t.forgot}</a
            >
          </div>
          ${formAlert(this.form.errorFor('form'))}
          <div class="actions">${this.#link(t.codeInstead, () => this.#go('email'))}</div>
        </form>`;
      case 'choose':
        return html`<div class="stack">
          <h2 id="sign-in-heading">${t.chooseHeading}</h2>
          <p>${fill(t.chooseIntro, { email: this.email.trim() })}</p>
          <ul class="choices" aria-labelledby="sign-in-heading">
            ${this.choices.map(
              (choice, index) => html`<li>
                <form novalidate @submit=${(event: SubmitEvent) => this.#choose(event, choice.slug)}>
                  <button type="submit" ?data-step-focus=${index === 0} ?disabled=${busy}>${choice.name}</button>
                </form>
              </li>`,
            )}
          </ul>
          ${formAlert(this.form.errorFor('form'))}
          ${this.#link(t.back, () => this.#go(this.#chosenBy))}
        </div>`;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    return this.#renderStep();
  }
}

if (!customElements.get('chatpoint-sign-in')) customElements.define('chatpoint-sign-in', ChatpointSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-sign-in': ChatpointSignIn;
  }
  interface GlobalEventHandlersEventMap {
    'chatpoint-signed-in': ChatpointSignedInEvent;
  }
}
