/** Client for the public registration API (docs/api.md). Cross-origin, never sends cookies. */
import type { ErrorBody, ErrorDetails } from '../../contract/errors.ts';
import type { AltchaChallenge, LinkInfo, Resent, Started, Verified } from '../../contract/registration.ts';
import { en } from '../i18n/en.ts';

export type { LinkInfo, RegisteredUser } from '../../contract/registration.ts';
/**
 * A verified code: `returning` when it signed an existing member in (200) rather than registering
 * (201); `until` (epoch ms) when its login token stops working.
 */
export type Registration = Verified & { returning?: boolean; until: number };

/** An error answer of the API, or `network_error` when no answer came. The widget branches on `code`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
    readonly retryAfter?: number,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

// Used when a 429 arrives without a readable Retry-After (e.g. the header is not exposed to CORS).
const defaultRetryAfter = 60;

/** `read` turns a successful answer's JSON (and status) into the result. */
async function call<T>(url: string, body?: object, read = (json: T, _status: number) => json): Promise<T> {
  let res: Response;
  try {
    res = await fetch(
      url,
      body
        ? {
            method: 'POST',
            credentials: 'omit',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }
        : { credentials: 'omit' },
    );
  } catch {
    throw new ApiError('network_error', en.network_error);
  }
  // 202 answers may have no body.
  const json = await res.json().catch(() => ({}));
  if (res.ok) return read(json, res.status);
  const error: Partial<ErrorBody['error']> = json?.error ?? {};
  const retryAfter =
    res.status === 429
      ? Number(res.headers.get('retry-after')) || error.details?.retryAfter || defaultRetryAfter
      : undefined;
  throw new ApiError(
    error.code ?? 'generic',
    error.message ?? res.statusText,
    res.status,
    retryAfter,
    error.details,
  );
}

export function registrationApi(endpoint: string, link: string) {
  const base = `${endpoint.replace(/\/+$/, '')}/api/registrations/${encodeURIComponent(link)}`;
  return {
    /** `view` counts the visitor in the workdomain's funnel. */
    info: (view?: boolean) => call<LinkInfo>(view ? `${base}?view=1` : base),
    challenge: () => call<AltchaChallenge>(`${base}/challenge`),
    start: (name: string, email: string, lang: string, message?: string, altcha?: string, more?: object) =>
      call<Started>(`${base}/start`, { name, email, lang, message, altcha, ...more }),
    resend: (registrationId: string) => call<Resent>(`${base}/resend`, { registrationId }),
    verify: (registrationId: string, code: string) =>
      call<Registration>(`${base}/verify`, { registrationId, code }, (verified, status) => ({
        ...verified,
        returning: status === 200,
        // limits.loginTokenLifetimeSeconds (5 min) from the answer, less a little for the trip.
        until: Date.now() + 29e4,
      })),
  };
}

export type RegistrationApi = ReturnType<typeof registrationApi>;
