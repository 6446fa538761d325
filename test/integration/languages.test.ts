import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Language, languages, negotiateLanguage, resolveLanguage } from '../../contract/languages.ts';
import { registrations, users } from '../../server/db/schema/index.ts';
import { mailCatalogues } from '../../server/mail/i18n/index.ts';
import { bearer, login } from '../helpers/accounts.ts';
import { keyPaths, textAt } from '../helpers/catalogues.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

describe('language tags', () => {
  it('maps any tag onto en, zh-Hant, zh-Hans or ja', () => {
    const cases: [string | undefined, Language][] = [
      ['en', 'en'],
      ['en-GB', 'en'],
      ['zh-Hant', 'zh-Hant'],
      ['zh-TW', 'zh-Hant'],
      ['zh-HK', 'zh-Hant'],
      ['zh-MO', 'zh-Hant'],
      ['zh-Hant-HK', 'zh-Hant'],
      ['zh_TW', 'zh-Hant'],
      ['zh', 'zh-Hans'],
      ['zh-CN', 'zh-Hans'],
      ['zh-SG', 'zh-Hans'],
      ['zh-Hans', 'zh-Hans'],
      ['zh-Hans-HK', 'zh-Hans'],
      ['ZH-cn', 'zh-Hans'],
      ['ja', 'ja'],
      ['ja-JP', 'ja'],
      ['fr', 'en'],
      ['', 'en'],
      [undefined, 'en'],
    ];
    for (const [tag, lang] of cases) expect(resolveLanguage(tag), String(tag)).toBe(lang);
  });

  it('negotiates Accept-Language by quality, skipping languages it does not speak', () => {
    expect(negotiateLanguage('ja-JP,ja;q=0.9,en;q=0.8')).toBe('ja');
    expect(negotiateLanguage('fr-FR,fr;q=0.9,zh-TW;q=0.8,en;q=0.7')).toBe('zh-Hant');
    expect(negotiateLanguage('en;q=0.5,zh-CN;q=0.9')).toBe('zh-Hans');
    expect(negotiateLanguage('de, *;q=0.1')).toBe('en');
    expect(negotiateLanguage('ja;q=0, zh-HK')).toBe('zh-Hant');
    expect(negotiateLanguage('')).toBe('en');
    expect(negotiateLanguage(undefined)).toBe('en');
  });
});

describe('mail catalogues', () => {
  it('give every language exactly the English keys, each with words', () => {
    const english = keyPaths(mailCatalogues.en);
    for (const lang of languages) {
      expect(keyPaths(mailCatalogues[lang]), lang).toEqual(english);
      for (const path of english)
        expect(String(textAt(mailCatalogues[lang], path)).trim(), `${lang} ${path}`).not.toBe('');
    }
  });
});

/** For each language: what its verification mail starts and says, written out independently of the catalogue. */
const expected: Record<
  Language,
  { tag: string; subject: RegExp; heading: string; body: string; reset: RegExp; changed: RegExp }
> = {
  en: {
    tag: 'en-US',
    subject: /^\d{6} is your ChatPoint verification code$/,
    heading: 'Confirm your email',
    body: 'Enter this code to finish joining',
    reset: /^Reset your ChatPoint password/,
    changed: /password was changed/,
  },
  'zh-Hant': {
    tag: 'zh-TW',
    subject: /^\d{6} 是您的 ChatPoint 驗證碼$/,
    heading: '確認您的電子郵件地址',
    body: '請輸入以下驗證碼',
    reset: /^重設您在/,
    changed: /密碼已變更/,
  },
  'zh-Hans': {
    tag: 'zh-CN',
    subject: /^\d{6} 是您的 ChatPoint 验证码$/,
    heading: '验证您的邮箱',
    body: '请输入以下验证码',
    reset: /^重置您在/,
    changed: /密码已更改/,
  },
  ja: {
    tag: 'ja-JP',
    subject: /^\d{6} は ChatPoint の確認コードです$/,
    heading: 'メールアドレスの確認',
    body: '次のコードを入力してください',
    reset: /パスワードの再設定$/,
    changed: /パスワードが変更されました/,
  },
};

describe.each(backends)('mail in the registrant’s language on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  it.each(languages)('%s: code mail, account language, reset and changed mails', async (lang) => {
    const want = expected[lang];
    const { linkId, workdomain } = await h.seedWorkdomain();
    const email = `lang-${lang.toLowerCase()}-${backend}@example.com`;
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Mei Lin',
      email,
      lang: want.tag,
    });
    expect(started.status).toBe(202);
    const [registration] = await h.db
      .select({ lang: registrations.lang })
      .from(registrations)
      .where(eq(registrations.id, started.body.registrationId));
    expect(registration!.lang).toBe(lang);

    const codeMail = await h.smtp.waitFor(email);
    expect(codeMail.subject).toMatch(want.subject);
    expect(codeMail.html).toContain(`lang="${lang}"`);
    expect(codeMail.html).toContain(want.heading);
    expect(codeMail.html).toContain(want.body);
    expect(codeMail.text).toContain(want.body);
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: codeIn(codeMail),
    });
    expect(verified.status).toBe(201);
    const [user] = await h.db
      .select({ lang: users.lang })
      .from(users)
      .where(eq(users.id, verified.body.user.id));
    expect(user!.lang).toBe(lang);

    const signedIn = await login(h, workdomain.slug, email, codeIn(codeMail));
    const me = await h.request('GET', '/api/me', undefined, bearer(signedIn.body.sessionToken));
    expect(me.body.user.lang).toBe(lang);

    await h.request('POST', '/api/auth/password-reset', { workdomain: workdomain.slug, email });
    const reset = await h.smtp.waitFor(email, (mail) => want.reset.test(mail.subject));
    expect(reset.html).toContain(`lang="${lang}"`);
    const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(reset.text)![1]!;
    const confirmed = await h.request('POST', '/api/auth/password-reset/confirm', {
      token,
      password: 'a new long passphrase 42',
    });
    expect(confirmed.status).toBe(204);
    const changed = await h.smtp.waitFor(email, (mail) => want.changed.test(mail.subject));
    expect(changed.html).toContain(`lang="${lang}"`);
  });

  it('sends the sign-in code and the already-registered notice in the language given at this start', async () => {
    const { linkId, admin, adminPassword, workdomain } = await h.seedWorkdomain();
    // An active account gets a sign-in code.
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Grace',
      email: admin.email,
      lang: 'zh-HK',
    });
    expect(started.status).toBe(202);
    const signIn = await h.smtp.waitFor(admin.email, (mail) => /的登入碼/.test(mail.subject));
    expect(signIn.text).toContain('歡迎回來');
    expect(signIn.html).toContain('lang="zh-Hant"');

    // An inactive one gets the already-registered notice, with a reset link in the same language.
    const former = await h.register(linkId, 'Pat Lee', `former.${Date.now().toString(36)}@example.com`);
    const session = (await login(h, workdomain.slug, admin.email, adminPassword)).body.sessionToken;
    const deactivated = await h.request(
      'POST',
      `/api/admin/users/${former.verified.body.user.id}/deactivate`,
      undefined,
      bearer(session),
    );
    expect(deactivated.status).toBe(200);
    const formerEmail = former.verified.body.user.email;
    const again = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Pat Lee',
      email: formerEmail,
      lang: 'zh-HK',
    });
    expect(again.status).toBe(202);
    const notice = await h.smtp.waitFor(formerEmail, (mail) => /已有 ChatPoint 帳戶/.test(mail.subject));
    expect(notice.text).toContain('重設密碼');
    expect(notice.text).toMatch(/\/reset-password\?workdomain=[\w-]+&lang=zh-Hant/);
  });

  it('maps unknown or odd tags to English and refuses overlong ones', async () => {
    const { linkId } = await h.seedWorkdomain();
    const email = `lang-odd-${backend}@example.com`;
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Ola',
      email,
      lang: 'nb-NO',
    });
    expect(started.status).toBe(202);
    expect((await h.smtp.waitFor(email)).subject).toMatch(expected.en.subject);
    const overlong = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Ola',
      email,
      lang: 'x'.repeat(36),
    });
    expect(overlong.status).toBe(400);
    expect(overlong.body.error.code).toBe('invalid_request');
  });

  it('remembers the language a user picks, and writes admins in their own', async () => {
    const { admin, adminPassword, workdomain, pic } = await h.seedWorkdomain();
    const session = (await login(h, workdomain.slug, admin.email, adminPassword)).body.sessionToken;
    const chosen = await h.request('PUT', '/api/me/lang', { lang: 'ja-JP' }, bearer(session));
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ lang: 'ja' });
    expect((await h.request('GET', '/api/me', undefined, bearer(session))).body.user.lang).toBe('ja');
    const bad = await h.request('PUT', '/api/me/lang', { lang: 'ja', extra: 1 }, bearer(session));
    expect(bad.status).toBe(400);
    expect((await h.request('PUT', '/api/me/lang', { lang: 'ja' })).status).toBe(401);

    await h.request('POST', `/api/admin/users/${pic.id}/deactivate`, undefined, bearer(session));
    const closed = await h.smtp.waitFor(admin.email, (mail) => /公開登録を停止しました/.test(mail.subject));
    expect(closed.html).toContain('lang="ja"');
    expect(closed.text).toContain('担当者が有効なユーザーではなくなりました');
  });
});
