import { css, html, LitElement, type TemplateResult } from 'lit';
import { ApiError, errorMessage } from '../ui/api.ts';
import { field, formAlert } from '../ui/field.ts';
import { fill, LanguageController, words } from '../ui/i18n/index.ts';
import { pageStyles } from '../ui/page-styles.ts';
import { appApi } from './app-api.ts';
import { ChatpointAccountDeletedEvent } from './events.ts';

/**
 * "Delete my account": a button and its modal confirmation. The native `<dialog>` keeps focus
 * inside and closes on Escape; closing puts focus back on the button. The person types their
 * address to confirm, and the server checks it.
 *
 * @prop workdomain - The business's name, to say whose account goes.
 * @event chatpoint-account-deleted - The account is erased and the session with it.
 */
export class ChatpointDeleteAccount extends LitElement {
  static override properties = {
    workdomain: {},
    typed: { state: true },
    fieldError: { state: true },
    formError: { state: true },
    busy: { state: true },
  };
  static override styles = [
    pageStyles,
    css`
      :host { display: contents; }
      dialog {
        width: min(30rem, calc(100vw - 2rem));
        max-height: calc(100dvh - 2rem);
        padding: 1.25rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: Canvas;
        color: CanvasText;
      }
      dialog::backdrop { background: rgb(0 0 0 / 0.45); }
      .danger { background: var(--_error); border-color: var(--_error); color: #fff; }
      .open { padding: 0.25rem 0.75rem; }
    `,
  ];

  declare workdomain: string;
  declare typed: string;
  declare fieldError: string;
  declare formError: string;
  declare busy: boolean;
  protected readonly language = new LanguageController(this);

  constructor() {
    super();
    this.workdomain = '';
    this.typed = '';
    this.fieldError = '';
    this.formError = '';
    this.busy = false;
  }

  get #dialog() {
    return this.renderRoot.querySelector('dialog')!;
  }

  #open = () => {
    this.#dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#confirm-email')?.focus();
  };

  #onClose = () => {
    this.typed = this.fieldError = this.formError = '';
    this.renderRoot.querySelector<HTMLElement>('.open')?.focus();
  };

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    const t = words().privacy;
    this.fieldError = this.formError = '';
    if (!this.typed.trim()) {
      this.fieldError = t.deleteWrongEmail;
      return;
    }
    this.busy = true;
    try {
      await appApi.deleteAccount(this.typed.trim());
      this.#dialog.close();
      this.dispatchEvent(new ChatpointAccountDeletedEvent());
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_request') this.fieldError = t.deleteWrongEmail;
      else this.formError = errorMessage(error);
      this.renderRoot.querySelector<HTMLInputElement>('#confirm-email')?.focus();
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = words().privacy;
    return html`<button type="button" class="link open" aria-haspopup="dialog" @click=${this.#open}>
        ${t.deleteAccount}
      </button>
      <dialog aria-labelledby="delete-heading" aria-describedby="delete-what" @close=${this.#onClose}>
        <form class="stack" novalidate @submit=${this.#submit}>
          <h2 id="delete-heading">${t.deleteHeading}</h2>
          <p id="delete-what">${fill(t.deleteWhat, { workdomain: this.workdomain })}</p>
          ${field({
            id: 'confirm-email',
            label: t.deleteConfirmLabel,
            type: 'email',
            inputmode: 'email',
            autocomplete: 'off',
            value: this.typed,
            error: this.fieldError,
            onInput: (value) => {
              this.typed = value;
            },
          })}
          <div class="actions">
            <button type="submit" class="danger" ?disabled=${this.busy}>${t.deleteConfirm}</button>
            <button type="button" class="secondary" @click=${() => this.#dialog.close()}>${t.cancel}</button>
          </div>
          ${formAlert(this.formError)}
        </form>
      </dialog>`;
  }
}

if (!customElements.get('chatpoint-delete-account'))
  customElements.define('chatpoint-delete-account', ChatpointDeleteAccount);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-delete-account': ChatpointDeleteAccount;
  }
}
