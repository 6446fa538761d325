import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { QR_CODE_PATH, type Registration } from './admin-api.ts';
import { helpButton, helpText, labelWithHelp } from './help-toggle.ts';
import type { ChatpointRegistrationPanel } from './registration-panel.ts';

/** The sources a host page's Content-Security-Policy must allow for the snippet. */
export const cspLines = (registrationUrl: string) => {
  const origin = new URL(registrationUrl).origin;
  return `script-src ${origin};\nconnect-src ${origin};`;
};

/** The link, its QR code, the embed snippet, regeneration and a live preview of the widget. */
export function shareSection(panel: ChatpointRegistrationPanel, registration: Registration) {
  const { linkId, url, embed } = registration;
  if (!linkId || !url || !embed) {
    return html`<section class="stack" aria-labelledby="share-heading">
      <h3 id="share-heading">Share</h3>
      <p class="muted">The registration link is created the first time you open registration.</p>
    </section>`;
  }
  // The link id in the address makes the browser fetch the new code after a regeneration.
  const qrSource = `${QR_CODE_PATH}?link=${encodeURIComponent(linkId)}`;
  return html`<section class="stack" aria-labelledby="share-heading">
    <h3 id="share-heading">Share</h3>
    <div class="field">
      ${labelWithHelp(panel, 'link', 'link', 'Registration link')}
      <div class="copy-row">
        <input id="link" readonly .value=${url} />
        <button type="button" class="secondary" @click=${() => panel.copy(url, 'link', 'link')}>Copy link</button>
      </div>
    </div>
    <div class="qr">
      <img src=${qrSource} alt="QR code of the registration link" width="160" height="160" />
      <a class="button secondary" href=${qrSource} download="chatpoint-registration-qr.svg">Download QR code</a>
    </div>
    <div class="field">
      ${labelWithHelp(panel, 'embed', 'embed', 'Embed snippet')}
      <textarea id="embed" readonly rows="3" .value=${embed}></textarea>
      <div class="row">
        <button type="button" class="secondary" @click=${() => panel.copy(embed, 'embed', 'snippet')}>
          Copy snippet
        </button>
      </div>
    </div>
    <div class="field">
      ${labelWithHelp(panel, 'csp', 'csp', 'Content-Security-Policy of the page')}
      <textarea id="csp" readonly rows="2" .value=${cspLines(url)}></textarea>
      <div class="row">
        <button type="button" class="secondary" @click=${() => panel.copy(cspLines(url), 'csp', 'CSP lines')}>
          Copy CSP lines
        </button>
      </div>
    </div>
    <div class="field">
      <div class="label-row">
        <button
          type="button"
          class="danger"
          aria-disabled=${panel.busy === 'regenerate' ? 'true' : 'false'}
          @click=${panel.regenerateLink}
        >
          ${panel.busy === 'regenerate' ? 'Regenerating…' : 'Regenerate link'}
        </button>
        ${helpButton(panel, 'regenerate', 'Regenerate link')}
      </div>
      ${helpText(panel, 'regenerate')}
      <p class="alert" role="alert">${panel.shareError}</p>
    </div>
    <div class="field">
      <h4 id="preview-heading">Widget preview</h4>
      <p class="muted">
        ${registration.open ? 'What the snippet shows on a page. The preview cannot be sent and is not counted as a view.' : 'Registration is closed, so the form says so.'}
      </p>
      ${keyed(
        `${linkId}:${registration.open}:${registration.botProtection}`,
        html`<iframe src="/join/${encodeURIComponent(linkId)}?preview=1" title="Widget preview" loading="lazy"></iframe>`,
      )}
    </div>
  </section>`;
}
