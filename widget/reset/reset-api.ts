/** The password-reset endpoints (README, "HTTP API"). */
import { queryParam } from '../shared/address-token.ts';
import { api } from '../shared/api.ts';

const RETURN_PATHS = ['/admin', '/app'] as const;
export type ReturnPath = (typeof RETURN_PATHS)[number];

/** `?next=` when it names one of our own pages; anything else (another origin, `//host`) is ignored. */
export function returnPath(): ReturnPath | undefined {
  const next = queryParam('next');
  return RETURN_PATHS.find((path) => path === next);
}

export const resetApi = {
  request: (workdomain: string, email: string, next?: ReturnPath) =>
    api('POST', '/api/auth/password-reset', { workdomain, email, ...(next ? { next } : {}) }),
  confirm: (token: string, password: string) =>
    api('POST', '/api/auth/password-reset/confirm', { token, password }),
};
