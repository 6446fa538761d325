// Types of `@chatpoint/register/client`: the public registration API, as the element calls it.

export interface LinkInfo {
  workdomain: { name: string };
  open: boolean;
  /** Whether the form asks for a first message. */
  message: 'off' | 'optional' | 'required';
  /** Whether `start` needs a solved proof of work (`solveAltcha`). */
  challenge: boolean;
  [more: string]: unknown;
}
export interface AltchaChallenge {
  algorithm: 'SHA-256';
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}
export interface Started {
  registrationId: string;
  /** Seconds until `resend` is allowed. */
  resendAfter: number;
  /** Seconds the code stays valid. */
  expiresIn: number;
}
export interface Resent {
  resendAfter: number;
  expiresIn: number;
}
export interface RegisteredUser {
  id: string;
  name: string;
  email: string;
}
/**
 * A verified code: `returning` when it signed an existing member in (200) rather than registering
 * (201); `until` (epoch ms) when `loginToken` stops working.
 */
export interface Registration {
  user: RegisteredUser;
  /** Single use, 5 minutes; the app redeems it with `POST /api/auth/exchange`. */
  loginToken: string;
  /** Universal link into the app (the web app when the app is absent). */
  deepLink: string;
  webUrl: string;
  returning?: boolean;
  until: number;
}

/** An error answer of the API (`code` as in the API), or `network_error` when no answer came. */
export declare class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** Seconds to wait, for 429. */
  readonly retryAfter?: number;
  readonly details: { triesLeft?: number; retryAfter?: number; [more: string]: unknown };
  constructor(
    code: string,
    message: string,
    status?: number,
    retryAfter?: number,
    details?: { triesLeft?: number; retryAfter?: number },
  );
}

export interface RegistrationApi {
  /** The link's workdomain and form options; `view` counts the visitor in the funnel. */
  info(view?: boolean): Promise<LinkInfo>;
  /** A proof-of-work challenge, when `info().challenge`. */
  challenge(): Promise<AltchaChallenge>;
  /** Emails a code. `lang`: `en`, `zh-Hant`, `zh-Hans`, `ja`; `altcha` from `solveAltcha`. */
  start(name: string, email: string, lang: string, message?: string, altcha?: string): Promise<Started>;
  resend(registrationId: string): Promise<Resent>;
  verify(registrationId: string, code: string): Promise<Registration>;
}

/** The client for one registration link, against the ChatPoint API at `endpoint` (an origin). */
export declare function registrationApi(endpoint: string, link: string): RegistrationApi;
/** Solves a proof-of-work challenge in the browser (WebCrypto); returns `start`'s `altcha`. */
export declare function solveAltcha(challenge: AltchaChallenge): Promise<string>;
