import { css, html, LitElement } from 'lit';
import { LanguageController } from '../../ui/i18n/index.ts';
import { adminStyles } from '../admin.styles.ts';
import { errorMessage } from '../admin-api.ts';
import type { Loadable } from '../admin-data.ts';
import type { ChatpointConfirmDialog, ConfirmQuestion } from '../confirm-dialog.ts';
import { copyText } from '../copy-text.ts';
import { type HelpTopic, helpButton, helpText } from '../help-toggle.ts';
import { adminWords, fill } from '../i18n/index.ts';
import { Notices } from '../notices.ts';
import type { RegistrationPanelHost } from '../panel-host.ts';
import { panelStyles } from '../registration-panel.styles.ts';

/** The look of a list section: a rule above it, one bordered card per item. */
export const listSectionStyles = css`
:host { padding-block-start: 1.25rem; border-block-start: 1px solid var(--_line) }
ul.items { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none }
ul.items > li { display: grid; gap: 0.5rem; padding: 0.75rem; border: 1px solid var(--_line); border-radius: var(--_radius) }
`;

/**
 * A panel section that keeps a list on the server (Links, Webhooks): it loads the list, runs one
 * change at a time with a confirmation where asked, reloads the list and the activity after it,
 * says what happened in its own status line and what failed beside its form. Each section adds its
 * items' markup and its form.
 */
export abstract class ListSection<Item> extends LitElement {
  static override properties = {
    host: { attribute: false },
    expandedHelp: { state: true },
    items: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = [adminStyles, panelStyles, listSectionStyles];

  /** The panel, seen through the one interface every section depends on. */
  declare host: RegistrationPanelHost;
  declare expandedHelp: ReadonlySet<HelpTopic>;
  declare items: Loadable<Item[]>;
  /** The change under way ('' when none): 'add', or an action and the item it is about. */
  declare busy: string;
  /** Why the last change failed, shown beside the form. */
  declare error: string;
  protected readonly language = new LanguageController(this);
  protected readonly notices = new Notices<'section'>(this);

  constructor() {
    super();
    this.expandedHelp = new Set();
    this.items = { value: null, error: null };
    this.busy = '';
    this.error = '';
  }

  protected abstract fetchItems(): Promise<Item[]>;

  async load() {
    try {
      this.items = { value: await this.fetchItems(), error: null };
    } catch (error) {
      this.items = { value: this.items.value, error: errorMessage(error) };
    }
  }

  /**
   * Runs `action` unless another change is under way; then reloads the list (and the funnel and
   * audit log, unless `activity` is false) and says the message the action returned, if any.
   */
  protected async change(busy: string, action: () => Promise<string>, { activity = true } = {}) {
    if (this.busy) return;
    this.busy = busy;
    this.error = '';
    try {
      const said = await action();
      await this.load();
      if (activity) void this.host?.reloadActivity();
      if (said) void this.announce(said);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = '';
    }
  }

  /** Asks before something that cannot be undone; true only for the confirm button. */
  protected confirm(question: ConfirmQuestion) {
    return this.renderRoot.querySelector<ChatpointConfirmDialog>('chatpoint-admin-confirm')!.ask(question);
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

  /** The heading with its "?" help, the status line and why the list could not load. */
  protected head(topic: HelpTopic & ('links' | 'webhooks'), heading: string, loadError: string) {
    return html`<div class="label-row">
        <h3 id="${topic}-heading">${heading}</h3>
        ${helpButton(this, topic, heading)}
      </div>
      ${helpText(this, topic)} ${this.notices.line('section')}
      <p class="alert" role="alert">${this.items.error ? fill(loadError, { error: this.items.error }) : ''}</p>`;
  }
}
