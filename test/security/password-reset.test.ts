import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateUser } from '../../server/admin/users.ts';
import { passwordResets, users } from '../../server/db/schema/index.ts';
import { bearer, login, registerSomeone, resetTokenFor } from '../helpers/accounts.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';

const NEW_PASSWORD = 'correct horse battery';

describe.each(backends)('password reset on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  const requestReset = (workdomain: string, email: string, headers: Record<string, string> = {}) =>
    h.request('POST', '/api/auth/password-reset', { workdomain, email }, headers);
  const confirm = (token: string, password = NEW_PASSWORD) =>
    h.request('POST', '/api/auth/password-reset/confirm', { token, password });

  it('resets over the mailed link: sessions end, a notice arrives, the new password works', async () => {
    const { workdomain, email, code, user } = await registerSomeone(h);
    const session = await login(h, workdomain.slug, email, code);
    expect(session.status).toBe(200);

    const requested = await requestReset(workdomain.slug, email);
    expect(requested.status).toBe(202);
    expect(requested.body).toBeNull();
    const { url, token } = await resetTokenFor(h, email);
    expect(url).toBe(`${PUBLIC_URL}/reset-password#token=${token}`);
    const mail = h.smtp.all(email).at(-1)!;
    expect(mail.text).toContain('30 minutes');
    const [stored] = await h.db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(30 * 60_000);

    const done = await confirm(token);
    expect(done.status).toBe(204);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.initialPasswordExpiresAt).toBeNull();

    const me = await h.request('GET', '/api/me', undefined, bearer(session.body.sessionToken));
    expect(me.status).toBe(401);
    const notice = await h.smtp.waitFor(email, (m) => /password was changed/.test(m.subject));
    expect(notice.text).toContain(workdomain.name);

    expect((await login(h, workdomain.slug, email, code)).status).toBe(401);
    const fresh = await login(h, workdomain.slug, email, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect(fresh.body.mustChangePassword).toBe(false);

    const reused = await confirm(token, 'another fine passphrase');
    expect(reused.status).toBe(400);
    expect(reused.body.error.code).toBe('invalid_token');
  });

  it('builds the link from PUBLIC_URL, never from Host or X-Forwarded-Host', async () => {
    const { workdomain, email } = await registerSomeone(h);
    const response = await h.app.request('http://evil.test/api/auth/password-reset', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        host: 'evil.test',
        'x-forwarded-host': 'evil.test',
        'x-forwarded-proto': 'https',
        forwarded: 'host=evil.test;proto=https',
      },
      body: JSON.stringify({ workdomain: workdomain.slug, email }),
    });
    expect(response.status).toBe(202);
    const { url } = await resetTokenFor(h, email);
    expect(url.startsWith('http://localhost:8787/reset-password#token=')).toBe(true);
    const mail = h.smtp.all(email).at(-1)!;
    expect(mail.html).not.toContain('evil.test');
    expect(mail.text).not.toContain('evil.test');
  });

  it('answers 202 alike and mails nothing for unknown, inactive or other-workdomain addresses', async () => {
    const known = await registerSomeone(h);
    const inactive = await registerSomeone(h);
    await h.db.update(users).set({ status: 'inactive' }).where(eq(users.id, inactive.user.id));
    const asked = [
      await requestReset(known.workdomain.slug, 'nobody-here@example.com'),
      await requestReset('no-such-workdomain', known.email),
      await requestReset(inactive.workdomain.slug, known.email),
      await requestReset(inactive.workdomain.slug, inactive.email),
      await requestReset(known.workdomain.slug, 'not an email'),
      await requestReset(known.workdomain.slug, known.email),
    ];
    for (const answer of asked) {
      expect(answer.status).toBe(202);
      expect(answer.body).toBeNull();
      expect([...answer.headers.keys()].sort()).toEqual([...asked.at(-1)!.headers.keys()].sort());
    }
    // Requests are handled in order: once the last one's mail is here, the others are done.
    await resetTokenFor(h, known.email);
    expect(h.smtp.all('nobody-here@example.com')).toHaveLength(0);
    expect(h.smtp.all(inactive.email).filter((m) => /Reset/.test(m.subject))).toHaveLength(0);
    expect(h.smtp.all(known.email).filter((m) => /Reset/.test(m.subject))).toHaveLength(1);
  });

  it('sends at most 3 reset mails per address in 15 minutes, still answering 202', async () => {
    const { workdomain, email } = await registerSomeone(h);
    for (let i = 0; i < 5; i++) {
      expect((await requestReset(workdomain.slug, email)).status).toBe(202);
    }
    const other = await registerSomeone(h);
    await requestReset(other.workdomain.slug, other.email);
    await resetTokenFor(h, other.email);
    const [row] = await h.db.select().from(users).where(eq(users.email, email));
    const issued = await h.db.select().from(passwordResets).where(eq(passwordResets.userId, row!.id));
    expect(issued).toHaveLength(3);
  });

  it('kills the older link when a newer one is sent', async () => {
    const { workdomain, email } = await registerSomeone(h);
    await requestReset(workdomain.slug, email);
    const older = await resetTokenFor(h, email);
    await requestReset(workdomain.slug, email);
    const newer = await resetTokenFor(h, email, 1);
    expect(newer.token).not.toBe(older.token);
    const stale = await confirm(older.token);
    expect(stale.status).toBe(400);
    expect(stale.body.error.code).toBe('invalid_token');
    expect((await confirm(newer.token)).status).toBe(204);
  });

  it('checks the password policy before using the link: 422, and the link still works', async () => {
    const { workdomain, email } = await registerSomeone(h);
    await requestReset(workdomain.slug, email);
    const { token } = await resetTokenFor(h, email);
    for (const weak of ['short', 'password123', 'x'.repeat(129)]) {
      const refused = await confirm(token, weak);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('weak_password');
    }
    expect((await confirm(token)).status).toBe(204);
  });

  it('refuses unknown and expired links with 400 invalid_token', async () => {
    expect((await confirm('made-up-token')).status).toBe(400);
    const { workdomain, email, user } = await registerSomeone(h);
    await requestReset(workdomain.slug, email);
    const { token } = await resetTokenFor(h, email);
    await h.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, user.id));
    const late = await confirm(token);
    expect(late.status).toBe(400);
    expect(late.body).toEqual({
      error: {
        code: 'invalid_token',
        message: 'This reset link has expired. Please ask for a new one.',
        details: { reason: 'expired' },
      },
    });
  });

  it('uses a link once under 16 concurrent confirms', async () => {
    const { workdomain, email } = await registerSomeone(h);
    await requestReset(workdomain.slug, email);
    const { token } = await resetTokenFor(h, email);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => confirm(token, `${NEW_PASSWORD} ${i}`)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([204, ...Array(15).fill(400)]);
    // Exactly one of the passwords was set; checked on the hash, since 15 failed sign-ins would lock the account.
    const [row] = await h.db.select().from(users).where(eq(users.email, email));
    const matches = await Promise.all(
      Array.from({ length: 16 }, (_, i) => h.deps.hasher.verify(row!.passwordHash!, `${NEW_PASSWORD} ${i}`)),
    );
    expect(matches.filter(Boolean)).toHaveLength(1);
  });

  it('lifts a sign-in lock-out once the password is reset', async () => {
    const { workdomain, email, code } = await registerSomeone(h);
    for (let i = 0; i < 11; i++) await login(h, workdomain.slug, email, 'wrong password');
    expect((await login(h, workdomain.slug, email, code)).status).toBe(429);
    await requestReset(workdomain.slug, email);
    const { token } = await resetTokenFor(h, email);
    expect((await confirm(token)).status).toBe(204);
    expect((await login(h, workdomain.slug, email, NEW_PASSWORD)).status).toBe(200);
  });

  it('an unused reset link dies when the user is deactivated', async () => {
    const { workdomain, email, user } = await registerSomeone(h);
    await requestReset(workdomain.slug, email);
    const { token } = await resetTokenFor(h, email);
    await deactivateUser(h.db, workdomain.id, user.id, { kind: 'operator' }, PUBLIC_URL);
    expect((await confirm(token)).status).toBe(400);
  });
});
