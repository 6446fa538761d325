import type { ErrorDetails } from '../../contract/errors.ts';

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

export const errorMessage = (error: unknown) =>
  error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
