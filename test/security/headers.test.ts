import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe('headers, embedding and link integrity', () => {
  let h: Harness;
  let linkId: string;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite' });
    linkId = (await h.seedWorkdomain()).linkId;
  });
  afterAll(() => h?.close());

  it('opens the public registration API to any origin, without credentials', async () => {
    const preflight = await h.request('OPTIONS', `/api/registrations/${linkId}/start`, undefined, {
      origin: 'https://customer.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const info = await h.request('GET', `/api/registrations/${linkId}`, undefined, {
      origin: 'https://customer.example',
    });
    expect(info.headers.get('access-control-allow-origin')).toBe('*');
    expect(info.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('gives no CORS grant to the cookie-session endpoints', async () => {
    for (const path of ['/api/auth/login', '/api/me', '/api/admin/registration']) {
      const answer = await h.request('OPTIONS', path, undefined, {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
      });
      expect(answer.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('sends a strict CSP on every page; app, admin and reset cannot be framed; token pages send no Referer', async () => {
    for (const path of ['/app', '/app/open', '/admin', '/reset-password', `/join/${linkId}`]) {
      const page = await h.request('GET', path);
      expect(page.status, path).toBe(200);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
      expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      if (path !== `/join/${linkId}`) expect(csp, path).toContain("frame-ancestors 'none'");
    }
    for (const path of ['/app', '/app/open', '/reset-password']) {
      expect((await h.request('GET', path)).headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('never lets Host or X-Forwarded-Host change a link', async () => {
    const poison = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const started = await h.request(
      'POST',
      `/api/registrations/${linkId}/start`,
      { name: 'Host', email: 'host@example.com' },
      poison,
    );
    const code = await h.codeFor('host@example.com');
    const verified = await h.request(
      'POST',
      `/api/registrations/${linkId}/verify`,
      { registrationId: started.body.registrationId, code },
      poison,
    );
    expect(verified.body.deepLink.startsWith(`${h.config.publicUrl}/app/open#token=`)).toBe(true);
    expect(verified.body.webUrl.startsWith(`${h.config.publicUrl}/app#token=`)).toBe(true);
    const page = await h.request('GET', `/join/${linkId}`, undefined, poison);
    expect(page.body).not.toContain('evil.example');
    expect(page.body).toContain(`${h.config.publicUrl}/join/${linkId}`);
  });

  it('writes no code, token or password to the log', async () => {
    const password = 'Sup3r-secret-passphrase';
    const { verified, code } = await h.register(linkId, 'Log Watcher', 'logs@example.com');
    const token = verified.body.loginToken as string;
    const exchanged = await h.request('POST', '/api/auth/exchange', { token });
    expect(exchanged.status).toBe(200);
    const bearer = { authorization: `Bearer ${exchanged.body.sessionToken}` };
    const changed = await h.request(
      'POST',
      '/api/auth/change-password',
      { currentPassword: code, newPassword: password },
      bearer,
    );
    expect(changed.status).toBe(204);
    await h.request('POST', '/api/auth/login', { workdomain: 'nope', email: 'logs@example.com', password });
    await h.request('POST', '/api/auth/password-reset', { workdomain: 'nope', email: 'logs@example.com' });
    await h.smtp.waitFor('logs@example.com', (mail) => /changed/i.test(mail.subject));
    const log = h.logLines.join('\n');
    expect(log).toContain('mail delivered');
    for (const secret of [code, token, exchanged.body.sessionToken, password])
      expect(log).not.toContain(secret);
  });
});

describe('HSTS when the public URL is https', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', env: { PUBLIC_URL: 'https://register.example.com' } });
  });
  afterAll(() => h?.close());

  it('sends Strict-Transport-Security on pages and API', async () => {
    for (const path of ['/admin', '/api/registrations/nope']) {
      expect((await h.request('GET', path)).headers.get('strict-transport-security'), path).toMatch(
        /max-age=\d+/,
      );
    }
  });
});
