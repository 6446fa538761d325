import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openRegistrationPanel, signInToAdmin, usePagesHarness } from '../helpers/pages.ts';

const WAIT = { timeout: 15_000 };
const SCREENSHOTS = path.resolve('docs/screenshots');

/** Rewrites a docs screenshot only when asked (UPDATE_SCREENSHOTS=1) or when it is missing. */
async function keepScreenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, name);
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(file)) await page.screenshot({ path: file });
}

describe('the welcome message per language on the admin page', { timeout: 120_000 }, () => {
  const pages = usePagesHarness();

  async function openWelcomeEditor(viewport: { width: number; height: number }) {
    const { h } = pages;
    const seed = await h.seedWorkdomain();
    const page = await pages.newPage(viewport);
    // Screenshots show buttons as they settle, not halfway through their colour change.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signInToAdmin(page, h.baseUrl, seed);
    await openRegistrationPanel(page);
    return { page, seed };
  }

  const settings = (page: Page) => page.evaluate(async () => (await fetch('/api/admin/registration')).json());

  it('writes, previews and saves a Japanese welcome beside the default one', async () => {
    const { page } = await openWelcomeEditor({ width: 1280, height: 900 });
    const editor = page.getByLabel('Welcome message', { exact: true });
    const preview = page.locator('#welcome-preview');
    const note = page.locator('#welcome-note');
    const japanese = page.getByRole('button', { name: '日本語' });

    await japanese.click();
    expect(await japanese.getAttribute('aria-pressed')).toBe('true');
    expect(await editor.inputValue()).toBe('');
    // No Japanese text yet: the preview shows what a Japanese registrant gets, the default.
    expect(await preview.textContent()).toBe('Welcome! How can we help?');
    expect(await note.textContent()).toContain('get the default one');
    await editor.fill('ようこそ！ご用件をお聞かせください。');
    await expect.poll(() => preview.textContent(), WAIT).toBe('ようこそ！ご用件をお聞かせください。');
    expect(await preview.getAttribute('lang')).toBe('ja');
    expect(await note.textContent()).toBe('Sent to new users who use 日本語.');

    await page.getByRole('button', { name: '繁體中文' }).click();
    await editor.fill('歡迎！');
    await page.getByRole('button', { name: 'Default' }).click();
    expect(await editor.inputValue()).toBe('Welcome! How can we help?');

    await page.getByRole('button', { name: 'Help: Translations' }).click();
    await expect
      .poll(() => page.locator('#help-welcomeMessages').textContent(), WAIT)
      .toContain('once per language');
    await page.getByRole('button', { name: '日本語' }).click();
    await editor.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await keepScreenshot(page, 'admin-welcome-languages.png');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Settings saved.' }).count(), WAIT)
      .toBe(1);
    expect(await settings(page)).toMatchObject({
      welcomeMessage: 'Welcome! How can we help?',
      welcomeMessages: { ja: 'ようこそ！ご用件をお聞かせください。', 'zh-Hant': '歡迎！' },
    });

    // Emptying a language removes its welcome.
    await page.getByRole('button', { name: '繁體中文' }).click();
    await editor.fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(async () => (await settings(page)).welcomeMessages, WAIT)
      .toEqual({ ja: 'ようこそ！ご用件をお聞かせください。' });
  });

  it('fits a 390 px phone: the language buttons wrap, nothing scrolls sideways', async () => {
    const { page } = await openWelcomeEditor({ width: 390, height: 844 });
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByLabel('Welcome message', { exact: true }).fill('ようこそ！ご用件をお聞かせください。');
    await page.getByRole('button', { name: 'Help: Translations' }).click();
    const dialog = page.getByRole('dialog', { name: 'Public registration' });
    const overflow = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const name of ['Default', 'English', '繁體中文', '简体中文', '日本語']) {
      const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(390);
    }
    await page.getByRole('button', { name: 'Help: Translations' }).click();
    await page
      .getByLabel('Welcome message', { exact: true })
      .evaluate((editor) => editor.scrollIntoView({ block: 'center' }));
    await keepScreenshot(page, 'admin-welcome-languages-phone.png');
  });
});
