import type { Registration } from '../api/registration-api.ts';

/**
 * The code step, kept in sessionStorage per endpoint and link while the code is valid, so a reload,
 * back/forward or an app switch comes back to the same registration and the same code; after the
 * code, the Chat step.
 */
export type SavedProgress = {
  email: string;
  /** Epoch milliseconds. */
  expiresAt: number;
} & (
  | { registrationId: string; name: string; resendAvailableAt: number; registration?: undefined }
  /** Once verified: the answer, whose login token works until `registration.until`. */
  | {
      registration: Registration;
      registrationId?: undefined;
      name?: undefined;
      resendAvailableAt?: undefined;
    }
);

/**
 * Reads the progress under `key` (no `value`; only while its code is valid), saves it, or forgets
 * it (`null`). Storage may be missing or refuse (sandboxed frames, privacy modes): nothing is kept then.
 */
export function progress(key: string, value?: SavedProgress | null): SavedProgress | undefined {
  try {
    if (value) sessionStorage.setItem(key, JSON.stringify(value));
    else if (value === null) sessionStorage.removeItem(key);
    else {
      const saved: SavedProgress | null = JSON.parse(sessionStorage.getItem(key)!);
      if (saved && saved.expiresAt > Date.now()) return saved;
    }
  } catch {}
}
