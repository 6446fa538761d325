import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { deactivateUser } from '../../server/admin/users.ts';
import {
  contacts,
  conversations,
  messages,
  registrations,
  users,
  verificationCodes,
} from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

describe.each(backends)('returning registrants, superseded codes and first messages on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  let counter = 0;
  const uniqueEmail = (who: string) => `${who}.${++counter}.${Date.now().toString(36)}@example.com`;
  const start = (linkId: string, body: Record<string, unknown>) =>
    h.request('POST', `/api/registrations/${linkId}/start`, body);
  const verify = (linkId: string, registrationId: string, code: string) =>
    h.request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code });
  const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

  async function signInCodeFor(email: string, skip = 0) {
    const isSignIn = (mail: { subject: string }) => mail.subject.startsWith('Your sign-in code for');
    await h.smtp.waitFor(email, () => h.smtp.all(email).filter(isSignIn).length > skip);
    return h.smtp.all(email).filter(isSignIn).at(-1)!;
  }

  async function footprint(workdomainId: string) {
    const [userCount] = await h.db
      .select({ n: count() })
      .from(users)
      .where(eq(users.workdomainId, workdomainId));
    const [conversationCount] = await h.db
      .select({ n: count() })
      .from(conversations)
      .where(eq(conversations.workdomainId, workdomainId));
    const [contactCount] = await h.db.select({ n: count() }).from(contacts);
    const [messageCount] = await h.db.select({ n: count() }).from(messages);
    return {
      users: userCount!.n,
      conversations: conversationCount!.n,
      contacts: contactCount!.n,
      messages: messageCount!.n,
    };
  }

  it('mails an active member a sign-in code, and verify signs them in (200) creating nothing', async () => {
    const { linkId, workdomain } = await h.seedWorkdomain();
    const email = uniqueEmail('back');
    const first = await h.register(linkId, 'Ann Lee', email);
    expect(first.verified.status).toBe(201);
    const [before] = await h.db.select().from(users).where(eq(users.id, first.verified.body.user.id));
    const footprintBefore = await footprint(workdomain.id);

    const again = await start(linkId, { name: 'Someone Else', email: email.toUpperCase() });
    expect(again.status).toBe(202);
    const mail = await signInCodeFor(email);
    expect(mail.subject).toBe(`Your sign-in code for ${workdomain.name}`);
    // The holder is greeted by the account's name, not by what the form said.
    expect(mail.text).toContain('Hello Ann Lee');
    const code = codeIn(mail);

    const signedIn = await verify(linkId, again.body.registrationId, code);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    expect(signedIn.body.user).toEqual(first.verified.body.user);
    // The address rides along so the sign-in form can be filled in if the token is already spent.
    const address = encodeURIComponent(signedIn.body.user.email);
    expect(signedIn.body.deepLink).toBe(
      `${PUBLIC_URL}/app/open#token=${signedIn.body.loginToken}&email=${address}`,
    );
    expect(signedIn.body.webUrl).toBe(`${PUBLIC_URL}/app#token=${signedIn.body.loginToken}&email=${address}`);
    expect(await footprint(workdomain.id)).toEqual(footprintBefore);

    // The sign-in code is not a password, and the password is untouched.
    const [after] = await h.db.select().from(users).where(eq(users.id, before!.id));
    expect(after!.passwordHash).toBe(before!.passwordHash);
    const login = await h.request('POST', '/api/auth/login', {
      workdomain: workdomain.slug,
      email,
      password: code,
    });
    expect(login.status).toBe(401);

    const exchanged = await h.request('POST', '/api/auth/exchange', { token: signedIn.body.loginToken });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.user.id).toBe(before!.id);

    const reuse = await verify(linkId, again.body.registrationId, code);
    expect(reuse.status).toBe(422);
    // Used once: the sign-in is complete, and the answer says so (the widget then offers sign-in).
    expect(reuse.body.error.code).toBe('registration_complete');
  });

  it('counts wrong sign-in codes like registration codes: after 5, even the right one gets 429', async () => {
    const { linkId } = await h.seedWorkdomain();
    const email = uniqueEmail('guessed');
    await h.register(linkId, 'Bo', email);
    const started = await start(linkId, { name: 'Bo', email });
    const code = codeIn(await signInCodeFor(email));
    const wrong = await Promise.all(
      Array.from({ length: 5 }, () => verify(linkId, started.body.registrationId, otherThan(code))),
    );
    expect(wrong.map((answer) => answer.status).sort()).toEqual([422, 422, 422, 422, 422]);
    const right = await verify(linkId, started.body.registrationId, code);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too_many_attempts');
  });

  it('sends an inactive holder the notice, and no code works', async () => {
    const seeded = await h.seedWorkdomain();
    const email = uniqueEmail('gone');
    const gone = await h.register(seeded.linkId, 'Gone', email);
    await deactivateUser(
      h.db,
      seeded.workdomain.id,
      gone.verified.body.user.id,
      { kind: 'operator' },
      PUBLIC_URL,
    );
    const started = await start(seeded.linkId, { name: 'Gone', email });
    expect(started.status).toBe(202);
    const notice = await h.smtp.waitFor(email, (mail) => /already have/.test(mail.subject));
    expect(notice.text).not.toMatch(/\b\d{6}\b/);
    expect((await verify(seeded.linkId, started.body.registrationId, '123456')).body.error.code).toBe(
      'invalid_code',
    );
  });

  it('answers 422 code_superseded for the code a resend replaced, and counts it as a wrong try', async () => {
    const { linkId } = await h.seedWorkdomain();
    const email = uniqueEmail('resent');
    const started = await start(linkId, { name: 'Di', email });
    const registrationId = started.body.registrationId;
    const oldCode = await h.codeFor(email);
    const resent = await h.request('POST', `/api/registrations/${linkId}/resend`, { registrationId });
    expect(resent.status).toBe(202);
    expect(resent.body).toEqual({ resendAfter: 0, expiresIn: 600 });
    const newCode = await h.codeFor(email, 1);
    expect(newCode).not.toBe(oldCode); // one chance in a million to fail
    const old = await verify(linkId, registrationId, oldCode);
    expect(old.status).toBe(422);
    expect(old.body.error).toEqual({
      code: 'code_superseded',
      message: 'A newer code was sent; use the code from the latest email.',
      details: { triesLeft: 4 },
    });
    const [row] = await h.db
      .select()
      .from(verificationCodes)
      .where(eq(verificationCodes.subjectId, registrationId));
    expect(row!.attempts).toBe(1);
    expect((await verify(linkId, registrationId, newCode)).status).toBe(201);
  });

  it('lets a member post a first message through the form: off ignores it, required demands it', async () => {
    const seeded = await h.seedWorkdomain({ welcome: 'Welcome aboard!' });
    const { linkId, pic, workdomain } = seeded;
    const admin = { authorization: `Bearer ${(await createSession(h.db, seeded.admin.id)).sessionToken}` };
    const ignored = await start(linkId, {
      name: 'Off',
      email: uniqueEmail('off'),
      message: 'x'.repeat(5000),
    });
    expect(ignored.status).toBe(202);

    const changed = await h.request('PUT', '/api/admin/registration', { message: 'required' }, admin);
    expect(changed.status).toBe(200);
    expect(changed.body.message).toBe('required');
    expect((await h.request('GET', '/api/admin/registration', undefined, admin)).body.message).toBe(
      'required',
    );
    expect((await h.request('GET', `/api/registrations/${linkId}`)).body.message).toBe('required');
    const wrongMode = await h.request('PUT', '/api/admin/registration', { message: 'sometimes' }, admin);
    expect(wrongMode.status).toBe(400);

    for (const message of [undefined, '   ', 'x'.repeat(2001)]) {
      const refused = await start(linkId, { name: 'Eve', email: uniqueEmail('eve'), message });
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('invalid_message');
    }

    const email = uniqueEmail('writer');
    const body = 'Hello <b>Pat</b>,\ndo you ship to Osaka?';
    const started = await start(linkId, { name: 'Wren Writer', email, message: ` ${body} ` });
    expect(started.status).toBe(202);
    const verified = await verify(linkId, started.body.registrationId, await h.codeFor(email));
    expect(verified.status).toBe(201);
    const userId = verified.body.user.id as string;
    const [userAId, userBId] = [userId, pic.id].sort();
    const [conversation] = await h.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.userAId, userAId!), eq(conversations.userBId, userBId!)));
    const lines = await h.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation!.id))
      .orderBy(messages.createdAt);
    expect(lines.map((line) => [line.kind, line.senderId, line.body])).toEqual([
      ['system', null, `Wren Writer joined ${workdomain.name} through its registration page.`],
      ['text', pic.id, 'Welcome aboard!'],
      ['text', userId, body],
    ]);

    // The PIC hears about the new registrant, with the message as text and a link to the conversation.
    const told = await h.smtp.waitFor(pic.email, (mail) => mail.subject.includes('Wren Writer'));
    expect(told.subject).toBe(`Wren Writer joined ${workdomain.name} on ChatPoint`);
    expect(told.text).toContain(email);
    expect(told.text).toContain('do you ship to Osaka?');
    expect(told.text).toContain(`${PUBLIC_URL}/app?conversation=${conversation!.id}`);
    expect(told.html).toContain('Hello &lt;b&gt;Pat&lt;/b&gt;');
    expect(told.html).not.toContain('<b>Pat</b>');

    // Coming back with another message posts it into the same conversation; the PIC gets no new-registrant mail.
    const mailsToPic = h.smtp.all(pic.email).length;
    const back = await start(linkId, { name: 'Wren', email, message: 'Me again.' });
    const signedIn = await verify(linkId, back.body.registrationId, codeIn(await signInCodeFor(email)));
    expect(signedIn.status).toBe(200);
    const latest = await h.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversation!.id))
      .orderBy(messages.createdAt);
    expect(latest.at(-1)).toMatchObject({ senderId: userId, kind: 'text', body: 'Me again.' });
    expect(latest).toHaveLength(4);
    expect(h.smtp.all(pic.email)).toHaveLength(mailsToPic);
  });

  it('tells the PIC about a registrant who wrote nothing, without an empty quote', async () => {
    const { linkId, pic } = await h.seedWorkdomain();
    const email = uniqueEmail('quiet');
    expect((await h.register(linkId, 'Quinn Quiet', email)).verified.status).toBe(201);
    const told = await h.smtp.waitFor(pic.email, (mail) => mail.subject.includes('Quinn Quiet'));
    expect(told.text).toContain(email);
    expect(told.text).not.toContain('Their first message');
  });
});

describe.each(backends)('the resend wait, from the server, on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({
      backend,
      env: { RESEND_COOLDOWN_SECONDS: '30', RATE_LIMIT_SENDS_PER_EMAIL: '3' },
    });
  });
  afterAll(() => h?.close());

  const resend = (linkId: string, registrationId: string) =>
    h.request('POST', `/api/registrations/${linkId}/resend`, { registrationId });
  const endCooldown = (registrationId: string) =>
    h.db
      .update(registrations)
      .set({ lastSentAt: new Date(Date.now() - 60_000) })
      .where(eq(registrations.id, registrationId));

  it('says how long to wait in start and resend, longer once the 15-minute cap is used up', async () => {
    const { linkId } = await h.seedWorkdomain();
    const email = `wait.${Date.now().toString(36)}@example.com`;
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Wai', email });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ registrationId: expect.any(String), resendAfter: 30, expiresIn: 600 });
    const { registrationId } = started.body;

    const early = await resend(linkId, registrationId);
    expect(early.status).toBe(429);
    expect(Number(early.headers.get('retry-after'))).toBeLessThanOrEqual(30);

    await endCooldown(registrationId);
    const second = await resend(linkId, registrationId);
    expect(second.status).toBe(202);
    expect(second.body).toEqual({ resendAfter: 30, expiresIn: 600 });

    // The third send is the last of the 15-minute window: the wait runs to the window's end.
    await endCooldown(registrationId);
    const windowEnd = (Math.floor(Date.now() / 900_000) + 1) * 900_000;
    const third = await resend(linkId, registrationId);
    expect(third.status).toBe(202);
    const expected = Math.max(30, Math.ceil((windowEnd - Date.now()) / 1000));
    expect(third.body.resendAfter).toBeGreaterThanOrEqual(expected - 2);
    expect(third.body.resendAfter).toBeLessThanOrEqual(Math.max(30, 900));
    await endCooldown(registrationId);
    expect((await resend(linkId, registrationId)).status).toBe(429);
  });

  it('sends a new code after the old one expired, keeping the registration', async () => {
    const { linkId } = await h.seedWorkdomain();
    const email = `late.${Date.now().toString(36)}@example.com`;
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Late', email });
    const { registrationId } = started.body;
    await h.codeFor(email);
    await h.db
      .update(verificationCodes)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verificationCodes.subjectId, registrationId));
    await h.db
      .update(registrations)
      .set({ lastSentAt: new Date(Date.now() - 700_000) })
      .where(eq(registrations.id, registrationId));
    const resent = await resend(linkId, registrationId);
    expect(resent.status).toBe(202);
    const code = await h.codeFor(email, 1);
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, { registrationId, code });
    expect(verified.status).toBe(201);
  });
});
