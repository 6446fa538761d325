import { css, html, LitElement } from 'lit';
import { adminStyles } from './admin.styles.ts';
import { AdminData, AdminStatus } from './admin-data.ts';
import type { ChatpointRegistrationPanel } from './registration-panel.ts';

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

  get #panel() {
    return this.renderRoot.querySelector<ChatpointRegistrationPanel>('chatpoint-registration-panel');
  }

  #signOut = async () => {
    await this.data.signOut().catch(() => {});
  };

  #openPanel = () => {
    void this.#panel?.show();
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
    return html`<header class="topbar">
      <span class="brand">ChatPoint</span>
      <span>${me.workdomain.name}</span>
      <span class="who muted">${me.name} (${me.email})</span>
      <button type="button" class="secondary" @click=${this.#signOut}>Sign out</button>
    </header>`;
  }

  #administration() {
    const { data } = this;
    const registrationOpen = data.registration.value?.open ?? false;
    return html`${this.#topbar()}
      <main>
        <div class="view-head">
          <h1 tabindex="-1">User administration</h1>
          <button
            type="button"
            class="icon-button"
            aria-label="Public registration"
            title="Public registration${registrationOpen ? ' (open)' : ''}"
            aria-haspopup="dialog"
            @click=${this.#openPanel}
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
        .users=${data.users}
        .funnel=${data.funnel}
        .audit=${data.audit}
        @chatpoint-panel-closed=${this.#panelClosed}
      ></chatpoint-registration-panel>`;
  }

  override render() {
    switch (this.data.status) {
      case AdminStatus.loading:
        return html`<main class="centered"><p role="status">Loading…</p></main>`;
      case AdminStatus.signedOut:
        return html`<main class="centered">
          <h1>ChatPoint user administration</h1>
          <chatpoint-sign-in
            heading="Sign in as an administrator"
            return-to="/admin"
            @chatpoint-signed-in=${() => void this.data.start()}
          ></chatpoint-sign-in>
        </main>`;
      case AdminStatus.notAdmin:
        return html`${this.#topbar()}
          <main class="centered">
            <h1>User administration</h1>
            <p role="alert">This page is for administrators.</p>
            <p>Sign out, then sign in with an administrator's account of your workdomain.</p>
          </main>`;
      case AdminStatus.ready:
        return this.#administration();
    }
  }
}
