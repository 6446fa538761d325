import type { FirstMessageMode, PicNoticeMode } from '../../contract/enums.ts';
import type { Language } from '../../contract/languages.ts';
import type { AdminUser, AuditEntry, Funnel, Registration } from './admin-api.ts';
import type { Loadable } from './admin-data.ts';
import type { HelpState } from './help-toggle.ts';
import type { Notices } from './notices.ts';

/** The fields the Share section copies from. */
export type PanelCopyField = 'link' | 'embed' | 'csp';
/** Where the panel says what just happened: beside the control that did it. */
export type PanelNoticePlace = 'open' | 'settings' | 'access' | 'regenerate' | PanelCopyField;

/** The access rules as the form holds them: lists as one entry per line. */
export interface AccessDraft {
  botProtection: boolean;
  blockDisposableEmails: boolean;
  allowedEmailDomains: string;
  blockedEmailDomains: string;
  allowedOrigins: string;
}

export type WelcomeDrafts = Partial<Record<Language, string>>;

/**
 * What the panel's sections read and call. The panel implements it; the sections depend on this
 * interface, not on the panel, so the panel imports its sections and nothing imports back.
 */
export interface RegistrationPanelHost extends HelpState {
  registration: Loadable<Registration>;
  users: Loadable<AdminUser[]>;
  funnel: Loadable<Funnel>;
  audit: Loadable<AuditEntry[]>;
  picDraft: string;
  welcomeDraft: string;
  /** The welcome message per language as edited, and the language the editor shows ('' = the default). */
  welcomeDrafts: WelcomeDrafts;
  welcomeLanguage: Language | '';
  messageDraft: FirstMessageMode;
  picNoticeDraft: PicNoticeMode;
  busy: '' | 'open' | 'save' | 'regenerate' | 'access';
  openError: string;
  openErrorCode: string;
  accessDraft: AccessDraft;
  accessError: string;
  saveError: string;
  shareError: string;
  notices: Notices<PanelNoticePlace>;
  picCandidates(): AdminUser[];
  settingsDirty(): boolean;
  pickPic(event: Event): void;
  pickMessageMode(event: Event): void;
  pickPicNotice(event: Event): void;
  editWelcome(event: Event): void;
  pickWelcomeLanguage(lang: Language | ''): void;
  editAccess<K extends keyof AccessDraft>(key: K, value: AccessDraft[K]): void;
  saveSettings(event: SubmitEvent): Promise<void>;
  saveAccess(event: SubmitEvent): Promise<void>;
  /** Adds a refused web site to the allowed ones and saves at once. */
  allowOrigin(origin: string): Promise<void>;
  toggleOpen(): Promise<void>;
  regenerateLink(): Promise<void>;
  copy(text: string, fieldId: PanelCopyField, refused: string): Promise<void>;
  /** Loads the funnel and the audit log again, after a section changed something. */
  reloadActivity(): Promise<void>;
}
