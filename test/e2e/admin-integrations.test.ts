import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { openRegistrationPanel, signInToAdmin } from '../helpers/pages.ts';
import { WebhookReceiver } from '../helpers/webhook-receiver.ts';

const SCREENSHOTS = path.resolve('docs/screenshots');
const WAIT = { timeout: 15_000 };

/** Rewrites a docs screenshot only when asked (UPDATE_SCREENSHOTS=1) or when it is missing. */
async function keepScreenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, name);
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(file))
    await page.screenshot({ path: file, fullPage: true });
}

describe('links and webhooks on the admin page', { timeout: 120_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let receiver: WebhookReceiver;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true, env: { WEBHOOK_ALLOW_PRIVATE: '1' } });
    browser = await launchChromium();
    receiver = await new WebhookReceiver().start();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await receiver?.stop();
    await h?.close();
  });

  async function signedInPanel(viewport: { width: number; height: number }) {
    const seed = await h.seedWorkdomain();
    const context = await browser.newContext({
      viewport,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    contexts.push(context);
    const page = await context.newPage();
    await signInToAdmin(page, h.baseUrl, seed);
    return { page, seed, dialog: await openRegistrationPanel(page) };
  }

  it('adds a link, counts who registered through it, and deletes it after confirming', async () => {
    const { page, dialog } = await signedInPanel({ width: 1280, height: 900 });
    const links = dialog.getByRole('list', { name: 'Links' });
    await expect.poll(() => links.getByRole('listitem').count(), WAIT).toBe(1);
    await dialog.getByRole('button', { name: 'Help: Links' }).click();
    await expect
      .poll(() => dialog.getByText('another entrance to the same registration').isVisible())
      .toBe(true);

    await dialog.getByLabel('Label of a new link').fill('Spring fair');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(() => links.getByRole('listitem').count(), WAIT).toBe(2);
    const fair = links.getByRole('listitem').filter({ hasText: 'Spring fair' });
    const url = await fair.getByLabel('Link: Spring fair').inputValue();
    const linkId = url.split('/join/')[1]!;
    await h.register(linkId, 'Fair Visitor', `fair.${Date.now()}@example.com`);
    await page.reload();
    await page.getByRole('button', { name: 'Public registration' }).click();
    await expect.poll(() => fair.getByText('1 registration').isVisible(), WAIT).toBe(true);
    const visitor = page.getByRole('row').filter({ hasText: 'Fair Visitor' }).filter({ hasText: 'External' });
    expect(await visitor.textContent()).toContain('Via registration link: Spring fair');

    await fair.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await fair.getByText('Snippet and QR code').click();
    const qr = fair.getByRole('img', { name: 'QR code of the link Spring fair' });
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth), WAIT)
      .toBeGreaterThan(0);

    await fair.getByRole('button', { name: 'Delete Spring fair' }).click();
    await page.getByRole('button', { name: 'Delete link' }).click();
    await expect.poll(() => links.getByRole('listitem').count(), WAIT).toBe(1);
    expect((await h.request('GET', `/api/registrations/${linkId}`)).status).toBe(404);
  });

  it('adds a webhook, shows its secret once, sends a test event and shows it delivered', async () => {
    const { page, dialog } = await signedInPanel({ width: 1280, height: 900 });
    await dialog.getByLabel('Webhook URL').fill(receiver.url('/from-admin'));
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    const secretField = dialog.getByRole('textbox', { name: /Signing secret of/ });
    await expect.poll(() => secretField.isVisible(), WAIT).toBe(true);
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);

    await dialog.getByRole('button', { name: 'Send test event' }).click();
    await receiver.waitUntil((calls) => calls.some((call) => call.path === '/from-admin'));
    const call = receiver.calls.find((c) => c.path === '/from-admin')!;
    expect(new Webhook(secret).verify(call.body, call.headers as Record<string, string>)).toMatchObject({
      type: 'webhook.test',
    });
    await dialog.getByRole('button', { name: 'Refresh deliveries' }).click();
    await expect.poll(() => dialog.getByText('Delivered').first().isVisible(), WAIT).toBe(true);
    await keepScreenshot(page, 'admin-links-webhooks-desktop.png');

    await dialog.getByRole('button', { name: 'I have saved it' }).click();
    expect(await secretField.count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Public registration' }).click();
    const hooks = dialog.getByRole('list', { name: 'Webhooks' });
    await expect.poll(() => hooks.getByText(receiver.url('/from-admin')).isVisible(), WAIT).toBe(true);
    expect(await page.content()).not.toContain(secret);
  });

  it('refuses a bad webhook URL beside the field, and fits a phone', async () => {
    const { page, dialog } = await signedInPanel({ width: 390, height: 844 });
    await dialog.getByLabel('Webhook URL').fill('ftp://example.com/hook');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => dialog.getByText('A webhook URL must use https.').isVisible(), WAIT).toBe(true);
    await dialog.getByLabel('Label of a new link').fill('Poster at the front desk');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await expect
      .poll(() => dialog.getByRole('list', { name: 'Links' }).getByRole('listitem').count(), WAIT)
      .toBe(2);
    await keepScreenshot(page, 'admin-links-webhooks-phone.png');
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 700 });
      const overflow = await page.evaluate(() => {
        const panel = document
          .querySelector('chatpoint-admin')!
          .shadowRoot!.querySelector('chatpoint-registration-panel')!
          .shadowRoot!.querySelector('dialog')!;
        return panel.scrollWidth - panel.clientWidth;
      });
      expect(overflow, `${width} px`).toBe(0);
    }
  });
});
