import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorBody, type ErrorCode, type ErrorDetails, errorCodes } from '../contract/errors.ts';

export { type ErrorCode, errorCodes };

export class AppError extends Error {
  override name = 'AppError';
  readonly status: ContentfulStatusCode;
  /** Seconds, for 429 and 503 answers. */
  readonly retryAfter: number | undefined;
  readonly details: ErrorDetails | undefined;

  /** `status` overrides the table where one code has two statuses (invalid_token: 401 or 400). */
  constructor(
    readonly code: ErrorCode,
    options: {
      message?: string;
      retryAfter?: number;
      status?: ContentfulStatusCode;
      details?: Omit<ErrorDetails, 'retryAfter'>;
    } = {},
  ) {
    super(options.message ?? errorCodes[code][1]);
    this.status = options.status ?? (errorCodes[code][0] as ContentfulStatusCode);
    this.retryAfter =
      options.retryAfter === undefined ? undefined : Math.max(1, Math.ceil(options.retryAfter));
    const details = { ...options.details, ...(this.retryAfter ? { retryAfter: this.retryAfter } : {}) };
    this.details = Object.keys(details).length > 0 ? details : undefined;
  }
}

export function errorBody(
  code: ErrorCode,
  message: string = errorCodes[code][1],
  details?: ErrorDetails,
): ErrorBody {
  return { error: details ? { code, message, details } : { code, message } };
}
