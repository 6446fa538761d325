import { LitElement } from 'lit';
import { LanguageController } from '../ui/i18n/index.ts';
import type { AdminData } from './admin-data.ts';
import type { HelpTopic } from './help-toggle.ts';
import { adminWords } from './i18n/index.ts';

/** How long a confirmation such as "Copied" stays in view. */
const ANNOUNCEMENT_MS = 5000;

/**
 * What the Links and Webhooks sections share: their own "?" help state, a polite announcement
 * line, and copying with a manual fallback when the clipboard is refused.
 */
export class AdminSection extends LitElement {
  static override properties = {
    data: { attribute: false },
    expandedHelp: { state: true },
    announcement: { state: true },
  };

  declare data: AdminData;
  declare expandedHelp: ReadonlySet<HelpTopic>;
  declare announcement: string;
  protected readonly language = new LanguageController(this);

  constructor() {
    super();
    this.expandedHelp = new Set();
    this.announcement = '';
  }

  toggleHelp(topic: HelpTopic) {
    const expanded = new Set(this.expandedHelp);
    if (!expanded.delete(topic)) expanded.add(topic);
    this.expandedHelp = expanded;
  }

  /** Copies `text`; where the clipboard is refused, selects the field and says `refused`. */
  async copy(text: string, fieldId: string, refused: string) {
    try {
      await navigator.clipboard.writeText(text);
      this.announce(adminWords().share.copied);
    } catch {
      const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${fieldId}`);
      field?.focus();
      field?.select();
      this.announce(refused);
    }
  }

  #timer: ReturnType<typeof setTimeout> | undefined;

  async announce(message: string) {
    // Emptying first makes a repeated message ("Copied" twice) be announced again.
    clearTimeout(this.#timer);
    this.announcement = '';
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    this.announcement = message;
    this.#timer = setTimeout(() => {
      this.announcement = '';
    }, ANNOUNCEMENT_MS);
  }
}
