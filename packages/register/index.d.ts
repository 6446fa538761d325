// Types of `@chatpoint/register`: importing the package defines <chatpoint-register> (once).
import type { RegisteredUser } from './client.js';

export type { RegisteredUser } from './client.js';

/** Built-in texts the `strings` property may replace (key: text; `{name}`-style placeholders). */
export type ChatpointStrings = Record<string, string>;

/**
 * Public self-registration for a ChatPoint workdomain: name and email, the emailed 6-digit code,
 * then a "Chat" button that opens the app. See custom-elements.json for parts and custom properties.
 */
export declare class ChatpointRegister extends HTMLElement {
  /** The registration link id (attribute `link`, required). */
  link: string;
  /** Origin of the ChatPoint API (attribute `endpoint`). Defaults to the origin this script was loaded from. */
  endpoint: string;
  /** `en`, `zh-Hant`, `zh-Hans` or `ja` (attribute `lang`); defaults to the page's language. */
  lang: string;
  /** Shows the form without counting a view; it cannot be sent (attribute `preview`). */
  preview: boolean;
  /** Replaces any built-in text. */
  strings: Partial<ChatpointStrings>;
  /** Opens the app (the "Chat" button); override to handle the deep link yourself. */
  protected navigate(url: string): void;
}

/** A verification code was emailed (after start and after each resend). */
export declare class ChatpointCodeSentEvent extends CustomEvent<{ email: string }> {
  constructor(detail: { email: string });
}
/** The registrant verified the code and now has an account. */
export declare class ChatpointRegisteredEvent extends CustomEvent<{
  user: RegisteredUser;
  deepLink: string;
}> {
  constructor(detail: { user: RegisteredUser; deepLink: string });
}
/** An error was shown to the registrant; `code` as in the API, or `network_error`. */
export declare class ChatpointErrorEvent extends CustomEvent<{ code: string; message: string }> {
  constructor(detail: { code: string; message: string });
}

/** The element's attributes, for templates and JSX typings. */
export interface ChatpointRegisterAttributes {
  link: string;
  endpoint?: string;
  lang?: string;
  theme?: 'light' | 'dark' | 'auto';
  preview?: boolean;
  onetap?: boolean;
}

declare global {
  interface HTMLElementTagNameMap {
    'chatpoint-register': ChatpointRegister;
  }
  interface HTMLElementEventMap {
    'chatpoint-code-sent': ChatpointCodeSentEvent;
    'chatpoint-registered': ChatpointRegisteredEvent;
    'chatpoint-error': ChatpointErrorEvent;
  }
}
