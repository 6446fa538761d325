import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderEmail } from '../../server/mail/render.ts';
import type { Harness } from '../helpers/harness.ts';
import { usePagesHarness } from '../helpers/pages.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const WAIT = { timeout: 15_000 };
const SCREENSHOTS = path.resolve('docs/screenshots');

/** Rewrites a docs screenshot only when asked (UPDATE_SCREENSHOTS=1) or when it is missing. */
async function screenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(file))
    await page.screenshot({ path: file, fullPage: true });
}

describe('pages and widget in the visitor’s language', () => {
  const pages = usePagesHarness();
  let h: Harness;
  beforeAll(() => {
    h = pages.h;
  });

  /** A registrant who registered in `lang`, and the web-app link from verify. */
  async function registrant(lang: string, email: string) {
    const seed = await h.seedWorkdomain({ welcome: 'Welcome!' });
    const started = await h.request('POST', `/api/registrations/${seed.linkId}/start`, {
      name: 'Mei Lin',
      email,
      lang,
    });
    const code = codeIn(await h.smtp.waitFor(email));
    const verified = await h.request('POST', `/api/registrations/${seed.linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    expect(verified.status).toBe(201);
    return { ...seed, webUrl: verified.body.webUrl as string };
  }

  it('shows the web app in Japanese to a registrant who registered in Japanese', async () => {
    const { webUrl } = await registrant('ja', 'mei.ja@example.test');
    const page = await pages.newPage({ width: 1024, height: 720 });
    await page.goto(webUrl);
    await page.getByRole('button', { name: 'サインアウト' }).waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.getByRole('heading', { name: '会話' }).waitFor(WAIT);
    await page.getByRole('log').getByText('Welcome!').waitFor(WAIT);
    const time = await page.locator('chatpoint-app').locator('time').first().textContent();
    expect(time).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}$/);
    await screenshot(page, 'web-app-ja.png');
  });

  it('serves /app?lang=zh-TW in Traditional Chinese before anyone signs in', async () => {
    const page = await pages.newPage({ width: 390, height: 780 });
    await page.goto(`${h.baseUrl}/app?lang=zh-TW`);
    await page.getByRole('heading', { name: '登入 ChatPoint' }).waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await page.getByRole('button', { name: '以電子郵件寄送驗證碼' }).click();
    await page.getByText('請填寫此欄位。').waitFor(WAIT);
    await page.getByRole('button', { name: '改用密碼' }).click();
    await page.getByRole('textbox', { name: '密碼' }).waitFor(WAIT);
  });

  it('shows the web app in Traditional Chinese (screenshot)', async () => {
    const { webUrl } = await registrant('zh-HK', 'mei.hk@example.test');
    const page = await pages.newPage({ width: 390, height: 780 });
    await page.goto(webUrl);
    await page.getByRole('button', { name: '登出' }).waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await page.getByRole('log').getByText('Welcome!').waitFor(WAIT);
    await screenshot(page, 'web-app-zh-Hant.png');
  });

  it('gives a zh-CN visitor of the join page the widget in Simplified Chinese', async () => {
    const { linkId } = await h.seedWorkdomain();
    const context = await pages.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 700 },
    });
    try {
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/join/${linkId}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      const widget = page.locator('chatpoint-register');
      await widget.getByRole('textbox', { name: '邮箱' }).waitFor(WAIT);
      await widget.getByRole('textbox', { name: '姓名' }).fill('李梅');
      await widget.getByRole('textbox', { name: '邮箱' }).fill('li.mei@example.test');
      await screenshot(page, 'widget-zh-Hans.png');
      await widget.getByRole('button', { name: '发送验证码' }).click();
      const mail = await h.smtp.waitFor('li.mei@example.test');
      expect(mail.subject).toMatch(/^\d{6} 是您的 ChatPoint 验证码$/);
    } finally {
      await context.close();
    }
  });

  it('lets an admin pick Japanese in the header: the page, its help texts and the next visit follow', async () => {
    const seed = await h.seedWorkdomain();
    const page = await pages.newPage({ width: 1280, height: 900 });
    await page.goto(`${h.baseUrl}/admin`);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(seed.admin.email);
    await page.getByLabel('Password').fill(seed.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'User administration', exact: true }).waitFor(WAIT);

    await page.getByLabel('Language').selectOption('ja');
    await page.getByRole('heading', { name: 'ユーザー管理', exact: true }).waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.getByRole('columnheader', { name: '状態' }).waitFor(WAIT);
    await page.getByRole('button', { name: '公開登録' }).click();
    await page.getByRole('button', { name: 'ヘルプ：担当者', exact: true }).click();
    await page
      .getByText('担当者は、新しく登録したすべてのユーザーがつながる社内ユーザーです。')
      .waitFor(WAIT);
    await screenshot(page, 'admin-ja.png');

    // Remembered on the account: a new visit with an English browser opens in Japanese.
    await expect
      .poll(
        async () => (await page.evaluate(() => fetch('/api/me').then((res) => res.json()))).user.lang,
        WAIT,
      )
      .toBe('ja');
    await page.reload();
    await page.getByRole('heading', { name: 'ユーザー管理', exact: true }).waitFor(WAIT);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
  });

  it('renders a Japanese mail (screenshot of the HTML part)', async () => {
    const mail = await renderEmail('verification-code', {
      lang: 'ja',
      name: '山田 花子',
      workdomainName: 'Acme Trading',
      code: '048213',
      minutesValid: 10,
      verifyUrl: 'http://localhost:8787/join/q8Yb3m2c0JxTQw1a#verify=reg.048213',
    });
    expect(mail.html).toContain('lang="ja"');
    expect(mail.html).toContain('メールアドレスを確認する');
    const page = await pages.newPage({ width: 600, height: 700 });
    await page.setContent(mail.html);
    await page.getByText('メールアドレスの確認').waitFor(WAIT);
    const file = path.join(SCREENSHOTS, 'mail-verification-code-ja.png');
    if (process.env.UPDATE_SCREENSHOTS || !existsSync(file)) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(file, await page.screenshot({ fullPage: true }));
    }
  });
});
