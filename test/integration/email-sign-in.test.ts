import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../server/accounts/password-hasher.ts';
import { createInternalUser } from '../../server/accounts/users.ts';
import { passwordResets, sessions, verificationCodes } from '../../server/db/schema/index.ts';
import { createWorkdomain } from '../../server/workdomains/workdomains.ts';
import { bearer, registerSomeone, resetTokenFor } from '../helpers/accounts.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const isSignInCode = (mail: { subject: string }) => mail.subject.endsWith('is your ChatPoint sign-in code');

describe.each(backends)('sign-in by email, first passwords and reset links on %s', (backend) => {
  let h: Harness;
  const hasher = createPasswordHasher(1000);
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  const start = (email: string) => h.request('POST', '/api/auth/sign-in/start', { email });
  const verify = (body: Record<string, string>) => h.request('POST', '/api/auth/sign-in/verify', body);

  /** The newest sign-in code mailed to `email`, after `skip` earlier ones. */
  async function signInCodeFor(email: string, skip = 0) {
    await h.smtp.waitFor(email, () => h.smtp.all(email).filter(isSignInCode).length > skip);
    const mail = h.smtp.all(email).filter(isSignInCode).at(-1)!;
    return { code: codeIn(mail), mail };
  }

  /** A second workdomain where `email` also has an account. */
  async function alsoIn(name: string, email: string, password = 'shared-pass-12345') {
    const workdomain = await createWorkdomain(h.db, {
      name,
      slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now().toString(36)}`,
      plan: 'pro',
      externalUserLimit: 5,
    });
    await createInternalUser(h.db, hasher, {
      workdomainId: workdomain.id,
      email,
      name: 'Sam Both',
      password,
      role: 'member',
    });
    return workdomain;
  }

  it('answers start the same for a known and an unknown address, and mails the code only to an account', async () => {
    const { email } = await registerSomeone(h);
    const known = await start(email);
    const unknown = await start(`nobody-${Date.now()}@example.com`);
    for (const answer of [known, unknown]) {
      expect(answer.status).toBe(202);
      expect(Object.keys(answer.body)).toEqual(['attemptId']);
      expect(answer.body.attemptId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const headerNames = (headers: Headers) => [...headers.keys()].sort();
    expect(headerNames(known.headers)).toEqual(headerNames(unknown.headers));
    expect(known.headers.get('set-cookie')).toBeNull();

    const { code, mail } = await signInCodeFor(email);
    expect(mail.text).toMatch(/Acme \d+/);
    // The unknown address's attempt has a code nobody knows: a guess is a wrong code like any other.
    const guessed = await verify({ attemptId: unknown.body.attemptId, code });
    expect(guessed.status).toBe(422);
    expect(guessed.body.error.code).toBe('invalid_code');

    const signedIn = await verify({ attemptId: known.body.attemptId, code });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.email).toBe(email);
    expect(signedIn.body.mustChangePassword).toBe(true);
    expect(signedIn.headers.get('set-cookie')).toMatch(/^cp_session=/);
    // Single use.
    const again = await verify({ attemptId: known.body.attemptId, code });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toMatch(/already used/);
  });

  it('lets an address in several workdomains choose one by name; the code works once', async () => {
    const email = `sam-${Date.now()}@example.com`;
    const globex = await alsoIn('Globex', email);
    const initech = await alsoIn('Initech', email);
    const started = await start(email);
    const { code, mail } = await signInCodeFor(email);
    expect(mail.text).toContain('Globex, Initech');

    const choice = await verify({ attemptId: started.body.attemptId, code });
    expect(choice.status).toBe(200);
    expect(choice.body).toEqual({
      choose: [
        { slug: globex.slug, name: 'Globex' },
        { slug: initech.slug, name: 'Initech' },
      ],
    });
    expect(choice.headers.get('set-cookie')).toBeNull();

    const chosen = await verify({ attemptId: started.body.attemptId, code, workdomain: initech.slug });
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.workdomain).toEqual({ slug: initech.slug, name: 'Initech' });
    const [session] = await h.db.select().from(sessions).where(eq(sessions.userId, chosen.body.user.id));
    expect(session!.via).toBe('code');
    const other = await verify({ attemptId: started.body.attemptId, code, workdomain: globex.slug });
    expect(other.status).toBe(422);
  });

  it('counts 16 parallel wrong codes, allows 5, then refuses even the right code', async () => {
    const { email } = await registerSomeone(h);
    const started = await start(email);
    const { code } = await signInCodeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 16 }, () => verify({ attemptId: started.body.attemptId, code: wrong })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 422)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(11);
    const left = answers.filter((a) => a.status === 422).map((a) => a.body.error.details.triesLeft);
    expect(left.sort()).toEqual([0, 1, 2, 3, 4]);
    const right = await verify({ attemptId: started.body.attemptId, code });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too_many_attempts');
    const [row] = await h.db
      .select()
      .from(verificationCodes)
      .where(eq(verificationCodes.subjectId, started.body.attemptId));
    expect(row!.purpose).toBe('sign_in');
    expect(row!.attempts).toBe(17);
    expect(row!.codeHash).not.toContain(code);
  });

  it('refuses an expired code with 410 and an unknown attempt with 404', async () => {
    const { email } = await registerSomeone(h);
    const started = await start(email);
    const { code } = await signInCodeFor(email);
    await h.db
      .update(verificationCodes)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(verificationCodes.subjectId, started.body.attemptId));
    const expired = await verify({ attemptId: started.body.attemptId, code });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('code_expired');
    const unknown = await verify({ attemptId: '7f1c1a56-0d5e-4a43-9d0f-3d4f8a4b2c11', code });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('sign_in_not_found');
    const malformed = await start('not an address');
    expect(malformed.status).toBe(422);
  });

  it('signs in with email and password alone; several workdomains answer a choice of those the password opens', async () => {
    const email = `pat-${Date.now()}@example.com`;
    const one = await alsoIn('Umbrella', email, 'umbrella-pass-123');
    const login = (body: Record<string, string>) => h.request('POST', '/api/auth/login', body);
    const single = await login({ email, password: 'umbrella-pass-123' });
    expect(single.status).toBe(200);
    expect(single.body.user.workdomain.slug).toBe(one.slug);

    const two = await alsoIn('Vandelay', email, 'umbrella-pass-123');
    const choice = await login({ email, password: 'umbrella-pass-123' });
    expect(choice.status).toBe(200);
    expect(choice.body.choose.map((option: { name: string }) => option.name)).toEqual([
      'Umbrella',
      'Vandelay',
    ]);
    const chosen = await login({ email, password: 'umbrella-pass-123', workdomain: two.slug });
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.workdomain.slug).toBe(two.slug);

    const wrong = await login({ email, password: 'not-the-password' });
    const nobody = await login({ email: `nobody-${Date.now()}@example.com`, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(wrong.body).toEqual(nobody.body);
  });

  it('lets a fresh link or code session choose the first password without the code, and nothing else', async () => {
    const first = await registerSomeone(h);
    const exchanged = await h.request('POST', '/api/auth/exchange', { token: first.loginToken });
    const auth = bearer(exchanged.body.sessionToken);
    const me = await h.request('GET', '/api/me', undefined, auth);
    expect(me.body.choosePasswordWithoutCode).toBe(true);
    const change = (headers: Record<string, string>, body: Record<string, string>) =>
      h.request('POST', '/api/auth/change-password', body, headers);

    // A session that began with the typed code (a password sign-in) must give the current password.
    const typed = await h.request('POST', '/api/auth/login', {
      workdomain: first.workdomain.slug,
      email: first.email,
      password: first.code,
    });
    const typedAuth = bearer(typed.body.sessionToken);
    expect((await h.request('GET', '/api/me', undefined, typedAuth)).body.choosePasswordWithoutCode).toBe(
      false,
    );
    const refused = await change(typedAuth, { newPassword: 'lantern-orchard-42' });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_credentials');

    // Older than 15 minutes: the same.
    const second = await registerSomeone(h);
    const old = await h.request('POST', '/api/auth/exchange', { token: second.loginToken });
    await h.db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '16 minutes'` })
      .where(eq(sessions.userId, second.user.id));
    expect((await change(bearer(old.body.sessionToken), { newPassword: 'lantern-orchard-42' })).status).toBe(
      401,
    );

    const saved = await change(auth, { newPassword: 'lantern-orchard-42' });
    expect(saved.status).toBe(204);
    const after = await h.request('GET', '/api/me', undefined, auth);
    expect(after.body.user.mustChangePassword).toBe(false);
    expect(after.body.choosePasswordWithoutCode).toBe(false);
    // Once a password is chosen, leaving out the current one never works again.
    expect((await change(auth, { newPassword: 'another-orchard-43' })).status).toBe(401);
    const signIn = await h.request('POST', '/api/auth/login', {
      workdomain: first.workdomain.slug,
      email: first.email,
      password: 'lantern-orchard-42',
    });
    expect(signIn.status).toBe(200);
  });

  it('checks a reset link without using it, and says why one no longer works', async () => {
    const { email, workdomain } = await registerSomeone(h);
    const check = (token: string) => h.request('POST', '/api/auth/password-reset/check', { token });
    const ask = () => h.request('POST', '/api/auth/password-reset', { workdomain: workdomain.slug, email });

    await ask();
    const firstLink = await resetTokenFor(h, email);
    expect((await check(firstLink.token)).status).toBe(204);
    expect((await check(firstLink.token)).status).toBe(204);

    await ask();
    const secondLink = await resetTokenFor(h, email, 1);
    const replaced = await check(firstLink.token);
    expect(replaced.status).toBe(400);
    expect(replaced.body.error).toMatchObject({ code: 'invalid_token', details: { reason: 'replaced' } });

    const confirmed = await h.request('POST', '/api/auth/password-reset/confirm', {
      token: secondLink.token,
      password: 'quiet-meadow-river-9',
    });
    expect(confirmed.status).toBe(204);
    const used = await check(secondLink.token);
    expect(used.body.error.details.reason).toBe('used');
    expect(used.body.error.message).toMatch(/already used/);

    await ask();
    const thirdLink = await resetTokenFor(h, email, 2);
    await h.db.update(passwordResets).set({ expiresAt: sql`now() - interval '1 second'` });
    expect((await check(thirdLink.token)).body.error.details.reason).toBe('expired');
    expect((await check('made-up-token')).body.error.details.reason).toBe('unknown');
  });

  it('counts messages from the other side as unread until the conversation is fetched', async () => {
    const { loginToken, pic } = await registerSomeone(h);
    const exchanged = await h.request('POST', '/api/auth/exchange', { token: loginToken });
    const ann = bearer(exchanged.body.sessionToken);
    const list = async (headers: Record<string, string>) =>
      (await h.request('GET', '/api/conversations', undefined, headers)).body.conversations;

    const [conversation] = await list(ann);
    // The welcome message from the PIC; the system line does not count.
    expect(conversation.unread).toBe(1);
    await h.request('GET', `/api/conversations/${conversation.id}/messages`, undefined, ann);
    expect((await list(ann))[0].unread).toBe(0);

    const picLogin = await h.request('POST', '/api/auth/login', {
      workdomain: (await h.request('GET', '/api/me', undefined, ann)).body.user.workdomain.slug,
      email: pic.email,
      password: 'pic-pass-12345',
    });
    const picAuth = bearer(picLogin.body.sessionToken);
    for (const body of ['Hello Ann', 'Are you there?'])
      await h.request('POST', `/api/conversations/${conversation.id}/messages`, { body }, picAuth);
    await h.request('POST', `/api/conversations/${conversation.id}/messages`, { body: 'Yes!' }, ann);
    expect((await list(ann))[0].unread).toBe(2);
    // The PIC never fetched it: the registrant's own "Yes!" is the PIC's unread line.
    expect((await list(picAuth)).find((c: { id: string }) => c.id === conversation.id).unread).toBe(1);
    await h.request('GET', `/api/conversations/${conversation.id}/messages`, undefined, ann);
    expect((await list(ann))[0].unread).toBe(0);
  });
});
