import { html } from 'lit';
import type { Registration } from '../../admin-api.ts';
import { helpButton, helpText, labelWithHelp } from '../../help-toggle.ts';
import { adminWords, fill } from '../../i18n/index.ts';
import type { AccessDraft, RegistrationPanelHost } from '../../panel-host.ts';
import { formatDateTime } from '../../words.ts';

export type { AccessDraft };

/** The access rules as the form edits them: lists as one entry per line. */
export const accessDraftOf = (registration: Registration): AccessDraft => ({
  botProtection: registration.botProtection,
  blockDisposableEmails: registration.blockDisposableEmails,
  allowedEmailDomains: registration.allowedEmailDomains.join('\n'),
  blockedEmailDomains: registration.blockedEmailDomains.join('\n'),
  allowedOrigins: registration.allowedOrigins.join('\n'),
});

/** Lines (or commas) to list entries; the server normalises and checks each one. */
export const listOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter(Boolean);

const listKeys = ['allowedEmailDomains', 'blockedEmailDomains', 'allowedOrigins'] as const;
const flagKeys = ['botProtection', 'blockDisposableEmails'] as const;

/** What differs between the draft and the saved rules, as a PUT body. */
export function accessChange(draft: AccessDraft, registration: Registration) {
  const change: Partial<
    Record<(typeof listKeys)[number], string[]> & Record<(typeof flagKeys)[number], boolean>
  > = {};
  for (const key of listKeys) {
    const list = listOf(draft[key]);
    if (list.join('\n') !== registration[key].join('\n')) change[key] = list;
  }
  for (const key of flagKeys) if (draft[key] !== registration[key]) change[key] = draft[key];
  return change;
}

function checkbox(panel: RegistrationPanelHost, key: (typeof flagKeys)[number], label: string) {
  return html`<div class="field">
    <div class="label-row">
      <input
        type="checkbox"
        id=${key}
        .checked=${panel.accessDraft[key]}
        @change=${(event: Event) => panel.editAccess(key, (event.target as HTMLInputElement).checked)}
      />
      <label for=${key}>${label}</label>
      ${helpButton(panel, key, label)}
    </div>
    ${helpText(panel, key)}
  </div>`;
}

function list(
  panel: RegistrationPanelHost,
  key: (typeof listKeys)[number],
  label: string,
  placeholder: string,
  note: string,
) {
  return html`<div class="field">
    ${labelWithHelp(panel, key, key, label)}
    <textarea
      id=${key}
      rows="3"
      spellcheck="false"
      autocapitalize="off"
      placeholder=${placeholder}
      aria-describedby="${key}-note"
      .value=${panel.accessDraft[key]}
      @input=${(event: Event) => panel.editAccess(key, (event.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p id="${key}-note" class="muted">${note}</p>
  </div>`;
}

/** Web sites refused lately, each with a one-click "Allow"; nothing when there are none. */
function refusedOrigins(panel: RegistrationPanelHost, registration: Registration) {
  if (registration.refusedOrigins.length === 0) return '';
  const t = adminWords().access;
  return html`<div class="field" id="refused-origins">
    <p class="muted">${t.refusedOrigins}</p>
    <ul class="refused">
      ${registration.refusedOrigins.map(
        ({ origin, at }) => html`<li>
          <code>${origin}</code>
          <time class="muted" datetime=${at}>${formatDateTime(at)}</time>
          <button type="button" class="secondary" aria-label=${fill(t.allowOrigin, { origin })}
            aria-disabled=${panel.busy ? 'true' : 'false'} @click=${() => panel.allowOrigin(origin)}>
            ${t.allow}
          </button>
        </li>`,
      )}
    </ul>
  </div>`;
}

/** Who may register (email domains), from where (origins) and against bots (proof of work). */
export function accessSection(panel: RegistrationPanelHost, registration: Registration) {
  const dirty = Object.keys(accessChange(panel.accessDraft, registration)).length > 0;
  const t = adminWords().access;
  const { saving, unsaved } = adminWords().settings;
  return html`<section class="stack" aria-labelledby="access-heading">
    <h3 id="access-heading">${t.heading}</h3>
    <form class="stack" novalidate @submit=${panel.saveAccess}>
      ${list(panel, 'allowedEmailDomains', t.allowedEmailDomains, 'example.com', t.allowedNote)}
      ${list(panel, 'blockedEmailDomains', t.blockedEmailDomains, 'rival.example', t.blockedNote)}
      ${checkbox(panel, 'blockDisposableEmails', t.blockDisposableEmails)}
      ${list(panel, 'allowedOrigins', t.allowedOrigins, 'https://www.example.com', t.originsNote)}
      ${refusedOrigins(panel, registration)}
      ${checkbox(panel, 'botProtection', t.botProtection)}
      <div class="row">
        <button type="submit" aria-disabled=${panel.busy === 'access' ? 'true' : 'false'}>
          ${panel.busy === 'access' ? saving : t.save}
        </button>
        ${dirty ? html`<span class="muted">${unsaved}</span>` : ''}
      </div>
      ${panel.notices.line('access')}
      <p id="access-error" class="alert" role="alert">${panel.accessError}</p>
    </form>
  </section>`;
}
