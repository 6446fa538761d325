import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { words } from './i18n/index.ts';

export interface FieldOptions {
  id: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  value: string;
  autocomplete?: string;
  hint?: string;
  /** The message shown beside the field; empty when the field is fine. */
  error?: string;
  required?: boolean;
  /** The on-screen keyboard to offer, e.g. `numeric` for codes. */
  inputmode?: 'numeric' | 'email' | 'text';
  /** Takes focus when its step of a form is shown. */
  focus?: boolean;
  onInput: (value: string) => void;
}

/**
 * Label, input, hint and the field's live error region. The alert stays in the DOM while empty so
 * screen readers announce each new message.
 */
export function field(options: FieldOptions): TemplateResult {
  const { id, error, hint } = options;
  const describedBy = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    <input
      id=${id}
      name=${id}
      type=${options.type ?? 'text'}
      autocomplete=${ifDefined(options.autocomplete)}
      inputmode=${ifDefined(options.inputmode)}
      ?data-step-focus=${options.focus ?? false}
      ?required=${options.required ?? true}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${options.value}
      @input=${(event: InputEvent) => options.onInput((event.target as HTMLInputElement).value)}
    />
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    <p class="error" id="${id}-error" role="alert">${error ?? ''}</p>
  </div>`;
}

/** The error region beside a form's submit button. */
export const formAlert = (message = '') => html`<p class="error" role="alert">${message}</p>`;

/** The email field of the sign-in and reset forms: the login ID, so password managers fill it. */
export const emailField = (options: Pick<FieldOptions, 'value' | 'error' | 'focus' | 'onInput'>) =>
  field({
    id: 'email',
    label: words().common.email,
    type: 'email',
    autocomplete: 'username',
    inputmode: 'email',
    ...options,
  });
