/// <reference types="mocha" />

import { resolveLanguage } from '../../contract/languages.ts';
import { equal } from '../testing/assert.ts';
import { accessibleName } from '../testing/axe.ts';
import { apiError, FakeRegistrationServer, held } from '../testing/fake-registration-server.ts';
import {
  $,
  alertText,
  button,
  mount,
  place,
  submitCode,
  submitDetails,
  toCodeStep,
  unmountAll,
  waitFor,
} from '../testing/fixture.ts';
import { en } from './en.ts';
import { errorText, fill, stringsFor } from './index.ts';
import { ja } from './ja.ts';
import { zhHans } from './zh-hans.ts';
import { zhHant } from './zh-hant.ts';

let server: FakeRegistrationServer;

beforeEach(() => {
  server = new FakeRegistrationServer().install();
});

afterEach(() => {
  unmountAll();
  server.uninstall();
});

describe('language choice', () => {
  it('maps language tags to the built-in texts, loading each language on first use', async () => {
    const textsOf = async (tag: string | undefined) => {
      const lang = resolveLanguage(tag);
      await new Promise<void>((arrived) => {
        if (stringsFor(lang, arrived)) arrived();
      });
      return stringsFor(lang, () => {});
    };
    for (const [tag, strings] of [
      ['en', en],
      ['en-GB', en],
      ['zh-Hant', zhHant],
      ['zh-TW', zhHant],
      ['zh-HK', zhHant],
      ['zh-hant-tw', zhHant],
      ['zh-MO', zhHant],
      ['zh', zhHans],
      ['zh-CN', zhHans],
      ['zh-SG', zhHans],
      ['zh-Hans', zhHans],
      ['ja', ja],
      ['ja-JP', ja],
      ['fr', en],
      ['', en],
      [undefined, en],
    ] as const) {
      equal(await textsOf(tag), strings, `lang ${tag}`);
    }
  });

  it('gives every language every text, and no other', () => {
    // Singular forms (`…_one`) only where the language's plural rules have one: not in Chinese or Japanese.
    const texts = Object.keys(en).filter((key) => !key.endsWith('_one'));
    for (const strings of [zhHant, zhHans, ja])
      equal(Object.keys(strings).join(), texts.join(), strings.lang);
    for (const strings of [en, zhHant, zhHans, ja])
      for (const [key, text] of Object.entries(strings))
        equal(text.trim() !== '', true, `${strings.lang} ${key}`);
  });

  it('fills placeholders and picks error texts by code', () => {
    equal(fill('Try again in {seconds} seconds.', { seconds: 5 }), 'Try again in 5 seconds.');
    equal(
      errorText(en, { code: 'invalid_code', field: 'code', count: 2 }),
      'That code is not right (2 tries left).',
    );
    equal(
      errorText(en, { code: 'invalid_code', field: 'code', count: 1 }),
      'That code is not right (1 try left).',
    );
    equal(
      errorText(ja, { code: 'invalid_code', field: 'code', count: 1 }),
      'コードが正しくありません（残り 1 回）。',
    );
    equal(errorText(en, { code: 'invalid_code', field: 'code' }), 'That code is not right.');
    equal(errorText(en, { code: 'rate_limited', field: 'form', seconds: 30 }), 'Try again in 30 seconds.');
    equal(errorText(en, { code: 'internal_error', field: 'form' }), 'Something went wrong.');
    equal(errorText(en, { code: 'name', field: 'form' }), 'Something went wrong.', 'a label is not an error');
  });
});

describe('<chatpoint-register> languages', () => {
  it('speaks Traditional Chinese for lang="zh-Hant"', async () => {
    const element = await mount({ lang: 'zh-Hant' });
    equal(accessibleName($(element, '#name')), '姓名');
    equal(accessibleName($(element, '#email')), '電子郵件');
    button(element, '寄送驗證碼');
    await toCodeStep(element);
    equal(accessibleName($(element, '#code')), '驗證碼');
  });

  it('speaks Traditional Chinese for zh-TW and zh-HK', async () => {
    for (const lang of ['zh-TW', 'zh-HK']) {
      const element = await mount({ lang });
      equal(accessibleName($(element, '#name')), '姓名', lang);
    }
  });

  it('speaks Simplified Chinese for zh-CN, zh-SG, zh and zh-Hans', async () => {
    for (const lang of ['zh-CN', 'zh-SG', 'zh', 'zh-Hans']) {
      const element = await mount({ lang });
      equal(accessibleName($(element, '#email')), '邮箱', lang);
      button(element, '发送验证码');
    }
  });

  it('sends its language with start, so the mail speaks it too', async () => {
    const element = await mount({ lang: 'zh-CN' });
    await toCodeStep(element);
    const start = server.requests.find((request) => request.route === 'start')!;
    equal(start.body!.lang, 'zh-Hans');
  });

  it('speaks Japanese for lang="ja", errors included', async () => {
    server.reply('verify', apiError(422, 'invalid_code', 'Wrong code.', undefined, { triesLeft: 4 }));
    const element = await mount({ lang: 'ja' });
    equal(accessibleName($(element, '#name')), '名前');
    equal(accessibleName($(element, '#email')), 'メールアドレス');
    await toCodeStep(element);
    equal(accessibleName($(element, '#code')), '確認コード');
    await submitCode(element, '000000');
    equal(alertText(element, 'code'), 'コードが正しくありません（残り 4 回）。');
  });

  it('follows the closest ancestor lang, and its own lang first', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'ja';
    const element = await mount({}, wrapper);
    equal(accessibleName($(element, '#name')), '名前');
    element.lang = 'zh-Hant';
    await element.updateComplete;
    equal(element.getAttribute('lang'), 'zh-Hant');
    equal(accessibleName($(element, '#name')), '姓名');
    element.removeAttribute('lang');
    await element.updateComplete;
    equal(accessibleName($(element, '#name')), '名前');
  });

  it("follows the document's lang, else English", async () => {
    const original = document.documentElement.lang;
    try {
      document.documentElement.lang = 'zh-HK';
      equal(accessibleName($(await mount(), '#name')), '姓名');
      document.documentElement.lang = 'de';
      equal(accessibleName($(await mount(), '#name')), 'Name');
    } finally {
      document.documentElement.lang = original;
    }
  });

  it("follows the browser's languages on a page without lang: the first one it speaks, else English", async () => {
    const original = document.documentElement.lang;
    const own = Object.getOwnPropertyDescriptor(navigator, 'languages');
    const browserSpeaks = (tags: string[]) =>
      Object.defineProperty(navigator, 'languages', { configurable: true, get: () => tags });
    try {
      document.documentElement.removeAttribute('lang');
      browserSpeaks(['fr-FR', 'ja-JP', 'en-US']);
      const element = await mount();
      equal(accessibleName($(element, '#name')), '名前');
      await submitDetails(element);
      equal(server.calls('start').at(-1)!.body!.lang, 'ja');
      unmountAll();
      browserSpeaks(['de', 'zh-TW']);
      equal(accessibleName($(await mount(), '#name')), '姓名');
      browserSpeaks(['fr', 'de']);
      equal(accessibleName($(await mount(), '#name')), 'Name');
      browserSpeaks(['zh-CN']);
      document.documentElement.lang = 'de';
      equal(accessibleName($(await mount(), '#name')), 'Name', "the page's own lang still wins");
    } finally {
      if (own) Object.defineProperty(navigator, 'languages', own);
      else delete (navigator as { languages?: unknown }).languages;
      document.documentElement.lang = original;
    }
  });

  it('says "Loading…" and "Try again" in each language, or as the page says', async () => {
    for (const [lang, loading, tryAgain, strings] of [
      ['en', 'Loading…', 'Try again', {}],
      ['zh-Hant', '載入中…', '重試', {}],
      ['ja', '読み込み中…', '再試行', {}],
      ['ja', 'One moment…', 'Retry', { loading: 'One moment…', tryAgain: 'Retry' }],
    ] as const) {
      const info = held();
      server.reply('info', info.reply);
      const element = place({ lang });
      element.strings = strings;
      await element.updateComplete;
      equal($(element, '[role="status"]').textContent, loading, lang);
      info.answer(apiError(502, 'generic'));
      await waitFor(() => element.flow.state === 'failed', 'the failure');
      await element.updateComplete;
      button(element, tryAgain);
      unmountAll();
    }
  });

  it('lets the page override any text through `strings`', async () => {
    server.reply('start', apiError(429, 'rate_limited', 'Wait.', { 'Retry-After': '9' }));
    const element = await mount({ lang: 'ja' });
    element.strings = { name: 'Full name', submit: 'Get my code', rate_limited: 'Wait {seconds}s please' };
    await element.updateComplete;
    equal(accessibleName($(element, '#name')), 'Full name');
    equal(accessibleName($(element, '#email')), 'メールアドレス', 'other texts stay');
    await submitDetails(element);
    equal(alertText(element, 'form'), 'Wait 9s please');
    button(element, 'Get my code');
  });
});
