import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { resolveLanguage } from '../contract/languages.ts';
import { styles } from './chatpoint-register.styles.ts';
import { FlowState, RegistrationFlow } from './controllers/registration-flow.ts';
import { errorText, type Strings, stringsFor } from './i18n/index.ts';
import { codeStep } from './steps/code-step.ts';
import { detailsStep } from './steps/details-step.ts';
import { doneStep, signInLink } from './steps/done-step.ts';

export { ChatpointCodeSentEvent } from './events/code-sent.ts';
export { ChatpointErrorEvent } from './events/error.ts';
export { ChatpointRegisteredEvent } from './events/registered.ts';
export type { Strings };

const scriptOrigin = new URL(import.meta.url).origin;

/**
 * Public self-registration for a ChatPoint workdomain: name and email, the emailed 6-digit code,
 * then a "Chat" button that opens the app.
 *
 * @attr link - The registration link id (required).
 * @attr endpoint - Origin of the ChatPoint API. Defaults to the origin this script was loaded from.
 * @attr preview - Shows the form as it looks without counting a view; the form cannot be sent (admin preview).
 * @attr lang - Language: `en`, `zh-Hant` (also `zh-TW`, `zh-HK`), `zh-Hans` (also `zh`, `zh-CN`, `zh-SG`), `ja`. Defaults to the closest `lang` around, else the browser's first language it speaks; sent with `start`, so the registrant's mail speaks it too. Other than English, a language's texts load from the script's origin on first use.
 * @attr {'light' | 'dark' | 'auto'} theme - `light` (default), `dark`, or `auto` to follow the reader's `prefers-color-scheme`.
 * @attr {boolean} onetap - Fill in the code of a one-tap link (`#verify=<registrationId>.<code>` in the page
 *   address) on the code step; only the registrant's press of "Verify" sends it. Set by the hosted
 *   registration page.
 * @prop {string} link - The registration link id (the `link` attribute).
 * @prop {string} endpoint - Origin of the ChatPoint API (the `endpoint` attribute).
 * @prop {string} lang - Language (the `lang` attribute, reflected).
 * @prop {boolean} preview - Admin preview (the `preview` attribute).
 * @prop {Partial<Strings>} strings - Replaces any built-in text; `{name}`-style placeholders are filled in.
 *
 * @event {ChatpointCodeSentEvent} chatpoint-code-sent - A code was emailed. `detail: { email }`.
 * @event {ChatpointRegisteredEvent} chatpoint-registered - The account exists. `detail: { user: { id, name, email }, deepLink }`.
 * @event {ChatpointErrorEvent} chatpoint-error - An error was shown. `detail: { code, message }`; `code` as in the API.
 *
 * @csspart base - The box around everything.
 * @csspart heading - The workdomain's name.
 * @csspart form - Each step's form.
 * @csspart field - A label, its input and its error.
 * @csspart label - A field's label.
 * @csspart input - A text input, and the "Message" text area.
 * @csspart error - The error beside a field or beside the submit button (`role="alert"`).
 * @csspart actions - The row of buttons.
 * @csspart button - Every button.
 * @csspart secondary - The less prominent buttons ("Change email", "Send a new code"), also `button`.
 * @csspart message - A sentence: "Loading…" (`role="status"`), where the code went, the welcome, the closed,
 *   not-found or failed-to-load notice.
 * @csspart notice - The sentence that links the terms and the privacy policy (links that set them).
 * @csspart link - A link to the terms or the privacy policy; opens in a new tab.
 * @csspart check - A checkbox's label (consent, news and offers, a yes/no question), also `label`.
 *
 * @cssprop --chatpoint-font - Font shorthand. Default: the host page's font (inherited).
 * @cssprop --chatpoint-color - Text colour.
 * @cssprop --chatpoint-background - Background of the box and the inputs.
 * @cssprop --chatpoint-border-color - Input border colour.
 * @cssprop --chatpoint-accent - Button colour.
 * @cssprop --chatpoint-accent-text - Text colour on buttons.
 * @cssprop --chatpoint-error-color - Colour of errors and of inputs in error.
 * @cssprop --chatpoint-focus-color - Focus ring colour.
 * @cssprop --chatpoint-radius - Corner radius. Default `0.5rem`.
 * @cssprop --chatpoint-spacing - Space between and around the parts. Default `1rem`.
 * @cssprop --chatpoint-max-width - Widest the element grows. Default `28rem`.
 */
export class ChatpointRegister extends LitElement {
  static override properties = {
    link: {},
    endpoint: {},
    lang: { reflect: true },
    preview: { type: Boolean },
    strings: { attribute: false },
  };
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  declare link: string;
  declare endpoint: string;
  declare preview: boolean;
  declare strings: Partial<Strings>;

  readonly flow = new RegistrationFlow(this);
  #shownState: FlowState = FlowState.loading;
  #shownError = this.flow.error;
  // The first load does not take focus from the page; later steps do.
  #settled = false;

  constructor() {
    super();
    this.link = '';
    this.endpoint = '';
    this.preview = false;
    this.strings = {};
  }

  /**
   * Opens the app. On a touch screen (a phone) the universal link opens in place and the app takes
   * it; on a desktop it opens in a new tab, so the business's page stays open. Hosts may override it.
   */
  protected navigate(url: string): void {
    if (/^\s*javascript:/i.test(url)) return;
    if (matchMedia('(pointer: coarse)').matches) location.assign(url);
    else open(url, '_blank', 'noopener');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('link') || changed.has('endpoint') || changed.has('preview')) this.#load();
  }

  #load(): void {
    this.flow.preview = this.preview;
    // The one-tap link of the code mail, `#verify=<registrationId>.<code>`, read once on the hosted page.
    const tap = this.hasAttribute('onetap') && /^#verify=([\w-]+)\.(\d{6})$/.exec(location.hash);
    if (tap) history.replaceState(null, '', location.pathname + location.search);
    this.flow.load(this.endpoint || scriptOrigin, this.link, tap ? tap.slice(1) : undefined);
  }

  protected override render(): TemplateResult {
    const { flow } = this;
    // Its own lang, else the closest around it, else the page's; a page that declares none gets the
    // browser's first language we speak (isSupportedTag's rule, inlined: the import costs more
    // bytes than the widget's budget has), before English.
    flow.lang = resolveLanguage(
      this.lang ||
        this.closest('[lang]')?.getAttribute('lang') ||
        document.documentElement.lang ||
        navigator.languages.find((tag) => /^(en|ja|zh)\b/i.test(tag)),
    );
    const built = stringsFor(flow.lang, () => this.requestUpdate());
    const base = (body: unknown) =>
      html`<div part="base">${flow.workdomain ? html`<h2 part="heading">${flow.workdomain}</h2>` : ''}${body}</div>`;
    // Until the language's texts arrive, the form waits rather than show another language.
    if (!built) return base(html`<p part="message" role="status">…</p>`);
    const t: Strings = { ...built, ...this.strings };
    const context = { flow, t };
    const notice = (text: string) => base(html`<p part="message" role="alert" tabindex="-1">${text}</p>`);
    switch (flow.state) {
      // tabindex: "Try again" removes its button, so focus waits here instead of falling to the page.
      case FlowState.loading:
        return base(html`<p part="message" role="status" tabindex="-1">${t.loading}</p>`);
      case FlowState.closed:
        return base(
          html`<p part="message" role="alert" tabindex="-1">${t.registration_closed}</p>
            <div part="actions">${t.member} ${signInLink(context)}</div>`,
        );
      case FlowState.notFound:
        return notice(t.link_not_found);
      // A network error or a 5xx, which may pass. No tabindex here: a failed retry focuses "Try again".
      case FlowState.failed:
        return base(
          html`<p part="message" role="alert">${errorText(t, flow.error!)}</p>
            <div part="actions">
              <button part="button" type="button" @click=${() => this.#load()}>${t.tryAgain}</button>
            </div>`,
        );
      case FlowState.details:
        return base(detailsStep(context));
      case FlowState.code:
        return base(codeStep(context));
      case FlowState.done:
        return base(doneStep(context, (url) => this.navigate(url)));
    }
  }

  protected override updated(): void {
    const { state, error } = this.flow;
    const root = this.renderRoot;
    let target: HTMLElement | null = null;
    if (state !== this.#shownState) {
      if (this.#settled) target = root.querySelector('input') ?? root.querySelector('button, a, [tabindex]');
      this.#settled ||= state !== FlowState.loading;
      this.#shownState = state;
    } else if (error && error !== this.#shownError && error.field !== 'form') {
      target = root.querySelector('#next') ?? root.querySelector(`#${error.field}`);
    }
    this.#shownError = error;
    target?.focus();
  }
}

// The snippet may be pasted twice, or two copies of the script may load.
if (!customElements.get('chatpoint-register')) customElements.define('chatpoint-register', ChatpointRegister);

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-register': ChatpointRegister;
  }
}
