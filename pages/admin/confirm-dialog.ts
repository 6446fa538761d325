import { css, html, LitElement } from 'lit';
import { adminStyles } from './admin.styles.ts';
import { adminWords } from './i18n/index.ts';

export interface ConfirmQuestion {
  heading: string;
  /** Each entry is one paragraph. */
  message: string[];
  confirmLabel: string;
}

/**
 * Asks before something that cannot be undone. `ask()` resolves true only for the confirm button;
 * Cancel, Escape and closing otherwise resolve false. Focus starts on Cancel, the safe choice.
 */
export class ChatpointConfirmDialog extends LitElement {
  static override properties = { question: { state: true } };
  static override styles = [
    adminStyles,
    css`
      dialog {
        width: min(28rem, calc(100vw - 2rem));
        padding: 1.25rem;
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        background: Canvas;
        color: CanvasText;
      }
      dialog::backdrop { background: rgb(0 0 0 / 0.45) }
      .actions { justify-content: flex-end; margin-block-start: 0.5rem }
    `,
  ];

  declare question: ConfirmQuestion | null;
  #answer: ((confirmed: boolean) => void) | null = null;

  constructor() {
    super();
    this.question = null;
  }

  async ask(question: ConfirmQuestion): Promise<boolean> {
    this.#answer?.(false);
    this.#answer = null;
    this.question = question;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (dialog.open) dialog.close();
    dialog.returnValue = '';
    dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('.cancel')?.focus();
    return new Promise((resolve) => {
      this.#answer = resolve;
    });
  }

  #closed(event: Event) {
    const confirmed = (event.target as HTMLDialogElement).returnValue === 'confirm';
    this.#answer?.(confirmed);
    this.#answer = null;
  }

  override render() {
    const question = this.question;
    return html`<dialog
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-message"
      @close=${this.#closed}
    >
      <form method="dialog" class="stack">
        <h2 id="confirm-heading">${question?.heading ?? ''}</h2>
        <div id="confirm-message" class="stack">${(question?.message ?? []).map((line) => html`<p>${line}</p>`)}</div>
        <div class="row actions">
          <button class="secondary cancel" value="cancel">${adminWords().page.cancel}</button>
          <button class="danger" value="confirm">${question?.confirmLabel ?? adminWords().page.confirm}</button>
        </div>
      </form>
    </dialog>`;
  }
}
