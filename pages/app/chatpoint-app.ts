import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { takeLinkFromAddress } from '../ui/address-token.ts';
import { ApiError, errorMessage } from '../ui/api.ts';
import { fill, followUserLanguage, LanguageController, words } from '../ui/i18n/index.ts';
import { pageStyles } from '../ui/page-styles.ts';
import '../ui/sign-in.ts';
import { appApi, type Me } from './app-api.ts';
import './change-password-form.ts';
import './chat-view.ts';
import './consent-prompt.ts';
import './delete-account.ts';

/** What the app shows. */
export const AppState = {
  starting: 'starting',
  signedOut: 'signed_out',
  changePassword: 'change_password',
  signedIn: 'signed_in',
  /** A newer version of the terms waits for the member's agreement before the conversation. */
  consent: 'consent',
  /** The user erased their own account; nothing is signed in any more. */
  deleted: 'deleted',
} as const;
export type AppState = (typeof AppState)[keyof typeof AppState];

interface Notice {
  text: TemplateResult | string;
  warning?: boolean;
}

const expiredLinkNotice = (): Notice => ({ warning: true, text: words().app.expiredLinkCode });

// "Not now" lasts for this browser tab; the reminder in the header stays.
const LATER_KEY = 'chatpoint.password-later';
const saidLater = () => {
  try {
    return sessionStorage.getItem(LATER_KEY) === '1';
  } catch {
    return false;
  }
};

/**
 * The ChatPoint web app at /app: where the universal link lands when the mobile app is absent.
 * A `#token=` in the address is taken out of it at once and exchanged for the session cookie.
 * On a phone it opens straight into the conversation, with the message box at the bottom.
 */
export class ChatpointApp extends LitElement {
  static override properties = {
    state: { state: true },
    me: { state: true },
    notice: { state: true },
    later: { state: true },
  };
  static override styles = [
    pageStyles,
    css`
      main { max-width: 64rem; margin: 0 auto; padding: 1rem; display: grid; gap: 1.5rem; }
      .narrow { max-width: 28rem; width: 100%; }
      /* Signed in: the page is exactly the screen's height; only the message log scrolls. */
      main.app {
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
        height: 100vh;
        height: 100dvh;
        padding: max(0.75rem, env(safe-area-inset-top)) max(1rem, env(safe-area-inset-right)) 0.75rem
          max(1rem, env(safe-area-inset-left));
      }
      main.app > chatpoint-chat { flex: 1; min-height: 0; }
      header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; border-bottom: 1px solid var(--_border); padding-bottom: 0.5rem; }
      .who { display: grid; min-width: 0; }
      .who h1 { font-size: 1.1rem; }
      .who p { font-size: 0.85rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .tools { display: flex; gap: 0.25rem; align-items: center; flex: none; }
      .tools button { padding: 0.25rem 0.75rem; }
      /* One short line, so the conversation stays in view on a phone. */
      .nudge { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; padding: 0.4rem 0.75rem; font-size: 0.9rem; }
      .nudge button { padding: 0.2rem 0.6rem; }
      .nudge span { flex: 1 1 12rem; }
    `,
  ];

  declare state: AppState;
  declare me: Me | null;
  declare notice: Notice | null;
  /** "Not now" was chosen for the password: the banner gives way to a small reminder. */
  declare later: boolean;

  /** The code the user just signed in with as a password, so the change need not ask for it. */
  #lastPassword = '';
  protected readonly language = new LanguageController(this);
  /** The address a sign-in link carried, to fill in the sign-in form if the link is spent. */
  #linkEmail = '';
  #settled = false;
  #started = false;

  constructor() {
    super();
    this.state = AppState.starting;
    this.me = null;
    this.notice = null;
    this.later = saidLater();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Once per page: moving the element in the DOM must not sign anyone in twice.
    if (!this.#started) void this.#start();
    this.#started = true;
  }

  async #start() {
    // Before anything else: the token leaves the address bar and the history.
    const { token, email } = takeLinkFromAddress('/app');
    this.#linkEmail = email;
    if (token) {
      try {
        await appApi.exchange(token);
      } catch (error) {
        this.notice =
          error instanceof ApiError && error.code === 'invalid_token'
            ? expiredLinkNotice()
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
      followUserLanguage(this.me.user.lang);
      this.state = this.me.consentNeeded ? AppState.consent : AppState.signedIn;
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
    this.#lastPassword = event.detail.mustChangePassword ? event.detail.password : '';
    void this.#loadMe();
  };

  #onPasswordChanged = () => {
    this.#lastPassword = '';
    this.notice = { text: words().app.passwordSaved };
    void this.#loadMe({ text: words().app.signInWithNewPassword });
  };

  #onPasswordLater = () => {
    this.later = true;
    try {
      sessionStorage.setItem(LATER_KEY, '1');
    } catch {
      // Without storage, "Not now" lasts until the page reloads.
    }
    this.state = AppState.signedIn;
  };

  #onSessionEnded = () => {
    // A poll answered after "Sign out" finished must not replace its notice.
    if (this.state === AppState.signedOut) return;
    this.me = null;
    this.notice = { warning: true, text: words().app.signedOutAgain };
    this.state = AppState.signedOut;
  };

  async #signOut() {
    // Whatever the answer, this page forgets the user; the server drops the cookie.
    const email = this.me?.user.email ?? '';
    await appApi.logout().catch(() => undefined);
    this.me = null;
    this.#linkEmail = email;
    this.notice = { text: words().app.signedOut };
    this.state = AppState.signedOut;
  }

  #onAccountDeleted = () => {
    this.me = null;
    this.#linkEmail = '';
    this.notice = null;
    this.state = AppState.deleted;
  };

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

  #choosePassword = () => {
    this.notice = null;
    this.state = AppState.changePassword;
  };

  /** The one line above the conversation: a notice, or the nudge to choose a password. */
  #renderBanner(me: Me): TemplateResult | typeof nothing {
    if (this.notice)
      return html`<div class="notice nudge ${this.notice.warning ? 'warning' : ''}" role=${this.notice.warning ? 'alert' : 'status'}>
        <span>${this.notice.text}</span>
        <button type="button" class="secondary" @click=${() => {
          this.notice = null;
        }}>${words().app.ok}</button>
      </div>`;
    if (!me.user.mustChangePassword || this.later) return nothing;
    const t = words().app;
    return html`<div class="notice nudge" role="region" aria-label=${t.passwordRegion}>
      <span>${t.nudge}</span>
      <button type="button" @click=${this.#choosePassword}>${t.choosePassword}</button>
      <button type="button" class="secondary" @click=${this.#onPasswordLater}>${t.notNow}</button>
    </div>`;
  }

  #renderSignedIn(me: Me): TemplateResult {
    const { user } = me;
    const t = words().app;
    const reminder = user.mustChangePassword && this.later;
    return html`<header>
        <div class="who">
          <h1>ChatPoint</h1>
          <p>${fill(t.signedInAs, { name: user.name, email: user.email, workdomain: user.workdomain.name })}</p>
        </div>
        <div class="tools">
          ${reminder ? html`<button type="button" class="link" @click=${this.#choosePassword}>${t.setPassword}</button>` : nothing}
          ${
            user.kind === 'external'
              ? html`<chatpoint-delete-account
                  .workdomain=${user.workdomain.name}
                  @chatpoint-account-deleted=${this.#onAccountDeleted}
                ></chatpoint-delete-account>`
              : nothing
          }
          <button type="button" class="secondary" @click=${this.#signOut}>${t.signOut}</button>
        </div>
      </header>
      ${this.#renderBanner(me)}
      <chatpoint-chat .me=${me} @chatpoint-signed-out=${this.#onSessionEnded}></chatpoint-chat>`;
  }

  protected override render(): TemplateResult {
    switch (this.state) {
      case AppState.starting:
        return html`<main><p class="muted" role="status">${words().app.loading}</p></main>`;
      case AppState.signedOut:
        return html`<main>
          <h1>ChatPoint</h1>
          ${this.#renderNotice()}
          <chatpoint-sign-in
            class="narrow"
            data-focus
            .email=${this.#linkEmail}
            @chatpoint-signed-in=${this.#onSignedIn}
          ></chatpoint-sign-in>
        </main>`;
      case AppState.changePassword:
        return html`<main>
          <h1>ChatPoint</h1>
          <chatpoint-change-password
            class="narrow"
            data-focus
            .email=${this.me?.user.email ?? ''}
            .current=${this.#lastPassword}
            ?askCurrent=${!this.me?.choosePasswordWithoutCode && !this.#lastPassword}
            @chatpoint-password-changed=${this.#onPasswordChanged}
            @chatpoint-password-later=${this.#onPasswordLater}
          ></chatpoint-change-password>
        </main>`;
      case AppState.consent:
        return html`<main>
          <h1>ChatPoint</h1>
          <chatpoint-consent-prompt
            class="narrow"
            data-focus
            .needed=${this.me?.consentNeeded ?? null}
            .workdomain=${this.me?.user.workdomain.name ?? ''}
            @chatpoint-consent-given=${() => this.#loadMe()}
            @chatpoint-sign-out-request=${this.#signOut}
          ></chatpoint-consent-prompt>
        </main>`;
      case AppState.deleted:
        return html`<main>
          <h1>ChatPoint</h1>
          <section class="narrow stack notice" role="status">
            <h2 data-focus tabindex="-1">${words().privacy.deletedHeading}</h2>
            <p>${words().privacy.deletedText}</p>
          </section>
        </main>`;
      case AppState.signedIn:
        return html`<main class="app">${this.me ? this.#renderSignedIn(this.me) : nothing}</main>`;
    }
  }
}

if (!customElements.get('chatpoint-app')) customElements.define('chatpoint-app', ChatpointApp);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-app': ChatpointApp;
  }
}
