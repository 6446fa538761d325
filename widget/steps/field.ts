import { html, type TemplateResult } from 'lit';
import type { ErrorField, RegistrationFlow } from '../controllers/registration-flow.ts';
import { errorText, type Strings } from '../i18n/index.ts';

export interface StepContext {
  flow: RegistrationFlow;
  t: Strings;
}

/**
 * The live region for errors of one field. It stays in the DOM (empty when there is no error) so
 * that assistive technology announces each new message.
 */
export function alert({ flow, t }: StepContext, field: ErrorField): TemplateResult {
  const error = flow.error?.field === field ? flow.error : undefined;
  return html`<p part="error" id="${field}-error" role="alert">${error ? errorText(t, error) : ''}</p>`;
}

/** Label, control and the control's error. `control` gets whether the field is in error. */
export function field(
  context: StepContext,
  id: 'name' | 'email' | 'message' | 'code',
  control: (invalid: boolean) => TemplateResult,
): TemplateResult {
  return html`<div part="field">
    <label part="label" for=${id}>${context.t[id]}</label>
    ${control(context.flow.error?.field === id)} ${alert(context, id)}
  </div>`;
}
