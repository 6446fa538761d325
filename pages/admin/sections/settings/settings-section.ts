import { html, nothing } from 'lit';
import type { Plan } from '../../../../contract/enums.ts';
import { type Language, languages } from '../../../../contract/languages.ts';
import { pageCatalogues } from '../../../ui/i18n/catalogues.ts';
import { MAX_WELCOME_MESSAGE_LENGTH, REGISTRATION_PLANS, type Registration } from '../../admin-api.ts';
import { helpButton, helpText, labelWithHelp } from '../../help-toggle.ts';
import { adminWords, fill } from '../../i18n/index.ts';
import type { RegistrationPanelHost, WelcomeDrafts } from '../../panel-host.ts';
import { closedReasonWords, type SystemClosedReason } from '../../words.ts';

/** Capacity turns to a warning from this share of the external-user limit. */
export const CAPACITY_WARNING_SHARE = 0.8;

function systemClosedReason(registration: Registration): SystemClosedReason | null {
  if (!REGISTRATION_PLANS.includes(registration.plan as Plan)) return 'plan_ineligible';
  if (registration.open || !registration.closedReason || registration.closedReason === 'manual') return null;
  return registration.closedReason;
}

/** Opening failed for a PIC reason: that one message stands beside the PIC field, nowhere else. */
const picProblem = (panel: RegistrationPanelHost) =>
  ['pic_required', 'pic_unavailable'].includes(panel.openErrorCode) ? panel.openError : '';

function openSwitch(panel: RegistrationPanelHost, registration: Registration) {
  const reason = systemClosedReason(registration);
  const t = adminWords().settings;
  // The refused opening already says what the closed-reason notice would.
  const words =
    reason && !(reason === 'pic_unavailable' && picProblem(panel)) ? closedReasonWords(reason) : null;
  return html`<div class="field">
    <div class="label-row">
      <span id="open-label" class="label" @click=${() => panel.toggleOpen()}>${t.registrationOpen}</span>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked=${registration.open ? 'true' : 'false'}
        aria-labelledby="open-label"
        aria-describedby="open-state open-error"
        aria-disabled=${panel.busy === 'open' ? 'true' : 'false'}
        @click=${() => panel.toggleOpen()}
      >
        <span class="thumb" aria-hidden="true"></span>
      </button>
      <span id="open-state" class=${registration.open ? 'status-active' : 'status-inactive'}
        >${registration.open ? t.open : t.closed}</span
      >
      ${helpButton(panel, 'open', t.registrationOpen)}
    </div>
    ${helpText(panel, 'open')}
    <p id="open-error" class="alert" role="alert">${picProblem(panel) ? '' : panel.openError}</p>
    ${
      words
        ? html`<div class="notice" id="closed-reason">
            <p><strong>${fill(t.closedAutomatically, { reason: words.title })}</strong></p>
            <p>${words.advice}</p>
          </div>`
        : nothing
    }
  </div>`;
}

function capacityMeter(panel: RegistrationPanelHost, { capacity }: Registration) {
  const max = Math.max(capacity.limit, 1);
  const share = capacity.used / max;
  const t = adminWords().settings;
  const note = share >= 1 ? t.full : share >= CAPACITY_WARNING_SHARE ? t.nearlyFull : '';
  return html`<div class="field">
    ${labelWithHelp(panel, 'capacity', 'capacity', t.capacity)}
    <meter
      id="capacity"
      min="0"
      max=${max}
      low=${max * CAPACITY_WARNING_SHARE}
      high=${max}
      optimum="0"
      .value=${capacity.used}
      aria-describedby="capacity-text"
    ></meter>
    <p id="capacity-text" class=${note ? 'capacity-warning' : ''}>
      ${fill(t.capacityCount, { used: capacity.used, limit: capacity.limit })}${note ? html`<br />${note}` : nothing}
    </p>
  </div>`;
}

function picField(panel: RegistrationPanelHost, registration: Registration) {
  const candidates = panel.picCandidates();
  const chosen = candidates.some((user) => user.id === panel.picDraft);
  // When the closed-reason notice already says the PIC is unavailable, the note does not repeat it.
  const picInactive =
    registration.pic &&
    !candidates.some((user) => user.id === registration.pic!.id) &&
    systemClosedReason(registration) !== 'pic_unavailable';
  const t = adminWords().settings;
  return html`<div class="field">
    ${labelWithHelp(panel, 'pic', 'pic', t.pic)}
    <select id="pic" @change=${panel.pickPic} aria-describedby="pic-error pic-note">
      ${chosen ? nothing : html`<option value="" .selected=${true} disabled>${t.choosePic}</option>`}
      ${candidates.map(
        (user) => html`<option value=${user.id} .selected=${user.id === panel.picDraft}>
          ${user.name} (${user.email})
        </option>`,
      )}
    </select>
    <p id="pic-error" class="alert" role="alert">${picProblem(panel)}</p>
    ${
      picProblem(panel)
        ? nothing
        : html`<p id="pic-note" class="muted">
          ${picInactive && panel.users.value ? fill(t.picInactive, { name: registration.pic!.name }) : t.picNote}
        </p>`
    }
  </div>`;
}

/** The languages whose draft differs from the saved welcome: its text, or "" to remove it. */
export function welcomeMessagesChange(drafts: WelcomeDrafts, registration: Registration) {
  const change: WelcomeDrafts = {};
  for (const lang of languages) {
    const draft = drafts[lang]?.trim() ? drafts[lang]! : '';
    if (draft !== (registration.welcomeMessages[lang] ?? '')) change[lang] = draft;
  }
  return change;
}

/** The languages the welcome can be written in, the default first. */
function welcomeLanguagePicker(panel: RegistrationPanelHost) {
  const t = adminWords().settings;
  const choices: [Language | '', string][] = [
    ['', t.welcomeDefault],
    ...languages.map((lang): [Language, string] => [lang, pageCatalogues[lang].languageName]),
  ];
  return html`<div class="label-row">
      <span id="welcome-language-label" class="label">${t.welcomeLanguage}</span>
      ${helpButton(panel, 'welcomeMessages', t.welcomeLanguage)}
    </div>
    ${helpText(panel, 'welcomeMessages')}
    <div class="language-tabs" role="group" aria-labelledby="welcome-language-label">
      ${choices.map(
        ([lang, name]) => html`<button
          type="button"
          class=${lang && panel.welcomeDrafts[lang]?.trim() ? 'secondary written' : 'secondary'}
          lang=${lang || nothing}
          aria-pressed=${panel.welcomeLanguage === lang ? 'true' : 'false'}
          @click=${() => panel.pickWelcomeLanguage(lang)}
        >${name}</button>`,
      )}
    </div>`;
}

/** What the registrants of the chosen language will read, said beside the text box. */
function welcomeNote(panel: RegistrationPanelHost) {
  const t = adminWords().settings;
  const lang = panel.welcomeLanguage;
  if (!lang) return t.welcomeDefaultNote;
  const language = pageCatalogues[lang].languageName;
  return fill(panel.welcomeDrafts[lang]?.trim() ? t.welcomeLanguageNote : t.welcomeFallbackNote, {
    language,
  });
}

function welcomeField(panel: RegistrationPanelHost) {
  const lang = panel.welcomeLanguage;
  const text = lang ? (panel.welcomeDrafts[lang] ?? '') : panel.welcomeDraft;
  // The preview shows what a registrant of the chosen language gets: their own text, else the default.
  const shown = text.trim() ? text : panel.welcomeDraft;
  const length = [...text].length;
  const t = adminWords().settings;
  const picName = panel.picCandidates().find((user) => user.id === panel.picDraft)?.name ?? t.pic;
  const initials = picName
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');
  return html`<div class="field">
      ${labelWithHelp(panel, 'welcomeMessage', 'welcome', t.welcomeMessage)}
      ${welcomeLanguagePicker(panel)}
      <textarea
        id="welcome"
        rows="4"
        lang=${lang || nothing}
        maxlength=${MAX_WELCOME_MESSAGE_LENGTH}
        .value=${text}
        @input=${panel.editWelcome}
        aria-describedby="welcome-note welcome-count"
      ></textarea>
      <p id="welcome-note" class="muted">${welcomeNote(panel)}</p>
      <p id="welcome-count" class="muted">${fill(t.characters, { count: length, max: MAX_WELCOME_MESSAGE_LENGTH })}</p>
    </div>
    <figure class="preview" aria-labelledby="welcome-preview-caption">
      <figcaption id="welcome-preview-caption" class="label">${t.previewCaption}</figcaption>
      <div class="chat">
        <span class="avatar" aria-hidden="true">${initials}</span>
        <div class="message">
          <p class="sender">${picName}</p>
          ${
            shown.trim()
              ? html`<p id="welcome-preview" class="bubble" lang=${(text.trim() && lang) || nothing}>${shown}</p>`
              : html`<p id="welcome-preview" class="muted">${t.noWelcome}</p>`
          }
        </div>
      </div>
    </figure>`;
}

const messageModes = [
  ['off', 'messageOff'],
  ['optional', 'messageOptional'],
  ['required', 'messageRequired'],
] as const;

function firstMessageField(panel: RegistrationPanelHost) {
  const t = adminWords().settings;
  return html`<div class="field">
    ${labelWithHelp(panel, 'message', 'first-message', t.firstMessage)}
    <select id="first-message" @change=${panel.pickMessageMode}>
      ${messageModes.map(
        ([mode, key]) =>
          html`<option value=${mode} .selected=${mode === panel.messageDraft}>${t[key]}</option>`,
      )}
    </select>
  </div>`;
}

const picNoticeModes = [
  ['each', 'picNoticeEach'],
  ['digest', 'picNoticeDigest'],
  ['off', 'picNoticeOff'],
] as const;

function picNoticeField(panel: RegistrationPanelHost) {
  const t = adminWords().settings;
  return html`<div class="field">
    ${labelWithHelp(panel, 'picNotice', 'pic-notice', t.picNotice)}
    <select id="pic-notice" @change=${panel.pickPicNotice}>
      ${picNoticeModes.map(
        ([mode, key]) =>
          html`<option value=${mode} .selected=${mode === panel.picNoticeDraft}>${t[key]}</option>`,
      )}
    </select>
  </div>`;
}

/** Open/close, why it closed, capacity, and the PIC + welcome message + first message form. */
export function settingsSection(panel: RegistrationPanelHost, registration: Registration) {
  const t = adminWords().settings;
  return html`<section class="stack" aria-labelledby="settings-heading">
    <h3 id="settings-heading">${t.heading}</h3>
    ${openSwitch(panel, registration)} ${panel.notices.line('open')} ${capacityMeter(panel, registration)}
    <form class="stack" @submit=${panel.saveSettings} novalidate>
      ${picField(panel, registration)} ${welcomeField(panel)} ${firstMessageField(panel)}
      ${picNoticeField(panel)}
      <div class="row">
        <button type="submit" aria-disabled=${panel.busy === 'save' ? 'true' : 'false'}>
          ${panel.busy === 'save' ? t.saving : t.save}
        </button>
        ${panel.settingsDirty() ? html`<span class="muted">${t.unsaved}</span>` : nothing}
      </div>
      ${panel.notices.line('settings')}
      <p id="settings-error" class="alert" role="alert">${panel.saveError}</p>
    </form>
  </section>`;
}
