import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../contract/limits.ts';
import { bearer, login } from '../helpers/accounts.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

describe.each(backends)('welcome message per language on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  async function adminOf() {
    const seeded = await h.seedWorkdomain({ welcome: 'Welcome! How can we help?' });
    const session = (await login(h, seeded.workdomain.slug, seeded.admin.email, seeded.adminPassword)).body
      .sessionToken as string;
    const put = (body: unknown) => h.request('PUT', '/api/admin/registration', body, bearer(session));
    return { ...seeded, session, put };
  }

  /** Registers in `lang` and answers the text of the PIC's first message to the new user. */
  async function welcomeReadIn(linkId: string, lang: string, email: string) {
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Mei',
      email,
      lang,
    });
    expect(started.status).toBe(202);
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: codeIn(await h.smtp.waitFor(email)),
    });
    expect(verified.status).toBe(201);
    const exchanged = await h.request('POST', '/api/auth/exchange', { token: verified.body.loginToken });
    const auth = bearer(exchanged.body.sessionToken);
    const [conversation] = (await h.request('GET', '/api/conversations', undefined, auth)).body.conversations;
    const { messages } = (
      await h.request('GET', `/api/conversations/${conversation.id}/messages`, undefined, auth)
    ).body;
    return messages.find((message: { senderId: string | null }) => message.senderId !== null)?.body as string;
  }

  it('starts empty, stores, merges and removes languages', async () => {
    const { session, put } = await adminOf();
    const shown = await h.request('GET', '/api/admin/registration', undefined, bearer(session));
    expect(shown.body.welcomeMessages).toEqual({});

    const set = await put({ welcomeMessages: { ja: 'ようこそ！', 'zh-Hant': '歡迎！' } });
    expect(set.status).toBe(200);
    expect(set.body.welcomeMessages).toEqual({ ja: 'ようこそ！', 'zh-Hant': '歡迎！' });

    const merged = await put({ welcomeMessages: { 'zh-Hans': '欢迎！', ja: '', 'zh-Hant': null } });
    expect(merged.body.welcomeMessages).toEqual({ 'zh-Hans': '欢迎！' });
    const again = await h.request('GET', '/api/admin/registration', undefined, bearer(session));
    expect(again.body.welcomeMessages).toEqual({ 'zh-Hans': '欢迎！' });
    expect(again.body.welcomeMessage).toBe('Welcome! How can we help?');
  });

  it('gives a ja registrant the ja welcome and a zh-Hans one, without a welcome of their own, the default', async () => {
    const { linkId, put } = await adminOf();
    expect((await put({ welcomeMessages: { ja: 'ようこそ！ご用件をどうぞ。' } })).status).toBe(200);
    expect(await welcomeReadIn(linkId, 'ja-JP', `welcome-ja-${backend}@example.com`)).toBe(
      'ようこそ！ご用件をどうぞ。',
    );
    expect(await welcomeReadIn(linkId, 'zh-CN', `welcome-zh-${backend}@example.com`)).toBe(
      'Welcome! How can we help?',
    );
  });

  it('refuses malformed maps with 422 invalid_request and overlong texts like the default one', async () => {
    const { put, session } = await adminOf();
    await put({ welcomeMessages: { ja: 'ようこそ！' } });
    for (const welcomeMessages of [{ fr: 'Bienvenue' }, { ja: 42 }, { ja: ['x'] }, { ja: { text: 'x' } }]) {
      const refused = await put({ welcomeMessages });
      expect(refused.status, JSON.stringify(welcomeMessages)).toBe(422);
      expect(refused.body.error.code).toBe('invalid_request');
    }
    for (const welcomeMessages of ['ようこそ', ['ja'], null]) {
      const refused = await put({ welcomeMessages });
      expect(refused.status, JSON.stringify(welcomeMessages)).toBe(422);
      expect(refused.body.error.code).toBe('invalid_request');
    }
    const long = await put({ welcomeMessages: { ja: 'あ'.repeat(limits.welcomeMessageMaxLength + 1) } });
    expect(long.status).toBe(422);
    expect(long.body.error.code).toBe('invalid_welcome_message');
    // Nothing of a refused change was kept.
    const shown = await h.request('GET', '/api/admin/registration', undefined, bearer(session));
    expect(shown.body.welcomeMessages).toEqual({ ja: 'ようこそ！' });
  });
});
