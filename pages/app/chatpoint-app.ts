import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { takeTokenFromAddress } from '../ui/address-token.ts';
import { ApiError, errorMessage } from '../ui/api.ts';
import { pageStyles } from '../ui/page-styles.ts';
import { rememberWorkdomain, workdomainToPrefill } from '../ui/workdomain-memory.ts';
import { appApi, type Me } from './app-api.ts';
import './change-password-form.ts';
import './chat-view.ts';
import './sign-in-form.ts';

/** What the app shows. */
export const AppState = {
  starting: 'starting',
  signedOut: 'signed_out',
  changePassword: 'change_password',
  signedIn: 'signed_in',
} as const;
export type AppState = (typeof AppState)[keyof typeof AppState];

interface Notice {
  text: TemplateResult | string;
  warning?: boolean;
}

const expiredLinkNotice: Notice = {
  warning: true,
  text: html`This sign-in link has expired or was already used — sign in with your email and the code from
    your email, or <a href="/reset-password">reset your password</a>.`,
};

/**
 * The ChatPoint web app at /app: where the universal link lands when the mobile app is absent.
 * A `#token=` in the address is taken out of it at once and exchanged for the session cookie.
 */
export class ChatpointApp extends LitElement {
  static override properties = {
    state: { state: true },
    me: { state: true },
    notice: { state: true },
    forced: { state: true },
  };
  static override styles = [
    pageStyles,
    css`
      main { max-width: 64rem; margin: 0 auto; padding: 1rem; display: grid; gap: 1.5rem; }
      .narrow { max-width: 28rem; width: 100%; }
      header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; border-bottom: 1px solid var(--_border); padding-bottom: 1rem; }
      .who { display: grid; gap: 0.25rem; }
    `,
  ];

  declare state: AppState;
  declare me: Me | null;
  declare notice: Notice | null;
  /** The password change follows a sign-in with the emailed code and cannot be skipped. */
  declare forced: boolean;

  /** The code the user just signed in with, to prefill "Choose your own password". */
  #lastPassword = '';
  #settled = false;
  #started = false;

  constructor() {
    super();
    this.state = AppState.starting;
    this.me = null;
    this.notice = null;
    this.forced = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Once per page: moving the element in the DOM must not sign anyone in twice.
    if (!this.#started) void this.#start();
    this.#started = true;
  }

  async #start() {
    // Before anything else: the token leaves the address bar and the history.
    const token = takeTokenFromAddress('/app');
    if (token) {
      try {
        await appApi.exchange(token);
      } catch (error) {
        this.notice =
          error instanceof ApiError && error.code === 'invalid_token'
            ? expiredLinkNotice
            : { warning: true, text: errorMessage(error) };
        this.state = AppState.signedOut;
        return;
      }
    }
    await this.#loadMe();
  }

  async #loadMe(signedOutNotice: Notice | null = null) {
    try {
      this.me = await appApi.me();
      rememberWorkdomain(this.me.user.workdomain.slug);
      this.state = AppState.signedIn;
    } catch (error) {
      this.me = null;
      if (!(error instanceof ApiError && error.code === 'unauthenticated'))
        signedOutNotice = { warning: true, text: errorMessage(error) };
      this.notice = signedOutNotice;
      this.state = AppState.signedOut;
    }
  }

  #onSignedIn = (event: HTMLElementEventMap['chatpoint-signed-in']) => {
    this.notice = null;
    if (event.detail.mustChangePassword) {
      this.#lastPassword = event.detail.password;
      this.forced = true;
      this.state = AppState.changePassword;
      return;
    }
    void this.#loadMe();
  };

  #onPasswordChanged = () => {
    this.#lastPassword = '';
    this.forced = false;
    this.notice = { text: 'Your new password is saved.' };
    void this.#loadMe({ text: 'Your password is saved. Sign in with your new password.' });
  };

  #onSessionEnded = () => {
    // A poll answered after "Sign out" finished must not replace its notice.
    if (this.state === AppState.signedOut) return;
    this.me = null;
    this.notice = { warning: true, text: 'You were signed out. Please sign in again.' };
    this.state = AppState.signedOut;
  };

  async #signOut() {
    // Whatever the answer, this page forgets the user; the server drops the cookie.
    await appApi.logout().catch(() => undefined);
    this.me = null;
    this.forced = false;
    this.notice = { text: 'You are signed out.' };
    this.state = AppState.signedOut;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('state')) return;
    // Moving focus on later changes only: the first view must not steal it from the page.
    if (this.#settled) this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    this.#settled ||= this.state !== AppState.starting;
  }

  #renderNotice(): TemplateResult | typeof nothing {
    const { notice } = this;
    if (!notice) return nothing;
    return html`<p class="notice ${notice.warning ? 'warning' : ''}" role=${notice.warning ? 'alert' : 'status'}>
      ${notice.text}
    </p>`;
  }

  #renderSignedIn(me: Me): TemplateResult {
    const { user } = me;
    return html`<header>
        <div class="who">
          <h1>ChatPoint</h1>
          <p>Signed in as ${user.name} (${user.email}) · ${user.workdomain.name}</p>
        </div>
        <button type="button" class="secondary" @click=${this.#signOut}>Sign out</button>
      </header>
      ${this.#renderNotice()}
      ${
        user.mustChangePassword
          ? html`<div class="notice actions">
              <span>You still sign in with the code from your email; it stops working after 7 days.</span>
              <button type="button" class="secondary" @click=${() => {
                this.notice = null;
                this.state = AppState.changePassword;
              }}>Choose your own password</button>
            </div>`
          : nothing
      }
      <chatpoint-chat .me=${me} @chatpoint-signed-out=${this.#onSessionEnded}></chatpoint-chat>`;
  }

  protected override render(): TemplateResult {
    switch (this.state) {
      case AppState.starting:
        return html`<main><p class="muted" role="status">Loading ChatPoint…</p></main>`;
      case AppState.signedOut:
        return html`<main>
          <h1>ChatPoint</h1>
          ${this.#renderNotice()}
          <chatpoint-sign-in
            class="narrow"
            data-focus
            .workdomain=${workdomainToPrefill()}
            @chatpoint-signed-in=${this.#onSignedIn}
          ></chatpoint-sign-in>
        </main>`;
      case AppState.changePassword:
        return html`<main>
          <h1>ChatPoint</h1>
          <chatpoint-change-password
            class="narrow"
            data-focus
            .current=${this.#lastPassword}
            ?optional=${!this.forced}
            @chatpoint-password-changed=${this.#onPasswordChanged}
            @chatpoint-password-later=${() => {
              this.state = AppState.signedIn;
            }}
          ></chatpoint-change-password>
        </main>`;
      case AppState.signedIn:
        return html`<main>${this.me ? this.#renderSignedIn(this.me) : nothing}</main>`;
    }
  }
}

if (!customElements.get('chatpoint-app')) customElements.define('chatpoint-app', ChatpointApp);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-app': ChatpointApp;
  }
}
