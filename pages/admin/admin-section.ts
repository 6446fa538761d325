import { LitElement } from 'lit';
import { LanguageController } from '../ui/i18n/index.ts';
import type { AdminData } from './admin-data.ts';
import { copyText } from './copy-text.ts';
import type { HelpTopic } from './help-toggle.ts';
import { adminWords } from './i18n/index.ts';
import { Notices } from './notices.ts';

/**
 * What the Links and Webhooks sections share: their own "?" help state, a polite notice line, and
 * copying with a manual fallback when the clipboard is refused.
 */
export class AdminSection extends LitElement {
  static override properties = {
    data: { attribute: false },
    expandedHelp: { state: true },
  };

  declare data: AdminData;
  declare expandedHelp: ReadonlySet<HelpTopic>;
  protected readonly language = new LanguageController(this);
  protected readonly notices = new Notices<'section'>(this);

  constructor() {
    super();
    this.expandedHelp = new Set();
  }

  toggleHelp(topic: HelpTopic) {
    const expanded = new Set(this.expandedHelp);
    if (!expanded.delete(topic)) expanded.add(topic);
    this.expandedHelp = expanded;
  }

  /** Copies `text`; where the clipboard is refused, selects the field and says `refused`. */
  async copy(text: string, fieldId: string, refused: string) {
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${fieldId}`);
    const copied = await copyText(text, field);
    void this.announce(copied ? adminWords().share.copied : refused);
  }

  announce(message: string) {
    return this.notices.say('section', message);
  }
}
