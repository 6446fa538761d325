import type { ErrorDetails } from '../../contract/errors.ts';
import { fill, words } from './i18n/index.ts';

/** Same-origin JSON client for the hosted pages: the session rides in the HttpOnly cookie. */

/** An error answer of the API, or `network_error` when no answer came. Pages branch on `code`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
    /** Structured facts beside the sentence (tries left, seconds to wait, why a link failed). */
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

/** One request to the API: JSON in (when there is a body) and JSON out; a failure throws ApiError. */
export async function api<T = void>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: object,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body
        ? { accept: 'application/json', 'content-type': 'application/json' }
        : { accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(
      'network_error',
      'ChatPoint could not be reached. Check your connection and try again.',
    );
  }
  // 202 and 204 answers carry no body.
  const json = await res.json().catch(() => ({}));
  if (res.ok) return json as T;
  const error = json?.error ?? {};
  throw new ApiError(
    error.code ?? 'generic',
    error.message ?? `Something went wrong (${res.status}). Please try again.`,
    res.status,
    error.details ?? {},
  );
}

const SPECIFIC_CODES = new Set(['invalid_request', 'invalid_webhook_url']);

/** The error in the page's language, by its code; a code without words keeps the server's sentence. */
export function errorMessage(error: unknown): string {
  const texts: Record<string, string> = words().errors;
  if (!(error instanceof ApiError)) return texts.generic!;
  const { triesLeft } = error.details;
  if (error.code === 'invalid_code' && typeof triesLeft === 'number') {
    const tries = words().codeTries;
    const text = triesLeft === 0 ? tries.none : triesLeft === 1 ? tries.leftOne : tries.left;
    return fill(text, { count: triesLeft });
  }
  // These sentences name the field and the value that failed, which a catalogue text cannot.
  if (SPECIFIC_CODES.has(error.code) && error.message) return error.message;
  const text = Object.hasOwn(texts, error.code) ? texts[error.code] : undefined;
  return text ? fill(text) : error.message || texts.generic!;
}
