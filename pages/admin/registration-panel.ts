import { html, LitElement, type PropertyValues } from 'lit';
import type { FirstMessageMode, PicNoticeMode } from '../../contract/enums.ts';
import type { Language } from '../../contract/languages.ts';
import { LanguageController } from '../ui/i18n/index.ts';
import { adminStyles } from './admin.styles.ts';
import {
  type AdminUser,
  ApiError,
  type AuditEntry,
  errorMessage,
  type Funnel,
  MAX_WELCOME_MESSAGE_LENGTH,
  type Registration,
  type SettingsChange,
} from './admin-api.ts';
import type { AdminData, Loadable } from './admin-data.ts';
import type { ChatpointConfirmDialog } from './confirm-dialog.ts';
import { copyText } from './copy-text.ts';
import type { HelpTopic } from './help-toggle.ts';
import { adminWords, fill } from './i18n/index.ts';
import { Notices } from './notices.ts';
import type { PanelCopyField, PanelNoticePlace, RegistrationPanelHost, WelcomeDrafts } from './panel-host.ts';
import { panelStyles } from './registration-panel.styles.ts';
import { accessSectionStyles } from './sections/access/access-section.styles.ts';
import {
  type AccessDraft,
  accessChange,
  accessDraftOf,
  accessSection,
} from './sections/access/access-section.ts';
import { activitySectionStyles } from './sections/activity/activity-section.styles.ts';
import { activitySection } from './sections/activity/activity-section.ts';
import { settingsSectionStyles } from './sections/settings/settings-section.styles.ts';
import { settingsSection, welcomeMessagesChange } from './sections/settings/settings-section.ts';
import { shareSectionStyles } from './sections/share/share-section.styles.ts';
import { shareSection } from './sections/share/share-section.ts';

/**
 * The Public Registration side panel, a modal dialog: focus moves into it on `show()`, Escape or
 * Close shut it, and it fires `chatpoint-panel-closed` so the opener can take focus back.
 *
 * @event chatpoint-panel-closed - The panel was closed.
 */
export class ChatpointRegistrationPanel extends LitElement implements RegistrationPanelHost {
  static override properties = {
    data: { attribute: false },
    registration: { attribute: false },
    users: { attribute: false },
    funnel: { attribute: false },
    audit: { attribute: false },
    expandedHelp: { state: true },
    picDraft: { state: true },
    welcomeDraft: { state: true },
    welcomeDrafts: { state: true },
    welcomeLanguage: { state: true },
    messageDraft: { state: true },
    picNoticeDraft: { state: true },
    busy: { state: true },
    openError: { state: true },
    openErrorCode: { state: true },
    accessDraft: { state: true },
    accessError: { state: true },
    saveError: { state: true },
    shareError: { state: true },
  };
  static override styles = [
    adminStyles,
    panelStyles,
    settingsSectionStyles,
    accessSectionStyles,
    shareSectionStyles,
    activitySectionStyles,
  ];

  declare data: AdminData;
  declare registration: Loadable<Registration>;
  declare users: Loadable<AdminUser[]>;
  declare funnel: Loadable<Funnel>;
  declare audit: Loadable<AuditEntry[]>;
  declare expandedHelp: ReadonlySet<HelpTopic>;
  /** The PIC and welcome message as edited, until saved. */
  declare picDraft: string;
  declare welcomeDraft: string;
  declare welcomeDrafts: WelcomeDrafts;
  declare welcomeLanguage: Language | '';
  declare messageDraft: FirstMessageMode;
  declare picNoticeDraft: PicNoticeMode;
  declare busy: '' | 'open' | 'save' | 'regenerate' | 'access';
  declare openError: string;
  /** The code behind openError: a PIC problem is shown once, beside the PIC field. */
  declare openErrorCode: string;
  /** The access rules as edited, until saved. */
  declare accessDraft: AccessDraft;
  declare accessError: string;
  declare saveError: string;
  declare shareError: string;
  readonly notices = new Notices<PanelNoticePlace>(this);

  protected readonly language = new LanguageController(this);

  constructor() {
    super();
    const empty = { value: null, error: null };
    this.registration = empty;
    this.users = empty;
    this.funnel = empty;
    this.audit = empty;
    this.expandedHelp = new Set();
    this.picDraft = '';
    this.welcomeDraft = '';
    this.welcomeDrafts = {};
    this.welcomeLanguage = '';
    this.messageDraft = 'off';
    this.picNoticeDraft = 'each';
    this.busy = '';
    this.openError = '';
    this.openErrorCode = '';
    this.accessDraft = {
      botProtection: false,
      blockDisposableEmails: true,
      allowedEmailDomains: '',
      blockedEmailDomains: '',
      allowedOrigins: '',
    };
    this.accessError = '';
    this.saveError = '';
    this.shareError = '';
  }

  get #dialog() {
    return this.renderRoot.querySelector('dialog')!;
  }

  get #confirm() {
    return this.renderRoot.querySelector<ChatpointConfirmDialog>('chatpoint-admin-confirm')!;
  }

  async show() {
    await this.updateComplete;
    if (this.#dialog.open) return;
    this.openError = this.openErrorCode = this.saveError = this.shareError = this.accessError = '';
    this.#dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('.close')?.focus();
    void Promise.all([this.data.loadRegistration(), this.data.loadUsers(), this.data.loadActivity()]);
  }

  close() {
    this.#dialog.close();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('registration')) {
      // New settings from the server replace the drafts, except edits that are not saved yet.
      const previous = (changed.get('registration') as Loadable<Registration> | undefined)?.value;
      const current = this.registration.value;
      if (current) {
        if (!previous || this.picDraft === (previous.pic?.id ?? '')) this.picDraft = current.pic?.id ?? '';
        if (!previous || this.welcomeDraft === previous.welcomeMessage)
          this.welcomeDraft = current.welcomeMessage;
        if (!previous || Object.keys(welcomeMessagesChange(this.welcomeDrafts, previous)).length === 0)
          this.welcomeDrafts = { ...current.welcomeMessages };
        if (!previous || this.messageDraft === previous.message) this.messageDraft = current.message;
        if (!previous || this.picNoticeDraft === previous.picNotice) this.picNoticeDraft = current.picNotice;
        if (!previous || Object.keys(accessChange(this.accessDraft, previous)).length === 0)
          this.accessDraft = accessDraftOf(current);
        // A PIC problem reported on opening is over once the settings show a usable PIC.
        if (this.openErrorCode === 'pic_required' && current.pic) this.openError = this.openErrorCode = '';
      }
    }
  }

  toggleHelp(topic: HelpTopic) {
    const expanded = new Set(this.expandedHelp);
    if (!expanded.delete(topic)) expanded.add(topic);
    this.expandedHelp = expanded;
  }

  /** Active internal users: the only people who can be in charge. */
  picCandidates(): AdminUser[] {
    const users = this.users.value;
    const pic = this.registration.value?.pic;
    if (!users)
      return pic
        ? [
            {
              ...pic,
              kind: 'internal',
              role: 'member',
              status: 'active',
              createdAt: '',
              registeredViaLink: false,
              registeredVia: null,
              registrants: null,
              fields: {},
              marketing: false,
              consentVersion: null,
            },
          ]
        : [];
    return users.filter((user) => user.kind === 'internal' && user.status === 'active');
  }

  settingsDirty() {
    return Object.keys(this.#settingsChange()).length > 0;
  }

  #settingsChange(): SettingsChange {
    const registration = this.registration.value;
    if (!registration) return {};
    const change: SettingsChange = {};
    if (this.picDraft && this.picDraft !== registration.pic?.id) change.picUserId = this.picDraft;
    if (this.welcomeDraft !== registration.welcomeMessage) change.welcomeMessage = this.welcomeDraft;
    const welcomeMessages = welcomeMessagesChange(this.welcomeDrafts, registration);
    if (Object.keys(welcomeMessages).length > 0) change.welcomeMessages = welcomeMessages;
    if (this.messageDraft !== registration.message) change.message = this.messageDraft;
    if (this.picNoticeDraft !== registration.picNotice) change.picNotice = this.picNoticeDraft;
    return change;
  }

  pickPic = (event: Event) => {
    this.picDraft = (event.target as HTMLSelectElement).value;
  };

  pickMessageMode = (event: Event) => {
    this.messageDraft = (event.target as HTMLSelectElement).value as FirstMessageMode;
  };

  pickPicNotice = (event: Event) => {
    this.picNoticeDraft = (event.target as HTMLSelectElement).value as PicNoticeMode;
  };

  editWelcome = (event: Event) => {
    const text = (event.target as HTMLTextAreaElement).value;
    if (this.welcomeLanguage) this.welcomeDrafts = { ...this.welcomeDrafts, [this.welcomeLanguage]: text };
    else this.welcomeDraft = text;
  };

  pickWelcomeLanguage(lang: Language | '') {
    this.welcomeLanguage = lang;
  }

  saveSettings = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const change = this.#settingsChange();
    const welcomes = [this.welcomeDraft, ...Object.values(this.welcomeDrafts)];
    if (welcomes.some((text) => [...text].length > MAX_WELCOME_MESSAGE_LENGTH)) {
      this.saveError = fill(adminWords().settings.welcomeTooLong, { max: MAX_WELCOME_MESSAGE_LENGTH });
      return;
    }
    if (Object.keys(change).length === 0) {
      void this.notices.say('settings', adminWords().settings.nothingToSave);
      return;
    }
    this.busy = 'save';
    this.saveError = '';
    try {
      await this.data.saveSettings(change);
      void this.notices.say('settings', adminWords().settings.saved);
    } catch (error) {
      this.saveError = errorMessage(error);
    } finally {
      this.busy = '';
    }
  };

  editAccess<K extends keyof AccessDraft>(key: K, value: AccessDraft[K]) {
    this.accessDraft = { ...this.accessDraft, [key]: value };
  }

  saveAccess = async (event: SubmitEvent) => {
    event.preventDefault();
    const registration = this.registration.value;
    if (this.busy || !registration) return;
    const change = accessChange(this.accessDraft, registration);
    if (Object.keys(change).length === 0) {
      void this.notices.say('access', adminWords().settings.rulesUnchanged);
      return;
    }
    this.busy = 'access';
    this.accessError = '';
    try {
      const saved = await this.data.saveSettings(change);
      // Show the lists as the server stored them (lower case, punycode, no duplicates).
      this.accessDraft = accessDraftOf(saved);
      void this.notices.say('access', adminWords().settings.rulesSaved);
    } catch (error) {
      this.accessError = errorMessage(error);
    } finally {
      this.busy = '';
    }
  };

  allowOrigin = async (origin: string) => {
    const registration = this.registration.value;
    if (this.busy || !registration) return;
    this.busy = 'access';
    this.accessError = '';
    try {
      const saved = await this.data.saveSettings({
        allowedOrigins: [...registration.allowedOrigins, origin],
      });
      this.accessDraft = { ...this.accessDraft, allowedOrigins: saved.allowedOrigins.join('\n') };
      void this.notices.say('access', adminWords().settings.rulesSaved);
    } catch (error) {
      this.accessError = errorMessage(error);
    } finally {
      this.busy = '';
    }
  };

  async toggleOpen() {
    const registration = this.registration.value;
    if (this.busy || !registration) return;
    const opening = !registration.open;
    this.busy = 'open';
    this.openError = this.openErrorCode = '';
    try {
      // Choosing a new PIC and then switching on should just work, without a separate Save.
      const picUserId = this.#settingsChange().picUserId;
      if (opening && picUserId) await this.data.saveSettings({ picUserId });
      const updated = await this.data.setOpen(opening);
      const t = adminWords().settings;
      void this.notices.say(
        'open',
        updated.open ? (registration.linkId ? t.nowOpen : t.nowOpenWithLink) : t.nowClosed,
      );
    } catch (error) {
      this.openError = errorMessage(error);
      this.openErrorCode = error instanceof ApiError ? error.code : '';
      if (error instanceof ApiError && ['pic_required', 'pic_unavailable'].includes(error.code)) {
        this.renderRoot.querySelector<HTMLSelectElement>('#pic')?.focus();
      }
    } finally {
      this.busy = '';
    }
  }

  regenerateLink = async () => {
    if (this.busy) return;
    const t = adminWords().share;
    const confirmed = await this.#confirm.ask({
      heading: t.regenerateHeading,
      message: [t.regenerateStops, t.regenerateShare],
      confirmLabel: t.regenerate,
    });
    if (!confirmed) return;
    this.busy = 'regenerate';
    this.shareError = '';
    try {
      await this.data.regenerateLink();
      void this.notices.say('regenerate', t.regenerated);
    } catch (error) {
      this.shareError = errorMessage(error);
    } finally {
      this.busy = '';
    }
  };

  /** Copies `text`; where the clipboard is refused, selects the field and says `refused` beside it. */
  async copy(text: string, fieldId: PanelCopyField, refused: string) {
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${fieldId}`);
    const copied = await copyText(text, field);
    void this.notices.say(fieldId, copied ? adminWords().share.copied : refused);
  }

  async reloadActivity() {
    await this.data.loadActivity();
  }

  #closed() {
    this.dispatchEvent(new Event('chatpoint-panel-closed'));
  }

  #body() {
    const registration = this.registration.value;
    if (!registration) {
      return this.registration.error
        ? html`<p class="alert" role="alert">${this.registration.error}</p>`
        : html`<p class="muted">${adminWords().page.loading}</p>`;
    }
    return html`${
      this.registration.error ? html`<p class="alert" role="alert">${this.registration.error}</p>` : ''
    }
    ${settingsSection(this, registration)} ${accessSection(this, registration)}
    <chatpoint-admin-privacy .data=${this.data} .registration=${registration}></chatpoint-admin-privacy>
    ${shareSection(this, registration)}
    <chatpoint-admin-links .host=${this} .defaultLinkId=${registration.linkId}></chatpoint-admin-links>
    <chatpoint-admin-webhooks .host=${this}></chatpoint-admin-webhooks>
    ${activitySection(this)}`;
  }

  override render() {
    return html`<dialog aria-labelledby="panel-title" @close=${this.#closed}>
      <div class="panel">
        <header class="panel-head">
          <h2 id="panel-title">${adminWords().page.publicRegistration}</h2>
          <button type="button" class="plain close" aria-label=${adminWords().page.close} @click=${this.close}>
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
              <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            </svg>
          </button>
        </header>
        ${this.#body()}
      </div>
      <chatpoint-admin-confirm></chatpoint-admin-confirm>
    </dialog>`;
  }
}
