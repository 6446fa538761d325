import { limits } from './limits.ts';

/**
 * Every error the API can answer with: code → HTTP status and the default sentence. Clients branch
 * on the code; facts a client needs (tries left, seconds to wait) travel in `details`, never in the sentence.
 */
export const errorCodes = {
  invalid_request: [400, 'The request is not valid.'],
  invalid_token: [401, 'This link or token is not valid any more.'],
  invalid_credentials: [401, 'The email or password is not right.'],
  unauthenticated: [401, 'Sign in first.'],
  forbidden: [403, 'You are not allowed to do this.'],
  cross_origin_write: [403, 'Cross-site requests are not accepted here.'],
  origin_not_allowed: [403, 'This registration link does not accept requests from this web site.'],
  challenge_failed: [403, 'The automatic check against bots failed. Please try again.'],
  not_found: [404, 'Nothing is here.'],
  link_not_found: [404, 'This registration link does not exist.'],
  registration_not_found: [404, 'This registration does not exist. Please start again.'],
  sign_in_not_found: [404, 'This sign-in has ended. Please ask for a new code.'],
  user_not_found: [404, 'This user does not exist in your workdomain.'],
  workdomain_not_found: [404, 'This workdomain does not exist.'],
  conversation_not_found: [404, 'This conversation does not exist.'],
  webhook_not_found: [404, 'This webhook does not exist in your workdomain.'],
  registration_closed: [409, 'Registration is closed at the moment.'],
  plan_ineligible: [409, 'Public registration needs the Pro plan or above.'],
  pic_required: [409, 'Choose a person in charge before opening registration.'],
  pic_unavailable: [409, 'The person in charge is not an active member of this workdomain.'],
  capacity_reached: [409, 'All external-user seats are taken.'],
  conflict: [409, 'This was changed by someone else. Please try again.'],
  email_taken: [409, 'A user with this email already exists in this workdomain.'],
  slug_taken: [409, 'A workdomain with this slug already exists.'],
  code_expired: [410, 'This code has expired. Please ask for a new one.'],
  payload_too_large: [413, `The request body is larger than ${limits.maxBodyBytes / 1024} KiB.`],
  unsupported_media_type: [415, 'Send the request body as application/json.'],
  invalid_name: [422, `Please enter your name (1 to ${limits.nameMaxLength} characters).`],
  invalid_email: [422, 'Please enter a valid email address.'],
  email_domain_not_allowed: [422, 'Addresses at this email domain cannot register here.'],
  consent_required: [422, 'Please agree to the terms to register.'],
  invalid_field: [422, 'Please check your answer to this question.'],
  invalid_code: [422, 'That code is not right.'],
  registration_complete: [422, 'This registration is already complete. Sign in instead.'],
  code_superseded: [422, 'A newer code was sent; use the code from the latest email.'],
  weak_password: [422, 'Choose a password of 8 to 128 characters that is not a common one.'],
  invalid_message: [422, `A message has 1 to ${limits.chatMessageMaxLength} characters.`],
  invalid_welcome_message: [
    422,
    `The welcome message has at most ${limits.welcomeMessageMaxLength} characters.`,
  ],
  invalid_webhook_url: [
    422,
    'A webhook URL must use https and must not point at a loopback, private or link-local address.',
  ],
  too_many_attempts: [429, 'Too many wrong codes. Please start again.'],
  rate_limited: [429, 'Too many requests. Please wait and try again.'],
  internal_error: [500, 'Something went wrong on our side.'],
  not_ready: [503, 'The service is not ready yet.'],
  overloaded: [503, 'The service is busy. Please try again in a moment.'],
  unavailable: [503, 'The service is briefly unavailable. Please try again.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof errorCodes;

/** Structured facts some errors carry beside the sentence. */
export interface ErrorDetails {
  /** invalid_code, code_superseded: wrong codes this registration may still receive. */
  triesLeft?: number;
  /** 429 and 503: seconds to wait, the same number as the Retry-After header. */
  retryAfter?: number;
  /** invalid_field: the key of the question whose answer was refused. */
  field?: string;
  /** invalid_token of a password-reset link: why it no longer works. */
  reason?: ResetLinkProblem;
}

/** Why a password-reset link no longer works: used, expired, replaced by a newer one, or never issued. */
export type ResetLinkProblem = 'used' | 'expired' | 'replaced' | 'unknown';

/** The body of every error answer. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetails };
}
