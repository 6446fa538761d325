import type { html as litHtml, TemplateResult } from 'lit';
import type { LinkInfo } from '../../contract/registration.ts';
import type { FieldAnswers, RegistrationField } from '../../contract/registration-fields.ts';
import { fieldLabel } from '../../contract/registration-fields.ts';
import type { StepContext } from '../steps/field.ts';
import { extrasWords } from './words.ts';

/**
 * The details step's notice, consent, marketing choice and the business's own questions: loaded
 * from the script's origin only for links that use them (the budget in docs/widget.md). Nothing is pre-ticked.
 * `answers` is what `start` carries; `render` draws the controls with their errors beside them.
 */
export default function formExtras(info: LinkInfo) {
  // Lit's `html` comes from the caller: importing lit here would split it out of the main file.
  let html: typeof litHtml;
  const fields: FieldAnswers = {};
  const answers = { consent: false, marketing: false, fields };

  const error = ({ flow, t }: StepContext, id: string) => {
    const words = extrasWords[flow.lang];
    const shown = flow.error?.field === id ? flow.error.code : '';
    return html`<p part="error" id="${id}-error" role="alert">${shown ? (words[shown] ?? t.generic) : ''}</p>`;
  };

  // A corrected control drops its error at once (the element re-renders through its host).
  const corrected = ({ flow }: StepContext, id: string, event: Event) => {
    if (flow.error?.field !== id) return;
    flow.error = undefined;
    const host = ((event.target as Element).getRootNode() as ShadowRoot).host;
    (host as Element & { requestUpdate(): void }).requestUpdate();
  };

  const links = (words: Record<string, string>) => {
    const link = (url: string | null, text: string | undefined) =>
      url ? [html`<a part="link" href=${url} target="_blank" rel="noopener noreferrer">${text}</a>`] : [];
    const both = [...link(info.termsUrl, words.terms), ...link(info.privacyPolicyUrl, words.privacy)];
    return both.flatMap((item, i) => (i ? [words.and, item] : [item]));
  };

  // "{links}" is cut around the links, so they stay links inside a sentence in any word order.
  const sentence = (text: string, words: Record<string, string>) => {
    const [before, after] = text.split('{links}');
    return [before, ...links(words), after];
  };

  const control = (field: RegistrationField, context: StepContext): TemplateResult => {
    const id = `x-${field.key}`;
    const label = fieldLabel(field, context.flow.lang);
    const invalid = context.flow.error?.field === field.key;
    const set = (value: string | boolean, event: Event) => {
      fields[field.key] = value;
      corrected(context, field.key, event);
    };
    const common = { id, describedby: `${field.key}-error` };
    if (field.type === 'checkbox')
      return html`<div part="field"><label part="label check">
        <input type="checkbox" id=${common.id} ?required=${field.required} aria-invalid=${invalid}
          aria-describedby=${common.describedby} .checked=${fields[field.key] === true}
          @change=${(e: Event) => set((e.target as HTMLInputElement).checked, e)} /> <span>${label}</span></label>
        ${error(context, field.key)}</div>`;
    const input =
      field.type === 'select'
        ? html`<select part="input" id=${common.id} ?required=${field.required} aria-invalid=${invalid}
            aria-describedby=${common.describedby}
            @change=${(e: Event) => set((e.target as HTMLSelectElement).value, e)}>
            <option value="">${extrasWords[context.flow.lang].choose}</option>
            ${field.options?.map((option) => html`<option ?selected=${fields[field.key] === option}>${option}</option>`)}
          </select>`
        : html`<input part="input" id=${common.id} maxlength="200" ?required=${field.required}
            aria-invalid=${invalid} aria-describedby=${common.describedby} .value=${String(fields[field.key] ?? '')}
            @input=${(e: Event) => set((e.target as HTMLInputElement).value, e)} />`;
    return html`<div part="field"><label part="label" for=${common.id}>${label}</label>${input}
      ${error(context, field.key)}</div>`;
  };

  const render = (context: StepContext, tag: typeof litHtml): TemplateResult => {
    html = tag;
    const words = extrasWords[context.flow.lang];
    const hasLinks = info.termsUrl || info.privacyPolicyUrl;
    // Styles for these controls travel with them, keeping the main file's budget.
    return html`<style>
        [part~='check'] { display: flex; gap: 0.5rem; align-items: start; font-weight: 400 }
        [part~='check'] input { width: auto; margin: 0.2em 0 0; padding: 0; flex: none }
        select { width: 100%; padding: 0.5rem 0.75rem; border: 1px solid var(--chatpoint-border-color, #818b98);
          border-radius: var(--_radius); background: var(--_bg); color: inherit; font: inherit }
        [part~='link'] { color: var(--_accent) }
      </style>
      ${info.fields.map((field) => control(field, context))}
    ${
      info.consentRequired
        ? html`<div part="field"><label part="label check">
            <input type="checkbox" id="consent" required aria-invalid=${context.flow.error?.field === 'consent'}
              aria-describedby="consent-error" .checked=${answers.consent}
              @change=${(e: Event) => {
                answers.consent = (e.target as HTMLInputElement).checked;
                corrected(context, 'consent', e);
              }} />
            <span>${sentence(words.agree!, words)}</span></label>${error(context, 'consent')}</div>`
        : hasLinks
          ? html`<p part="notice">${sentence(words.read!, words)}</p>`
          : ''
    }
    ${
      info.marketingOptIn
        ? html`<div part="field"><label part="label check">
            <input type="checkbox" id="marketing" .checked=${answers.marketing}
              @change=${(e: Event) => {
                answers.marketing = (e.target as HTMLInputElement).checked;
              }} />
            <span>${words.marketing!.replace('{w}', info.workdomain.name)}</span></label></div>`
        : ''
    }`;
  };

  // Short names: the main file, which calls them, has no bytes to spare.
  return { a: answers, r: render };
}

export type FormExtras = ReturnType<typeof formExtras>;
