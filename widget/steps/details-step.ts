import { html, type TemplateResult } from 'lit';
import { fill } from '../i18n/index.ts';
import { alert, field, type StepContext } from './field.ts';

/** Name, email and, when the link asks for it, a first message; submitting sends the code. */
export function detailsStep(context: StepContext): TemplateResult {
  const { flow, t } = context;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    flow.start(String(form.get('name')), String(form.get('email')), String(form.get('message') ?? ''));
  };
  return html`<form part="form" novalidate aria-busy=${flow.busy} @submit=${submit}>
    ${field(
      context,
      'name',
      (invalid) =>
        html`<input part="input" id="name" name="name" autocomplete="name" required
          aria-invalid=${invalid} aria-describedby="name-error" .value=${flow.name} />`,
    )}
    ${field(
      context,
      'email',
      (invalid) =>
        html`<input part="input" id="email" name="email" type="email" autocomplete="email" required
          aria-invalid=${invalid} aria-describedby="email-error" .value=${flow.email}
          @change=${(event: Event) => flow.suggest((event.target as HTMLInputElement).value)} />
          ${
            flow.hint
              ? html`<button part="button secondary" type="button" @click=${() => {
                  flow.email = flow.hint;
                  flow.suggest('');
                }}>
                ${fill(t.didYouMean, { email: flow.hint })}</button>`
              : ''
          }`,
    )}
    ${
      flow.messageMode === 'off'
        ? ''
        : field(
            context,
            'message',
            (invalid) =>
              html`<textarea part="input" id="message" name="message" rows="3"
                ?required=${flow.messageMode === 'required'} aria-invalid=${invalid} aria-describedby="message-error"
                .value=${flow.message}></textarea>`,
          )
    }
    ${flow.x?.r(context, html)}
    <div part="actions"><button part="button" ?disabled=${flow.preview}>${t.submit}</button></div>
    ${alert(context, 'form')}
  </form>`;
}
