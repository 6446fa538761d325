/** The password-reset endpoints (docs/api.md). */
import { api } from '../ui/api.ts';

export const resetApi = {
  request: (workdomain: string, email: string) =>
    api('POST', '/api/auth/password-reset', { workdomain, email }),
  confirm: (token: string, password: string) =>
    api('POST', '/api/auth/password-reset/confirm', { token, password }),
};
