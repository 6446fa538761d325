/** The password-reset endpoints (docs/api.md). */
import { api } from '../ui/api.ts';

export const resetApi = {
  /** Without a workdomain, every workdomain of the address gets a link. */
  request: (email: string, workdomain?: string) =>
    api('POST', '/api/auth/password-reset', { email, workdomain }),
  /** 204 while the link works; 400 invalid_token with `details.reason` once it does not. */
  check: (token: string) => api('POST', '/api/auth/password-reset/check', { token }),
  confirm: (token: string, password: string) =>
    api('POST', '/api/auth/password-reset/confirm', { token, password }),
};
