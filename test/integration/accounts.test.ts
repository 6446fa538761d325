import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivateUser } from '../../server/admin/users.ts';
import { users } from '../../server/db/schema/index.ts';
import { bearer, login, registerSomeone } from '../helpers/accounts.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness, PUBLIC_URL } from '../helpers/harness.ts';

describe.each(backends)('accounts and chat on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  it('exchanges the login token for a session; /api/me shows the PIC contact', async () => {
    const { loginToken, user, pic, workdomain } = await registerSomeone(h);
    const exchanged = await h.request('POST', '/api/auth/exchange', { token: loginToken });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(exchanged.body.user).toEqual({
      id: user.id,
      name: 'Ann Lee',
      email: user.email,
      workdomain: { slug: workdomain.slug, name: workdomain.name },
      lang: 'en',
      role: 'member',
      kind: 'external',
      mustChangePassword: true,
    });
    const cookie = exchanged.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cp_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(exchanged.headers.get('cache-control')).toBe('no-store');

    const me = await h.request('GET', '/api/me', undefined, bearer(exchanged.body.sessionToken));
    expect(me.status).toBe(200);
    expect(me.body.user).toEqual(exchanged.body.user);
    expect(me.body.contacts).toEqual([{ id: pic.id, name: 'Pat Chen', email: pic.email }]);

    const byCookie = await h.request('GET', '/api/me', undefined, { cookie: cookie.split(';')[0]! });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body.user.id).toBe(user.id);

    const anonymous = await h.request('GET', '/api/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
  });

  it('shows the conversation with the PIC holding the welcome message exactly once', async () => {
    const { loginToken, pic } = await registerSomeone(h, { welcome: 'Hi <b>there</b>, welcome!' });
    const { body } = await h.request('POST', '/api/auth/exchange', { token: loginToken });
    const auth = bearer(body.sessionToken);

    const list = await h.request('GET', '/api/conversations', undefined, auth);
    expect(list.status).toBe(200);
    expect(list.body.conversations).toHaveLength(1);
    const [conversation] = list.body.conversations;
    expect(conversation.with).toEqual({ id: pic.id, name: 'Pat Chen', email: pic.email, active: true });
    expect(conversation.lastMessage).toMatchObject({
      senderId: pic.id,
      body: 'Hi <b>there</b>, welcome!',
      kind: 'text',
    });

    const history = await h.request('GET', `/api/conversations/${conversation.id}/messages`, undefined, auth);
    expect(history.status).toBe(200);
    expect(history.body.messages.map((m: any) => [m.kind, m.senderId, m.body])).toEqual([
      ['system', null, expect.stringMatching(/^Ann Lee joined .+ through its registration page\.$/)],
      ['text', pic.id, 'Hi <b>there</b>, welcome!'],
    ]);
    for (const message of history.body.messages) {
      expect(new Date(message.createdAt).toISOString()).toBe(message.createdAt);
    }
  });

  it('sends messages both ways, polls with "after", and refuses bad bodies with 422', async () => {
    const { loginToken, pic, workdomain } = await registerSomeone(h);
    const { body } = await h.request('POST', '/api/auth/exchange', { token: loginToken });
    const auth = bearer(body.sessionToken);
    const [conversation] = (await h.request('GET', '/api/conversations', undefined, auth)).body.conversations;
    const path = `/api/conversations/${conversation.id}/messages`;
    const before = (await h.request('GET', path, undefined, auth)).body.messages;
    const lastSeen = before.at(-1);

    const sent = await h.request('POST', path, { body: '<script>alert(1)</script>\nsecond line' }, auth);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      senderId: body.user.id,
      body: '<script>alert(1)</script>\nsecond line',
      kind: 'text',
    });

    const picSession = await login(h, workdomain.slug, pic.email, 'pic-pass-12345');
    expect(picSession.status).toBe(200);
    expect(picSession.body.mustChangePassword).toBe(false);
    const picAuth = bearer(picSession.body.sessionToken);
    const picList = await h.request('GET', '/api/conversations', undefined, picAuth);
    expect(picList.body.conversations.map((c: any) => c.id)).toContain(conversation.id);
    const reply = await h.request('POST', path, { body: 'Thanks for writing.' }, picAuth);
    expect(reply.status).toBe(201);

    const byId = await h.request('GET', `${path}?after=${lastSeen.id}`, undefined, auth);
    expect(byId.body.messages.map((m: any) => m.body)).toEqual([
      '<script>alert(1)</script>\nsecond line',
      'Thanks for writing.',
    ]);
    const byTime = await h.request(
      'GET',
      `${path}?after=${encodeURIComponent(sent.body.createdAt)}`,
      undefined,
      auth,
    );
    expect(byTime.body.messages.map((m: any) => m.id)).toEqual([reply.body.id]);
    const nothingNew = await h.request('GET', `${path}?after=${reply.body.id}`, undefined, auth);
    expect(nothingNew.body.messages).toEqual([]);
    const badAfter = await h.request('GET', `${path}?after=yesterday`, undefined, auth);
    expect(badAfter.status).toBe(400);

    const list = await h.request('GET', '/api/conversations', undefined, auth);
    expect(list.body.conversations[0].lastMessage).toMatchObject({ id: reply.body.id, senderId: pic.id });

    for (const bad of ['', '   \n ', 'x'.repeat(4001)]) {
      const refused = await h.request('POST', path, { body: bad }, auth);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('invalid_message');
    }
    const longest = await h.request('POST', path, { body: 'é'.repeat(4000) }, auth);
    expect(longest.status).toBe(201);
    const extra = await h.request('POST', path, { body: 'hi', html: true }, auth);
    expect(extra.status).toBe(400);
    expect(extra.body.error.code).toBe('invalid_request');
  });

  it('hides other people’s conversations: 404 conversation_not_found', async () => {
    const first = await registerSomeone(h);
    const second = await registerSomeone(h);
    const a = (await h.request('POST', '/api/auth/exchange', { token: first.loginToken })).body;
    const b = (await h.request('POST', '/api/auth/exchange', { token: second.loginToken })).body;
    const [theirs] = (await h.request('GET', '/api/conversations', undefined, bearer(b.sessionToken))).body
      .conversations;
    for (const id of [theirs.id, 'x', '00000000-0000-0000-0000-000000000000']) {
      const read = await h.request(
        'GET',
        `/api/conversations/${id}/messages`,
        undefined,
        bearer(a.sessionToken),
      );
      expect(read.status).toBe(404);
      expect(read.body.error.code).toBe('conversation_not_found');
      const write = await h.request(
        'POST',
        `/api/conversations/${id}/messages`,
        { body: 'hello' },
        bearer(a.sessionToken),
      );
      expect(write.status).toBe(404);
      expect(write.body.error.code).toBe('conversation_not_found');
    }
  });

  it('refuses a cookie-authenticated write from another origin with 403', async () => {
    const { loginToken } = await registerSomeone(h);
    const exchanged = await h.request('POST', '/api/auth/exchange', { token: loginToken });
    const cookie = exchanged.headers.get('set-cookie')!.split(';')[0]!;
    const [conversation] = (
      await h.request('GET', '/api/conversations', undefined, { cookie, origin: 'https://evil.test' })
    ).body.conversations;
    const path = `/api/conversations/${conversation.id}/messages`;

    const forged = await h.request('POST', path, { body: 'forged' }, { cookie, origin: 'https://evil.test' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('cross_origin_write');
    const forgedX = await h.request(
      'POST',
      '/api/conversations/x/messages',
      { body: 'forged' },
      {
        cookie,
        origin: 'https://evil.test',
      },
    );
    expect(forgedX.status).toBe(403);
    const logoutForged = await h.request('POST', '/api/auth/logout', undefined, {
      cookie,
      'sec-fetch-site': 'cross-site',
    });
    expect(logoutForged.status).toBe(403);

    const own = await h.request('POST', path, { body: 'mine' }, { cookie, origin: PUBLIC_URL });
    expect(own.status).toBe(201);
    const history = (await h.request('GET', path, undefined, { cookie })).body.messages;
    expect(history.map((m: any) => m.body)).not.toContain('forged');
  });

  it('logs out: the session stops working and the cookie is cleared', async () => {
    const { loginToken } = await registerSomeone(h);
    const { body } = await h.request('POST', '/api/auth/exchange', { token: loginToken });
    const out = await h.request('POST', '/api/auth/logout', undefined, bearer(body.sessionToken));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^cp_session=;.*Max-Age=0/);
    const me = await h.request('GET', '/api/me', undefined, bearer(body.sessionToken));
    expect(me.status).toBe(401);
  });

  it('signs in with the code (mustChangePassword), changes the password, and the code dies', async () => {
    const { workdomain, email, code, user } = await registerSomeone(h);
    const first = await login(h, workdomain.slug, email.toUpperCase(), code);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    expect(first.body.user).toMatchObject({ id: user.id, mustChangePassword: true });
    expect(first.headers.get('set-cookie')).toMatch(/^cp_session=/);
    const other = await login(h, workdomain.slug, email, code);
    expect(other.status).toBe(200);
    const auth = bearer(first.body.sessionToken);

    const weak = await h.request(
      'POST',
      '/api/auth/change-password',
      { currentPassword: code, newPassword: 'password' },
      auth,
    );
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('weak_password');
    const wrong = await h.request(
      'POST',
      '/api/auth/change-password',
      { currentPassword: '000000x', newPassword: 'a fresh passphrase' },
      auth,
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');

    const changed = await h.request(
      'POST',
      '/api/auth/change-password',
      { currentPassword: code, newPassword: 'a fresh passphrase' },
      auth,
    );
    expect(changed.status).toBe(204);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.initialPasswordExpiresAt).toBeNull();

    // This session stays; the other one ended; a notice went out.
    expect((await h.request('GET', '/api/me', undefined, auth)).body.user.mustChangePassword).toBe(false);
    expect((await h.request('GET', '/api/me', undefined, bearer(other.body.sessionToken))).status).toBe(401);
    const notice = await h.smtp.waitFor(email, (mail) => /password was changed/.test(mail.subject));
    expect(notice.text).toContain('Ann Lee');

    const withNew = await login(h, workdomain.slug, email, 'a fresh passphrase');
    expect(withNew.status).toBe(200);
    expect(withNew.body.mustChangePassword).toBe(false);
    const withCode = await login(h, workdomain.slug, email, code);
    expect(withCode.status).toBe(401);
    expect(withCode.body.error.code).toBe('invalid_credentials');
  });

  it('stops the initial password after its 7 days: 401', async () => {
    const { workdomain, email, code, user } = await registerSomeone(h);
    await h.db
      .update(users)
      .set({ initialPasswordExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(users.id, user.id));
    const late = await login(h, workdomain.slug, email, code);
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('invalid_credentials');
  });

  it('deactivating a user ends their sessions and unused login tokens', async () => {
    const { workdomain, email, code, user, loginToken } = await registerSomeone(h);
    const signedIn = await login(h, workdomain.slug, email, code);
    expect(signedIn.status).toBe(200);
    await deactivateUser(h.db, workdomain.id, user.id, { kind: 'operator' }, PUBLIC_URL);

    const me = await h.request('GET', '/api/me', undefined, bearer(signedIn.body.sessionToken));
    expect(me.status).toBe(401);
    const exchange = await h.request('POST', '/api/auth/exchange', { token: loginToken });
    expect(exchange.status).toBe(401);
    expect(exchange.body.error.code).toBe('invalid_token');
    const again = await login(h, workdomain.slug, email, code);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('invalid_credentials');
  });

  it('documents every account and chat route in /openapi.json', async () => {
    const doc = (await h.request('GET', '/openapi.json')).body;
    const expected: [string, string, string][] = [
      ['/api/auth/exchange', 'post', 'Accounts'],
      ['/api/auth/login', 'post', 'Accounts'],
      ['/api/auth/logout', 'post', 'Accounts'],
      ['/api/auth/change-password', 'post', 'Accounts'],
      ['/api/auth/password-reset', 'post', 'Accounts'],
      ['/api/auth/password-reset/confirm', 'post', 'Accounts'],
      ['/api/me', 'get', 'Accounts'],
      ['/api/conversations', 'get', 'Chat'],
      ['/api/conversations/{id}/messages', 'get', 'Chat'],
      ['/api/conversations/{id}/messages', 'post', 'Chat'],
    ];
    for (const [path, method, tag] of expected) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual([tag]);
    }
    expect(doc.components.securitySchemes.sessionBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
