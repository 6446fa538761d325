import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../contract/errors.ts';
import { languages } from '../../contract/languages.ts';
import { adminCatalogues } from '../../pages/admin/i18n/index.ts';
import { pageCatalogues } from '../../pages/ui/i18n/catalogues.ts';
import { bearer, login } from '../helpers/accounts.ts';
import { keyPaths, textAt } from '../helpers/catalogues.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe('page catalogues', () => {
  it('give every language exactly the English keys, each with words', () => {
    const english = keyPaths(pageCatalogues.en);
    for (const lang of languages) {
      expect(keyPaths(pageCatalogues[lang]), lang).toEqual(english);
      for (const path of english)
        expect(String(textAt(pageCatalogues[lang], path)).trim(), `${lang} ${path}`).not.toBe('');
    }
  });

  it('give the admin page every English key in every language, help texts included', () => {
    const english = keyPaths(adminCatalogues.en);
    expect(english).toContain('help.open');
    for (const lang of languages) {
      expect(keyPaths(adminCatalogues[lang]), lang).toEqual(english);
      for (const path of english)
        expect(String(textAt(adminCatalogues[lang], path)).trim(), `${lang} ${path}`).not.toBe('');
    }
  });

  it('word every API error code', () => {
    for (const code of Object.keys(errorCodes)) expect(pageCatalogues.en.errors, code).toHaveProperty(code);
  });
});

describe('the language of a hosted page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite' });
  });
  afterAll(() => h?.close());

  const htmlLang = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];

  it('follows ?lang=, then Accept-Language, and words the join page in it', async () => {
    const { linkId, workdomain } = await h.seedWorkdomain();
    const page = async (query: string, headers: Record<string, string> = {}) =>
      (await h.app.request(`/join/${linkId}${query}`, { headers })).text();

    const english = await page('');
    expect(htmlLang(english)).toBe('en');
    expect(english).toContain(`<h1>Chat with ${workdomain.name}</h1>`);

    const japanese = await page('', { 'accept-language': 'ja-JP,ja;q=0.9,en;q=0.5' });
    expect(htmlLang(japanese)).toBe('ja');
    expect(japanese).toContain(`<h1>${workdomain.name} とチャット</h1>`);

    const simplified = await page('?lang=zh-CN', { 'accept-language': 'ja' });
    expect(htmlLang(simplified)).toBe('zh-Hans');
    expect(simplified).toContain(`<title>在 ChatPoint 上与 ${workdomain.name} 聊天</title>`);

    const traditional = await page('', { 'accept-language': 'zh-HK' });
    expect(htmlLang(traditional)).toBe('zh-Hant');

    const missing = await h.app.request('/join/nope?lang=ja');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('登録リンクが見つかりません');
  });

  it("prefers the signed-in user's own language to Accept-Language, and ?lang= to both", async () => {
    const { admin, adminPassword, workdomain } = await h.seedWorkdomain();
    const session = (await login(h, workdomain.slug, admin.email, adminPassword)).body.sessionToken;
    await h.request('PUT', '/api/me/lang', { lang: 'zh-TW' }, bearer(session));
    const cookie = { cookie: `cp_session=${session}`, 'accept-language': 'ja' };
    const lang = async (path: string) => {
      const res = await h.app.request(path, { headers: cookie });
      if (res.status === 503) throw new Error('The pages are not built: run `npm run build` first.');
      return htmlLang(await res.text());
    };
    const { linkId } = await h.seedWorkdomain();
    expect(await lang(`/join/${linkId}`)).toBe('zh-Hant');
    expect(await lang(`/join/${linkId}?lang=en`)).toBe('en');
    expect(await lang('/admin')).toBe('zh-Hant');
    expect(await lang('/app?lang=ja-JP')).toBe('ja');
  });
});
