import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error the API can answer with: code → HTTP status and the default sentence. */
export const errorCodes = {
  invalid_request: [400, 'The request is not valid.'],
  invalid_token: [401, 'This link or token is not valid any more.'],
  invalid_credentials: [401, 'The email or password is not right.'],
  unauthenticated: [401, 'Sign in first.'],
  forbidden: [403, 'You are not allowed to do this.'],
  cross_origin_write: [403, 'Cross-site requests are not accepted here.'],
  not_found: [404, 'Nothing is here.'],
  link_not_found: [404, 'This registration link does not exist.'],
  registration_not_found: [404, 'This registration does not exist. Please start again.'],
  user_not_found: [404, 'This user does not exist in your workdomain.'],
  workdomain_not_found: [404, 'This workdomain does not exist.'],
  conversation_not_found: [404, 'This conversation does not exist.'],
  registration_closed: [409, 'Registration is closed at the moment.'],
  plan_ineligible: [409, 'Public registration needs the Pro plan or above.'],
  pic_required: [409, 'Choose a person in charge before opening registration.'],
  pic_unavailable: [409, 'The person in charge is not an active member of this workdomain.'],
  capacity_reached: [409, 'All external-user seats are taken.'],
  conflict: [409, 'This was changed by someone else. Please try again.'],
  email_taken: [409, 'A user with this email already exists in this workdomain.'],
  slug_taken: [409, 'A workdomain with this slug already exists.'],
  code_expired: [410, 'This code has expired. Please ask for a new one.'],
  payload_too_large: [413, 'The request body is larger than 16 KiB.'],
  unsupported_media_type: [415, 'Send the request body as application/json.'],
  invalid_name: [422, 'Please enter your name (1 to 100 characters).'],
  invalid_email: [422, 'Please enter a valid email address.'],
  invalid_code: [422, 'That code is not right.'],
  weak_password: [422, 'Choose a password of 8 to 128 characters that is not a common one.'],
  invalid_message: [422, 'A message has 1 to 4000 characters.'],
  invalid_welcome_message: [422, 'The welcome message has at most 2000 characters.'],
  too_many_attempts: [429, 'Too many wrong codes. Please start again.'],
  rate_limited: [429, 'Too many requests. Please wait and try again.'],
  internal_error: [500, 'Something went wrong on our side.'],
  not_ready: [503, 'The service is not ready yet.'],
  overloaded: [503, 'The service is busy. Please try again in a moment.'],
  unavailable: [503, 'The service is briefly unavailable. Please try again.'],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string]>;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: ContentfulStatusCode;
  /** Seconds, for 429 and 503 answers. */
  readonly retryAfter: number | undefined;

  /** `status` overrides the table where the contract gives one code two statuses (invalid_token: 401 or 400). */
  constructor(
    readonly code: ErrorCode,
    options: { message?: string; retryAfter?: number; status?: ContentfulStatusCode } = {},
  ) {
    super(options.message ?? errorCodes[code][1]);
    this.status = options.status ?? errorCodes[code][0];
    this.retryAfter =
      options.retryAfter === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfter));
  }
}

export function errorBody(code: ErrorCode, message: string = errorCodes[code][1]) {
  return { error: { code, message } };
}
