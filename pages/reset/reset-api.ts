/** The password-reset endpoints (docs/api.md). */
import { queryParam } from '../ui/address-token.ts';
import { api } from '../ui/api.ts';

const RETURN_PATHS = ['/admin', '/app'] as const;
export type ReturnPath = (typeof RETURN_PATHS)[number];

/** `?next=` when it names one of our own pages; anything else (another origin, `//host`) is ignored. */
export function returnPath(): ReturnPath | undefined {
  const next = queryParam('next');
  return RETURN_PATHS.find((path) => path === next);
}

export const resetApi = {
  /** Without a workdomain, every workdomain of the address gets a link. */
  request: (email: string, workdomain?: string, next?: ReturnPath) =>
    api('POST', '/api/auth/password-reset', { email, workdomain, ...(next ? { next } : {}) }),
  /** 204 while the link works; 400 invalid_token with `details.reason` once it does not. */
  check: (token: string) => api('POST', '/api/auth/password-reset/check', { token }),
  confirm: (token: string, password: string) =>
    api('POST', '/api/auth/password-reset/confirm', { token, password }),
};
