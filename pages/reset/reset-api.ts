/** The password-reset endpoints (docs/api.md). */
import { api } from '../ui/api.ts';

export const resetApi = {
  request: (workdomain: string, email: string) =>
    api('POST', '/api/auth/password-reset', { workdomain, email }),
  /** 204 while the link works; 400 invalid_token with `details.reason` once it does not. */
  check: (token: string) => api('POST', '/api/auth/password-reset/check', { token }),
  confirm: (token: string, password: string) =>
    api('POST', '/api/auth/password-reset/confirm', { token, password }),
};
