import { html, nothing } from 'lit';
import { pageLanguage } from '../../../ui/i18n/index.ts';
import { adminWords } from '../../i18n/index.ts';
import type { FieldDraft, PrivacyDraft } from './privacy-draft.ts';

/** The label a registrant of the admin's language reads: theirs, else the first given. */
const labelOf = (field: FieldDraft) =>
  field.label[pageLanguage()]?.trim() || Object.values(field.label).find((text) => text?.trim()) || field.key;

function control(field: FieldDraft, index: number) {
  const id = `preview-${index}`;
  const label = html`<label for=${id}>${labelOf(field)}${field.required ? ' *' : ''}</label>`;
  if (field.type === 'checkbox')
    return html`<div class="label-row"><input type="checkbox" id=${id} disabled />${label}</div>`;
  if (field.type === 'select')
    return html`<div class="field">${label}<select id=${id} disabled>
        ${field.options
          .split('\n')
          .map((option) => option.trim())
          .filter(Boolean)
          .map((option) => html`<option>${option}</option>`)}
      </select></div>`;
  return html`<div class="field">${label}<input id=${id} disabled /></div>`;
}

/** What the form adds below name and email, in the admin's language: a plain, inert picture. */
export function privacyPreview(draft: PrivacyDraft) {
  const t = adminWords().privacy;
  const links = [
    draft.termsUrl.trim() ? t.previewTerms : '',
    draft.privacyPolicyUrl.trim() ? t.previewPolicy : '',
  ].filter(Boolean);
  const empty = !links.length && !draft.marketingOptIn && !draft.fields.length;
  return html`<figure class="preview form-preview" aria-labelledby="privacy-preview-caption">
    <figcaption id="privacy-preview-caption" class="label">${t.previewCaption}</figcaption>
    <div id="privacy-preview" class="form-card stack">
      ${empty ? html`<p class="muted">${t.previewNothing}</p>` : nothing}
      ${draft.fields.map(control)}
      ${
        draft.consentRequired
          ? html`<div class="label-row"><input type="checkbox" id="preview-consent" disabled />
              <label for="preview-consent">${t.previewConsent} *</label></div>`
          : links.length
            ? html`<p class="muted">${links.join(' · ')}</p>`
            : nothing
      }
      ${
        draft.marketingOptIn
          ? html`<div class="label-row"><input type="checkbox" id="preview-marketing" disabled />
              <label for="preview-marketing">${t.previewMarketing}</label></div>`
          : nothing
      }
    </div>
  </figure>`;
}
