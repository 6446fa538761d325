import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FirstMessageMode } from '../../contract/enums.ts';
import type { Language } from '../../contract/languages.ts';
import type { Resent } from '../../contract/registration.ts';
import {
  ApiError,
  type Registration,
  type RegistrationApi,
  registrationApi,
} from '../api/registration-api.ts';
import { ChatpointCodeSentEvent } from '../events/code-sent.ts';
import { ChatpointErrorEvent } from '../events/error.ts';
import { ChatpointRegisteredEvent } from '../events/registered.ts';
import type { FormExtras } from '../extras/form-extras.ts';
import { en } from '../i18n/en.ts';
import { progress } from './saved-progress.ts';

/** Where the registrant is. The element renders one view per state (diagram: registration-flow.mmd). */
export const FlowState = {
  loading: 'loading',
  closed: 'closed',
  notFound: 'not_found',
  details: 'details',
  code: 'code',
  done: 'done',
  failed: 'failed',
} as const;
export type FlowState = (typeof FlowState)[keyof typeof FlowState];

const { loading, closed, notFound, details, code, done, failed } = FlowState;

// The legal moves. `loading` is reachable from everywhere: a new link or endpoint starts over.
const moves: Record<FlowState, readonly FlowState[]> = {
  loading: [closed, notFound, details, code, done, failed],
  failed: [loading],
  closed: [loading],
  not_found: [loading],
  details: [loading, details, code, closed],
  code: [loading, details, done, closed],
  done: [loading],
};

/** The field an error is shown beside; `form` is beside the submit button. */
/** `consent`, or a question's key, for the parts loaded on demand. */
export type ErrorField = 'name' | 'email' | 'message' | 'code' | 'form' | (string & {});

export interface FlowError {
  code: string;
  field: ErrorField;
  /** rate_limited: seconds to wait. */
  seconds?: number;
  /** invalid_code: tries left, from the answer's details. */
  count?: number;
}

/** Holds the registration flow and talks to the API; the host only renders. */
export class RegistrationFlow implements ReactiveController {
  state: FlowState = loading;
  workdomain = '';
  name = '';
  email = '';
  /** The registrant's language, sent with `start`: their mail and pages follow it. */
  lang: Language = 'en';
  /** The first message to the PIC, when the link asks for one. */
  message = '';
  messageMode: FirstMessageMode = 'off';
  error?: FlowError;
  busy = false;
  /** Seconds until a new code may be asked for, as the server said. */
  resendWait = 0;
  /** The verified registration; none after `registration_complete` (finished elsewhere): sign in then. */
  registration?: Registration;
  /** The code of a one-tap link, filled in for the registrant to confirm with a press. */
  tapped = '';
  /** The web app's address, where a member signs in. */
  app = '';
  /** A likely meant address when the typed one looks mistyped; only a hint, never a refusal. */
  hint = '';
  /** Admin preview: looks the same, counts nothing and cannot start. */
  preview = false;
  /** The notice, consent and questions, loaded only for links that have them. */
  x?: FormExtras | undefined;

  #api?: RegistrationApi;
  /** Where the progress of this endpoint and link is kept. */
  #key = '';
  #challenge = false;
  #registrationId = '';
  #timer?: ReturnType<typeof setInterval>;
  #run = 0;

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.resendWait > 0) this.#countdown(this.resendWait);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }

  /** Fetches the link's workdomain and whether it is open. */
  /**
   * `tapped`: the registration id and code of a one-tap link from the code mail. They are only
   * filled in: loading a page verifies nothing (a mail scanner loads links too); a press does.
   */
  async load(endpoint: string, link: string, tapped?: string[]): Promise<void> {
    const run = ++this.#run;
    this.#go(loading);
    this.error = this.registration = this.x = undefined;
    this.busy = false;
    this.app = new URL('/app', endpoint).href;
    this.#countdown(0);
    if (!link) return this.#go(notFound);
    this.#api = registrationApi(endpoint, link);
    this.#key = `chatpoint-register:${endpoint}:${link}`;
    // A visitor counts once per browser session (the first answer marks it); the preview never counts.
    const seen = `chatpoint-view:${link}`;
    let view = !this.preview;
    try {
      view &&= !sessionStorage[seen];
    } catch {}
    try {
      const info = await this.#api.info(view);
      if (run !== this.#run) return;
      try {
        if (view) sessionStorage[seen] = 1;
      } catch {}
      this.#challenge = info.challenge;
      this.workdomain = info.workdomain.name;
      this.messageMode = info.message ?? 'off';
      if (info.termsUrl || info.privacyPolicyUrl || info.marketingOptIn || info.fields?.[0])
        this.x = (await import('../extras/form-extras.ts')).default(info);
      const saved = info.open && progress(this.#key);
      if (saved) {
        this.email = saved.email;
        if (saved.registration) this.registration = saved.registration;
        else {
          ({ registrationId: this.#registrationId, name: this.name } = saved);
          this.#countdown(Math.ceil((saved.resendAvailableAt - Date.now()) / 1000));
        }
      }
      if (info.open && tapped) [this.#registrationId, this.tapped] = tapped as [string, string];
      this.#go(this.registration ? done : saved || this.tapped ? code : info.open ? details : closed);
    } catch (e) {
      if (run !== this.#run) return;
      this.#fail(e, 'form');
    }
  }

  async start(name: string, email: string, message?: string): Promise<void> {
    this.name = name.trim();
    this.email = email.trim();
    this.message = message ?? '';
    // Name, email and message rules live on the server (422 invalid_…); one source of truth.
    if (this.preview) return;
    const started = await this.#request('form', async (api) =>
      api.start(
        this.name,
        this.email,
        this.lang,
        this.messageMode === 'off' ? undefined : this.message,
        // The solver is its own file beside the script, fetched only for links with bot protection on.
        this.#challenge
          ? await (await import('../api/altcha.ts')).solveAltcha(await api.challenge())
          : undefined,
        this.x?.a,
      ),
    );
    if (!started) return;
    this.#registrationId = started.registrationId;
    this.#sent(started);
    this.#go(code);
  }

  /** Checks a typed address for a likely typo; '' clears the hint. */
  async suggest(email: string): Promise<void> {
    // Its own small file, fetched on the first typed address: the up-front budget goes to the form.
    this.hint = email && (await import('../steps/email-hint.ts')).emailSuggestion(email);
    this.host.requestUpdate();
  }

  /** A new code; also after the old one expired. Name and email stay. */
  async resend(): Promise<void> {
    if (this.resendWait > 0) return;
    const resent = await this.#request('code', (api) => api.resend(this.#registrationId));
    if (resent) this.#sent(resent);
  }

  /** A code is on its way: the server says how long it works and when the next may be asked for. */
  #sent({ resendAfter, expiresIn }: Resent): void {
    const now = Date.now();
    progress(this.#key, {
      registrationId: this.#registrationId,
      name: this.name,
      email: this.email,
      expiresAt: now + expiresIn * 1000,
      resendAvailableAt: now + resendAfter * 1000,
    });
    this.#countdown(resendAfter);
    this.host.dispatchEvent(new ChatpointCodeSentEvent({ email: this.email }));
  }

  /** `input` may hold spaces or dashes; only the digits count. */
  async verify(input: string): Promise<void> {
    const digits = input.replace(/\D/g, '');
    if (digits.length !== 6) return this.#fail(new ApiError('invalid_code', en.invalid_code), 'code');
    const registration = await this.#request('code', (api) => api.verify(this.#registrationId, digits));
    if (!registration) return;
    const { user, deepLink } = registration;
    this.registration = registration;
    this.email = user.email;
    this.#countdown(0);
    // A reload keeps the Chat step while the login token lives, then offers sign-in (a day at most).
    progress(this.#key, { email: user.email, registration, expiresAt: Date.now() + 864e5 });
    this.#go(done);
    this.host.dispatchEvent(new ChatpointRegisteredEvent({ user, deepLink }));
  }

  /** Back to the details step ("Change email", "Start again"), keeping what was typed. */
  edit(): void {
    this.error = undefined;
    this.#registrationId = this.tapped = '';
    this.#countdown(0);
    progress(this.#key, null);
    this.#go(details);
  }

  #go(next: FlowState): void {
    if (next !== this.state && !moves[this.state].includes(next)) {
      throw new Error(`chatpoint-register: ${this.state} → ${next}`);
    }
    this.state = next;
    this.host.requestUpdate();
  }

  async #request<T>(field: ErrorField, send: (api: RegistrationApi) => Promise<T>): Promise<T | undefined> {
    if (this.busy || !this.#api) return;
    this.busy = true;
    // Clearing first makes a repeated error a new alert that is announced again.
    this.error = undefined;
    this.host.requestUpdate();
    try {
      return await send(this.#api);
    } catch (e) {
      this.#fail(e, field);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  #fail(e: unknown, field: ErrorField): void {
    const error = e instanceof ApiError ? e : new ApiError('generic', String(e));
    const { code: errorCode, message } = error;
    if (this.state === loading) {
      this.#go(errorCode === 'link_not_found' ? notFound : failed);
    } else if (/registration_|too_many_attempts/.test(errorCode)) {
      this.#countdown(0);
      progress(this.#key, null);
      if (errorCode === 'registration_closed') this.#go(closed);
      // Completed in another tab, or by an earlier press: no code is needed, only a sign-in.
      if (errorCode === 'registration_complete') this.#go(done);
    }
    // A resend asked for too early is not an error to show: its button counts down instead.
    this.error =
      errorCode === 'rate_limited' && field === 'code'
        ? undefined
        : {
            code: errorCode,
            // invalid_name, invalid_email, invalid_message and email_domain_not_allowed go beside their field.
            field:
              error.details.field ??
              (/^invalid_(name|email|message)$/.exec(errorCode)?.[1] as ErrorField) ??
              (/email/.test(errorCode) ? 'email' : field),
            seconds: error.retryAfter,
            count: error.details.triesLeft,
          };
    // The API client gives every 429 its wait (Retry-After, else the answer's details).
    if (errorCode === 'rate_limited' && field === 'code') this.#countdown(error.retryAfter ?? 0);
    this.host.requestUpdate();
    this.host.dispatchEvent(new ChatpointErrorEvent({ code: errorCode, message }));
  }

  #countdown(seconds: number): void {
    clearInterval(this.#timer);
    this.resendWait = seconds;
    if (seconds > 0) {
      this.#timer = setInterval(() => {
        if (--this.resendWait <= 0) clearInterval(this.#timer);
        this.host.requestUpdate();
      }, 1000);
    }
    this.host.requestUpdate();
  }
}
