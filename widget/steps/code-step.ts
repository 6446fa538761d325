import { html, type TemplateResult } from 'lit';
import { fill } from '../i18n/index.ts';
import { field, type StepContext } from './field.ts';

// Digits only, so a pasted "123 456" or "123-456" works; a paste or autofill of all six submits.
function onCodeInput(event: InputEvent): void {
  const input = event.target as HTMLInputElement;
  const digits = input.value.replace(/\D/g, '').slice(0, 6);
  if (digits !== input.value) input.value = digits;
  if (digits.length === 6 && !/^(insertText|delete)/.test(event.inputType ?? '')) input.form?.requestSubmit();
}

/** The emailed code; also change the email or have the code sent again. */
export function codeStep(context: StepContext): TemplateResult {
  const { flow, t } = context;
  // A dead registration needs a new start; an expired code only a new code.
  const dead = /too_many_attempts|registration_not_found/.test(flow.error?.code ?? '');
  const expired = flow.error?.code === 'code_expired';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    flow.verify(String(new FormData(event.target as HTMLFormElement).get('code')));
  };
  const resend = async (event: Event) => {
    const form = (event.currentTarget as HTMLButtonElement).form;
    await flow.resend();
    // The button is disabled while it counts down; keep the registrant on the code field.
    (form?.elements.namedItem('code') as HTMLInputElement | null)?.focus();
  };
  return html`<form part="form" novalidate aria-busy=${flow.busy} @submit=${submit}>
    <p part="message">
      ${flow.email && fill(t.codeSent, { email: flow.email })}
      <button part="button secondary" type="button" @click=${() => flow.edit()}>${t.changeEmail}</button>
    </p>
    ${field(
      context,
      'code',
      (invalid) =>
        html`<input part="input" id="code" name="code" autocomplete="one-time-code" inputmode="numeric"
          required aria-invalid=${invalid} aria-describedby="code-error" .value=${flow.tapped} @input=${onCodeInput} />`,
    )}
    <div part="actions">
      ${
        dead
          ? html`<button part="button" id="next" type="button" @click=${() => flow.edit()}>${t.startAgain}</button>`
          : html`<button part="button">${t.verify}</button>
              <button part="button secondary" id=${expired ? 'next' : 'resend'} type="button"
                ?disabled=${flow.resendWait > 0} @click=${resend}>
                ${flow.resendWait > 0 ? fill(t.resendIn, { seconds: flow.resendWait }) : t.resend}
              </button>`
      }
    </div>
  </form>`;
}
