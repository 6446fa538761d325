import { css, html, LitElement } from 'lit';
import { languages } from '../../contract/languages.ts';
import { accountApi } from '../ui/account-api.ts';
import { pageCatalogues } from '../ui/i18n/catalogues.ts';
import { LanguageController, pageLanguage, setPageLanguage } from '../ui/i18n/index.ts';
import { adminStyles } from './admin.styles.ts';
import { AdminData, AdminStatus } from './admin-data.ts';
import { adminWords } from './i18n/index.ts';
import type { ChatpointRegistrationPanel } from './registration-panel.ts';
import { loadRegistrationPanel } from './registration-panel-loader.ts';

/**
 * The admin page: sign-in, then User administration with the Public Registration panel behind the
 * icon at the top right of the view.
 */
export class ChatpointAdmin extends LitElement {
  static override styles = [
    adminStyles,
    css`
      .topbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--_line);
      }
      .brand { font-weight: 700 }
      .who { margin-inline-start: auto; overflow-wrap: anywhere }
      .language { display: flex; align-items: center; gap: 0.4rem }
      .language select { inline-size: auto }
      main { display: grid; gap: 1.25rem; max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem }
      .view-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem }
      .view-head h1:focus { outline: none }
      .icon-button {
        position: relative;
        inline-size: 2.75rem;
        block-size: 2.75rem;
        padding: 0;
        border-radius: 50%;
        background: Canvas;
        color: var(--_accent);
        flex: none;
      }
      .dot {
        position: absolute;
        inset-block-start: 0.1rem;
        inset-inline-end: 0.1rem;
        inline-size: 0.7rem;
        block-size: 0.7rem;
        border: 2px solid Canvas;
        border-radius: 50%;
        background: var(--_ok);
      }
      .centered { max-width: 26rem; margin: 0 auto; padding: 2rem 1rem; display: grid; gap: 1rem }
    `,
  ];

  readonly data = new AdminData(this);
  protected readonly language = new LanguageController(this);

  get #panel() {
    return this.renderRoot.querySelector<ChatpointRegistrationPanel>('chatpoint-registration-panel');
  }

  /** The admin's own choice: this page at once, and their mail and pages from now on. */
  #chooseLanguage = (event: Event) => {
    const lang = (event.target as HTMLSelectElement).value;
    setPageLanguage(lang);
    const address = new URL(location.href);
    if (address.searchParams.has('lang')) {
      address.searchParams.delete('lang');
      history.replaceState(history.state, '', address);
    }
    void accountApi.chooseLanguage(lang).catch(() => {});
  };

  #signOut = async () => {
    await this.data.signOut().catch(() => {});
  };

  #openPanel = async () => {
    await loadRegistrationPanel();
    await customElements.whenDefined('chatpoint-registration-panel');
    await this.#panel?.show();
  };

  /** Starts fetching the panel as soon as the admin heads for its button. */
  #preloadPanel = () => {
    void loadRegistrationPanel().catch(() => {});
  };

  #panelClosed = () => {
    this.renderRoot.querySelector<HTMLButtonElement>('.icon-button')?.focus();
  };

  #landed = false;

  protected override updated() {
    // Land on the page heading once signed in, so keyboard and screen reader users start there.
    if (this.data.status === AdminStatus.ready && !this.#landed) {
      this.#landed = true;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
    if (this.data.status !== AdminStatus.ready) this.#landed = false;
  }

  #topbar() {
    const me = this.data.me!;
    const t = adminWords().page;
    return html`<header class="topbar">
      <span class="brand">ChatPoint</span>
      <span>${me.workdomain.name}</span>
      <span class="who muted">${me.name} (${me.email})</span>
      <label class="language">
        <span>${t.language}</span>
        <select @change=${this.#chooseLanguage}>
          ${languages.map(
            (lang) =>
              html`<option value=${lang} lang=${lang} .selected=${lang === pageLanguage()}>
                ${pageCatalogues[lang].languageName}
              </option>`,
          )}
        </select>
      </label>
      <button type="button" class="secondary" @click=${this.#signOut}>${t.signOut}</button>
    </header>`;
  }

  #administration() {
    const { data } = this;
    const registrationOpen = data.registration.value?.open ?? false;
    const t = adminWords().page;
    return html`${this.#topbar()}
      <main>
        <div class="view-head">
          <h1 tabindex="-1">${t.heading}</h1>
          <button
            type="button"
            class="icon-button"
            aria-label=${t.publicRegistration}
            title=${registrationOpen ? t.publicRegistrationOpen : t.publicRegistration}
            aria-haspopup="dialog"
            @click=${this.#openPanel}
            @pointerenter=${this.#preloadPanel}
            @focus=${this.#preloadPanel}
          >
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" fill="none"
              stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
              <circle cx="9" cy="8" r="4" />
              <path d="M2 21v-1a7 7 0 0 1 11.5-5.4" />
              <path d="M19 14v6M16 17h6" />
            </svg>
            ${registrationOpen ? html`<span class="dot" aria-hidden="true"></span>` : ''}
          </button>
        </div>
        <chatpoint-admin-users
          .data=${data}
          .users=${data.users}
          .picId=${data.registration.value?.pic?.id ?? null}
          .meId=${data.me?.id ?? null}
        ></chatpoint-admin-users>
      </main>
      <chatpoint-registration-panel
        .data=${data}
        .registration=${data.registration}
        .users=${data.staff}
        .funnel=${data.funnel}
        .audit=${data.audit}
        @chatpoint-panel-closed=${this.#panelClosed}
      ></chatpoint-registration-panel>`;
  }

  override render() {
    const t = adminWords().page;
    switch (this.data.status) {
      case AdminStatus.loading:
        return html`<main class="centered"><p role="status">${t.loading}</p></main>`;
      case AdminStatus.signedOut:
        return html`<main class="centered">
          <h1>${t.signInHeading}</h1>
          <chatpoint-sign-in
            heading=${t.signInAsAdmin}
            return-to="/admin"
            @chatpoint-signed-in=${() => void this.data.start()}
          ></chatpoint-sign-in>
        </main>`;
      case AdminStatus.notAdmin:
        return html`${this.#topbar()}
          <main class="centered">
            <h1>${t.heading}</h1>
            <p role="alert">${t.notAdmin}</p>
            <p>${t.notAdminAdvice}</p>
          </main>`;
      case AdminStatus.ready:
        return this.#administration();
    }
  }
}
