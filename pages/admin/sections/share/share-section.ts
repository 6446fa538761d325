import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { QR_CODE_PATH, type Registration } from '../../admin-api.ts';
import { helpButton, helpText, labelWithHelp } from '../../help-toggle.ts';
import { adminWords } from '../../i18n/index.ts';
import type { RegistrationPanelHost } from '../../panel-host.ts';

/** The sources a host page's Content-Security-Policy must allow for the snippet. */
export const cspLines = (registrationUrl: string) => {
  const origin = new URL(registrationUrl).origin;
  return `script-src ${origin};\nconnect-src ${origin};`;
};

/** The snippet with the versioned script URL and its integrity hash, for pages that pin what they run. */
function pinnedSnippetField(panel: RegistrationPanelHost, snippet: string) {
  const t = adminWords().share;
  return html`<div class="field">
    ${labelWithHelp(panel, 'embedPinned', 'embedPinned', t.embedPinned)}
    <textarea id="embedPinned" readonly rows="5" .value=${snippet}></textarea>
    <div class="row">
      <button type="button" class="secondary" @click=${() => panel.copy(snippet, 'embedPinned', t.copyRefusedSnippet)}>
        ${t.copyPinnedSnippet}
      </button>
    </div>
    ${panel.notices.line('embedPinned')}
  </div>`;
}

/** The link, its QR code, the embed snippet, regeneration and a live preview of the widget. */
export function shareSection(panel: RegistrationPanelHost, registration: Registration) {
  const { linkId, url, embed } = registration;
  const t = adminWords().share;
  if (!linkId || !url || !embed) {
    return html`<section class="stack" aria-labelledby="share-heading">
      <h3 id="share-heading">${t.heading}</h3>
      <p class="muted">${t.notYet}</p>
    </section>`;
  }
  // The link id in the address makes the browser fetch the new code after a regeneration.
  const qrSource = `${QR_CODE_PATH}?link=${encodeURIComponent(linkId)}`;
  return html`<section class="stack" aria-labelledby="share-heading">
    <h3 id="share-heading">${t.heading}</h3>
    <div class="field">
      ${labelWithHelp(panel, 'link', 'link', t.link)}
      <div class="copy-row">
        <input id="link" readonly .value=${url} />
        <button type="button" class="secondary" @click=${() => panel.copy(url, 'link', t.copyRefusedLink)}>${t.copyLink}</button>
      </div>
      ${panel.notices.line('link')}
    </div>
    <div class="qr">
      <img src=${qrSource} alt=${t.qrAlt} width="160" height="160" />
      <a class="button secondary" href=${qrSource} download="chatpoint-registration-qr.svg">${t.downloadQr}</a>
    </div>
    <div class="field">
      ${labelWithHelp(panel, 'embed', 'embed', t.embed)}
      <textarea id="embed" readonly rows="3" .value=${embed}></textarea>
      <div class="row">
        <button type="button" class="secondary" @click=${() => panel.copy(embed, 'embed', t.copyRefusedSnippet)}>
          ${t.copySnippet}
        </button>
      </div>
      ${panel.notices.line('embed')}
    </div>
    ${registration.embedPinned ? pinnedSnippetField(panel, registration.embedPinned) : ''}
    <div class="field">
      ${labelWithHelp(panel, 'csp', 'csp', t.csp)}
      <textarea id="csp" readonly rows="2" .value=${cspLines(url)}></textarea>
      <div class="row">
        <button type="button" class="secondary" @click=${() => panel.copy(cspLines(url), 'csp', t.copyRefusedCsp)}>
          ${t.copyCsp}
        </button>
      </div>
      ${panel.notices.line('csp')}
    </div>
    <div class="field">
      <div class="label-row">
        <button
          type="button"
          class="danger"
          aria-disabled=${panel.busy === 'regenerate' ? 'true' : 'false'}
          @click=${panel.regenerateLink}
        >
          ${panel.busy === 'regenerate' ? t.regenerating : t.regenerate}
        </button>
        ${helpButton(panel, 'regenerate', t.regenerate)}
      </div>
      ${helpText(panel, 'regenerate')} ${panel.notices.line('regenerate')}
      <p class="alert" role="alert">${panel.shareError}</p>
    </div>
    <div class="field">
      <h4 id="preview-heading">${t.previewHeading}</h4>
      <p class="muted">
        ${registration.open ? t.previewLive : t.previewClosed}
      </p>
      ${keyed(
        `${linkId}:${registration.open}:${registration.botProtection}`,
        html`<iframe src="/join/${encodeURIComponent(linkId)}?preview=1" title=${t.previewHeading} loading="lazy"></iframe>`,
      )}
    </div>
  </section>`;
}
