import { and, eq } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, conversations, messages, users, verificationCodes } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe.each(backends)('registration flow on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  it('shows link info, and 404 link_not_found for an unknown link', async () => {
    const { linkId, workdomain } = await h.seedWorkdomain();
    const info = await h.request('GET', `/api/registrations/${linkId}`);
    expect(info.status).toBe(200);
    expect(info.body).toEqual({
      workdomain: { name: workdomain.name },
      open: true,
      message: 'off',
      challenge: false,
      privacyPolicyUrl: null,
      termsUrl: null,
      consentRequired: false,
      policyVersion: '1',
      marketingOptIn: false,
      fields: [],
    });
    const missing = await h.request('GET', '/api/registrations/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('link_not_found');
  });

  it('registers: account, two-way PIC contact, conversation with the welcome message, login token', async () => {
    const { linkId, pic, workdomain } = await h.seedWorkdomain({ welcome: 'Hi <b>there</b>, welcome!' });
    const { verified } = await h.register(linkId, 'Ann Lee', 'Ann.Lee@Example.com');
    expect(verified.status).toBe(201);
    expect(verified.body.user).toMatchObject({ name: 'Ann Lee', email: 'Ann.Lee@example.com' });
    expect(verified.body.deepLink).toBe(
      `http://localhost:8787/app/open#token=${verified.body.loginToken}&email=${encodeURIComponent(verified.body.user.email)}`,
    );
    expect(verified.body.webUrl).toBe(
      `http://localhost:8787/app#token=${verified.body.loginToken}&email=Ann.Lee%40example.com`,
    );

    const header = decodeProtectedHeader(verified.body.loginToken);
    expect(header.alg).toBe('EdDSA');
    expect(header.kid).toBeTruthy();
    const claims = decodeJwt(verified.body.loginToken);
    expect(claims.sub).toBe(verified.body.user.id);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
    expect(claims.jti).toBeTruthy();

    const [user] = await h.db.select().from(users).where(eq(users.id, verified.body.user.id));
    expect(user).toMatchObject({ kind: 'external', status: 'active', emailCanonical: 'ann.lee@example.com' });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user!.initialPasswordExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);

    const links = await h.db.select().from(contacts).where(eq(contacts.userId, user!.id));
    expect(links.map((c) => c.contactUserId)).toEqual([pic.id]);
    const back = await h.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.userId, pic.id), eq(contacts.contactUserId, user!.id)));
    expect(back).toHaveLength(1);

    const [conversation] = await h.db
      .select()
      .from(conversations)
      .where(eq(conversations.workdomainId, workdomain.id));
    const lines = await h.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation!.id))
      .orderBy(messages.createdAt);
    expect(lines.map((m) => [m.kind, m.senderId, m.body])).toEqual([
      ['system', null, `Ann Lee joined ${workdomain.name} through its registration page.`],
      ['text', pic.id, 'Hi <b>there</b>, welcome!'],
    ]);
  });

  it('emails a 6-digit code as text, never as markup or in headers unescaped', async () => {
    const { linkId } = await h.seedWorkdomain();
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: '<img src=x onerror=alert(1)>',
      email: 'markup@example.com',
    });
    expect(started.status).toBe(202);
    const mail = await h.smtp.waitFor('markup@example.com');
    expect(mail.subject).toMatch(/^\d{6} is your ChatPoint verification code$/);
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.text).toContain('Hello <img src=x onerror=alert(1)>');
    const stored = await h.db
      .select()
      .from(verificationCodes)
      .where(eq(verificationCodes.subjectId, started.body.registrationId));
    expect(stored[0]!.codeHash).toBeTruthy();
    expect(stored[0]!.codeHash).not.toContain(/\d{6}/.exec(mail.subject)![0]);
  });

  it('refuses bad names and emails with 422', async () => {
    const { linkId } = await h.seedWorkdomain();
    const cases: [unknown, number, string][] = [
      [{ name: '', email: 'a@example.com' }, 422, 'invalid_name'],
      [{ name: 'Ann\r\nBcc: x@evil.test', email: 'a@example.com' }, 422, 'invalid_name'],
      [{ name: 'x'.repeat(101), email: 'a@example.com' }, 422, 'invalid_name'],
      [{ name: 'Ann', email: 'not-an-email' }, 422, 'invalid_email'],
      [{ name: 'Ann', email: 'a\u200b@example.com' }, 422, 'invalid_email'],
      [{ name: 'Ann', email: `${'a'.repeat(65)}@example.com` }, 422, 'invalid_email'],
      [{ name: 'Ann', email: 'ann@example.com', extra: 1 }, 400, 'invalid_request'],
      [{ name: 1, email: 'ann@example.com' }, 400, 'invalid_request'],
      [{ email: 'ann@example.com' }, 400, 'invalid_request'],
      ['{"name":', 400, 'invalid_request'],
    ];
    for (const [body, status, code] of cases) {
      const response = await h.request('POST', `/api/registrations/${linkId}/start`, body);
      expect({ body, status: response.status, code: response.body?.error?.code }).toEqual({
        body,
        status,
        code,
      });
      expect(typeof response.body.error.message).toBe('string');
    }
  });

  it('answers 413 over 16 KiB and 415 for a non-JSON body', async () => {
    const { linkId } = await h.seedWorkdomain();
    const big = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'A',
      email: 'x'.repeat(17_000),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const form = await h.request('POST', `/api/registrations/${linkId}/start`, 'name=a', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('unsupported_media_type');
  });

  it('treats the email as a case-insensitive login ID unique per workdomain', async () => {
    const { linkId } = await h.seedWorkdomain();
    const first = await h.register(linkId, 'Kim', 'kim@example.com');
    expect(first.verified.status).toBe(201);
    // Same address, other case and a Kelvin sign (NFKC folds it to K): the holder gets a sign-in code.
    const again = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Kim',
      email: '\u212Aim@EXAMPLE.com',
    });
    expect(again.status).toBe(202);
    const mail = await h.smtp.waitFor('im@EXAMPLE.com', (m) => /sign-in code/.test(m.subject));
    const code = mail.text.match(/\b(\d{6})\b/)![1]!;
    const guess = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: again.body.registrationId,
      code: code === '123456' ? '654321' : '123456',
    });
    expect(guess.status).toBe(422);
    expect(guess.body.error.code).toBe('invalid_code');
    const signedIn = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: again.body.registrationId,
      code,
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.id).toBe(first.verified.body.user.id);
  });

  it('counts wrong codes: 5 tries, then too_many_attempts even for the right code', async () => {
    const { linkId } = await h.seedWorkdomain();
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Bo',
      email: 'bo@example.com',
    });
    const code = await h.codeFor('bo@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i++) {
      const response = await h.request('POST', `/api/registrations/${linkId}/verify`, {
        registrationId: started.body.registrationId,
        code: wrong,
      });
      expect(response.status).toBe(422);
      expect(response.body.error.details).toEqual({ triesLeft: 5 - i });
      expect(response.body.error.message).toContain(i < 5 ? `${5 - i} tr` : 'not right');
    }
    const right = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too_many_attempts');
  });

  it('accepts a pasted code with spaces or dashes; a used code is single use', async () => {
    const { linkId } = await h.seedWorkdomain();
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Cy',
      email: 'cy@example.com',
    });
    const code = await h.codeFor('cy@example.com');
    const pasted = `${code.slice(0, 3)} - ${code.slice(3)}`;
    const ok = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: pasted,
    });
    expect(ok.status).toBe(201);
    const reuse = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    expect(reuse.status).toBe(422);
  });

  it('resend replaces the code: the old one dies and the try count stays', async () => {
    const { linkId } = await h.seedWorkdomain();
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Di',
      email: 'di@example.com',
    });
    const registrationId = started.body.registrationId;
    const oldCode = await h.codeFor('di@example.com');
    const wrong = oldCode === '000000' ? '111111' : '000000';
    await h.request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code: wrong });
    const resent = await h.request('POST', `/api/registrations/${linkId}/resend`, { registrationId });
    expect(resent.status).toBe(202);
    await h.smtp.waitFor('di@example.com', () => h.smtp.all('di@example.com').length >= 2);
    const newCode = await h.codeFor('di@example.com', 1);
    const [row] = await h.db
      .select()
      .from(verificationCodes)
      .where(eq(verificationCodes.subjectId, registrationId));
    expect(row!.attempts).toBe(1);
    if (newCode !== oldCode) {
      const old = await h.request('POST', `/api/registrations/${linkId}/verify`, {
        registrationId,
        code: oldCode,
      });
      expect(old.status).toBe(422);
    }
    const ok = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId,
      code: newCode,
    });
    expect(ok.status).toBe(201);
  });

  it('expires codes after 10 minutes with 410 code_expired', async () => {
    const { linkId } = await h.seedWorkdomain();
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Ed',
      email: 'ed@example.com',
    });
    const code = await h.codeFor('ed@example.com');
    await h.db
      .update(verificationCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verificationCodes.subjectId, started.body.registrationId));
    const late = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    expect(late.status).toBe(410);
    expect(late.body.error.code).toBe('code_expired');
  });
});
