import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { limits } from '../../../../contract/limits.ts';
import type { RegistrationFieldType } from '../../../../contract/registration-fields.ts';
import { pageLanguage } from '../../../ui/i18n/index.ts';
import { adminStyles } from '../../admin.styles.ts';
import { errorMessage, type Registration } from '../../admin-api.ts';
import type { AdminData } from '../../admin-data.ts';
import { type HelpTopic, helpButton, helpText, labelWithHelp } from '../../help-toggle.ts';
import { adminWords, fill } from '../../i18n/index.ts';
import { Notices } from '../../notices.ts';
import { panelStyles } from '../../registration-panel.styles.ts';
import {
  type FieldDraft,
  type PrivacyDraft,
  privacyChange,
  privacyDirty,
  privacyDraftOf,
} from './privacy-draft.ts';
import { privacyPreview } from './privacy-preview.ts';
import { privacySectionStyles } from './privacy-section.styles.ts';

const fieldTypes: RegistrationFieldType[] = ['text', 'select', 'checkbox'];

/**
 * The "Privacy and questions" section of the Public Registration panel: the policy and terms links,
 * consent, the marketing checkbox and the form's own questions, with a preview of what they add.
 */
export class ChatpointAdminPrivacy extends LitElement {
  static override properties = {
    data: { attribute: false },
    registration: { attribute: false },
    draft: { state: true },
    expandedHelp: { state: true },
    busy: { state: true },
    error: { state: true },
  };
  static override styles = [adminStyles, panelStyles, privacySectionStyles];

  declare data: AdminData;
  declare registration: Registration | null;
  declare draft: PrivacyDraft | null;
  declare expandedHelp: ReadonlySet<HelpTopic>;
  declare busy: boolean;
  declare error: string;
  readonly notices = new Notices<'privacy'>(this);

  constructor() {
    super();
    this.registration = null;
    this.draft = null;
    this.expandedHelp = new Set();
    this.busy = false;
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // New settings from the server replace the draft, unless it holds unsaved edits.
    if (changed.has('registration') && this.registration) {
      const previous = changed.get('registration') as Registration | null | undefined;
      if (!this.draft || !previous || !privacyDirty(this.draft, previous))
        this.draft = privacyDraftOf(this.registration);
    }
  }

  toggleHelp(topic: HelpTopic) {
    const expanded = new Set(this.expandedHelp);
    if (!expanded.delete(topic)) expanded.add(topic);
    this.expandedHelp = expanded;
  }

  #edit(change: Partial<PrivacyDraft>) {
    this.draft = { ...this.draft!, ...change };
  }

  #editField(index: number, change: Partial<FieldDraft>) {
    this.#edit({
      fields: this.draft!.fields.map((field, at) => (at === index ? { ...field, ...change } : field)),
    });
  }

  #addField() {
    const fields = this.draft!.fields;
    if (fields.length >= limits.registrationFieldsMax) return;
    const key = `question_${fields.length + 1}`;
    this.#edit({ fields: [...fields, { key, label: {}, type: 'text', required: false, options: '' }] });
  }

  #removeField(index: number) {
    this.#edit({ fields: this.draft!.fields.filter((_, at) => at !== index) });
  }

  #moveField(index: number, by: -1 | 1) {
    const fields = [...this.draft!.fields];
    const target = index + by;
    if (target < 0 || target >= fields.length) return;
    [fields[index], fields[target]] = [fields[target]!, fields[index]!];
    this.#edit({ fields });
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || !this.draft || !this.registration) return;
    if (!privacyDirty(this.draft, this.registration)) {
      void this.notices.say('privacy', adminWords().settings.nothingToSave);
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const saved = await this.data.saveSettings(privacyChange(this.draft));
      this.draft = privacyDraftOf(saved);
      void this.notices.say('privacy', adminWords().privacy.saved);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  };

  #text(topic: 'privacyPolicyUrl' | 'termsUrl' | 'policyVersion', label: string, placeholder: string) {
    return html`<div class="field">
      ${labelWithHelp(this, topic, topic, label)}
      <input
        id=${topic}
        type=${topic === 'policyVersion' ? 'text' : 'url'}
        spellcheck="false"
        autocapitalize="off"
        placeholder=${placeholder}
        .value=${this.draft![topic]}
        @input=${(event: Event) => this.#edit({ [topic]: (event.target as HTMLInputElement).value })}
      />
    </div>`;
  }

  #checkbox(topic: 'consentRequired' | 'marketingOptIn', label: string) {
    return html`<div class="field">
      <div class="label-row">
        <input
          type="checkbox"
          id=${topic}
          .checked=${this.draft![topic]}
          @change=${(event: Event) => this.#edit({ [topic]: (event.target as HTMLInputElement).checked })}
        />
        <label for=${topic}>${label}</label>
        ${helpButton(this, topic, label)}
      </div>
      ${helpText(this, topic)}
    </div>`;
  }

  #field(field: FieldDraft, index: number, count: number) {
    const t = adminWords().privacy;
    const lang = pageLanguage();
    const id = (name: string) => `field-${index}-${name}`;
    const name = fill(t.question, { number: index + 1 });
    return html`<li class="question" aria-label=${name}>
      <p class="question-head"><strong>${name}</strong>
        <span class="row">
          <button type="button" class="secondary" aria-label=${fill(t.moveUpOf, { question: name })}
            ?disabled=${index === 0} @click=${() => this.#moveField(index, -1)}>↑</button>
          <button type="button" class="secondary" aria-label=${fill(t.moveDownOf, { question: name })}
            ?disabled=${index === count - 1} @click=${() => this.#moveField(index, 1)}>↓</button>
          <button type="button" class="secondary" @click=${() => this.#removeField(index)}
            aria-label=${fill(t.removeOf, { question: name })}>${t.remove}</button>
        </span>
      </p>
      <div class="question-grid">
        <div class="field">
          <label for=${id('label')}>${t.label}</label>
          <input id=${id('label')} lang=${lang} .value=${field.label[lang] ?? ''}
            @input=${(event: Event) =>
              this.#editField(index, {
                label: { ...field.label, [lang]: (event.target as HTMLInputElement).value },
              })} />
        </div>
        <div class="field">
          <label for=${id('key')}>${t.key}</label>
          <input id=${id('key')} class="code" spellcheck="false" autocapitalize="off" .value=${field.key}
            @input=${(event: Event) => this.#editField(index, { key: (event.target as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for=${id('type')}>${t.type}</label>
          <select id=${id('type')}
            @change=${(event: Event) =>
              this.#editField(index, {
                type: (event.target as HTMLSelectElement).value as RegistrationFieldType,
              })}>
            ${fieldTypes.map((type) => html`<option value=${type} .selected=${type === field.type}>${t.types[type]}</option>`)}
          </select>
        </div>
        <div class="label-row required">
          <input type="checkbox" id=${id('required')} .checked=${field.required}
            @change=${(event: Event) => this.#editField(index, { required: (event.target as HTMLInputElement).checked })} />
          <label for=${id('required')}>${t.required}</label>
        </div>
      </div>
      ${
        field.type === 'select'
          ? html`<div class="field">
              <label for=${id('options')}>${t.options}</label>
              <textarea id=${id('options')} rows="3" .value=${field.options}
                @input=${(event: Event) => this.#editField(index, { options: (event.target as HTMLTextAreaElement).value })}></textarea>
            </div>`
          : nothing
      }
    </li>`;
  }

  #fields() {
    const t = adminWords().privacy;
    const fields = this.draft!.fields;
    return html`<div class="field">
      <div class="label-row">
        <span class="label" id="fields-label">${t.fields}</span>
        ${helpButton(this, 'fields', t.fields)}
      </div>
      ${helpText(this, 'fields')}
      ${
        fields.length
          ? html`<ol class="questions" aria-labelledby="fields-label">
              ${fields.map((field, index) => this.#field(field, index, fields.length))}
            </ol>`
          : html`<p class="muted">${t.noFields}</p>`
      }
      <div class="row">
        <button type="button" class="secondary" ?disabled=${fields.length >= limits.registrationFieldsMax}
          @click=${() => this.#addField()}>${t.addField}</button>
        <span class="muted">${fill(t.fieldsLimit, { max: limits.registrationFieldsMax })}</span>
      </div>
    </div>`;
  }

  override render() {
    if (!this.draft || !this.registration) return nothing;
    const t = adminWords().privacy;
    const { saving, unsaved } = adminWords().settings;
    return html`<section class="stack" aria-labelledby="privacy-heading">
      <h3 id="privacy-heading">${t.heading}</h3>
      <form class="stack" novalidate @submit=${this.#save}>
        ${this.#text('privacyPolicyUrl', t.privacyPolicyUrl, 'https://www.example.com/privacy')}
        ${this.#text('termsUrl', t.termsUrl, 'https://www.example.com/terms')}
        ${this.#checkbox('consentRequired', t.consentRequired)}
        ${this.draft.consentRequired ? this.#text('policyVersion', t.policyVersion, '2026-12') : nothing}
        ${this.#checkbox('marketingOptIn', t.marketingOptIn)} ${this.#fields()}
        ${privacyPreview(this.draft)}
        <div class="row">
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? saving : t.save}</button>
          ${privacyDirty(this.draft, this.registration) ? html`<span class="muted">${unsaved}</span>` : nothing}
        </div>
        ${this.notices.line('privacy')}
        <p id="privacy-error" class="alert" role="alert">${this.error}</p>
      </form>
    </section>`;
  }
}
