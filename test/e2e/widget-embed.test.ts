import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

/** Keeps docs/screenshots/widget-<step>.png current when asked to, or when missing. */
async function screenshotStep(page: Page, step: string) {
  const file = `docs/screenshots/widget-${step}.png`;
  if (!process.env.UPDATE_SCREENSHOTS && existsSync(file)) return;
  await page.locator('chatpoint-register').screenshot({ path: file, animations: 'disabled' });
}

/** A customer's marketing page on another origin, holding only the embed snippet. */
async function customerPage(snippet: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><title>Acme — contact us</title></head>
<body><h1>Talk to us</h1>${snippet}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // localhost, not 127.0.0.1: a different origin from the API's.
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

describe('the embed snippet on a customer page, against the real server', () => {
  let h: Harness;
  let browser: Browser;
  let customer: { url: string; server: Server };
  let linkId: string;

  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true });
    linkId = (await h.seedWorkdomain({ welcome: 'Welcome aboard — Pat here.' })).linkId;
    const registration = await h.request('GET', `/api/registrations/${linkId}`);
    expect(registration.status).toBe(200);
    const { embedSnippet } = await import('../../server/registration/link.ts');
    customer = await customerPage(embedSnippet(h.baseUrl, linkId));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => customer?.server.close(resolve));
    await h?.close();
  });

  it('registers from another origin and "Chat" lands signed in with the welcome message', {
    timeout: 60_000,
  }, async () => {
    const page = await browser.newPage();
    const events: string[] = [];
    await page.exposeFunction('recordEvent', (type: string) => events.push(type));
    await page.addInitScript(() => {
      for (const type of ['chatpoint-code-sent', 'chatpoint-registered', 'chatpoint-error']) {
        document.addEventListener(type, () => (window as any).recordEvent(type));
      }
    });
    await page.goto(customer.url);
    expect(new URL(page.url()).origin).not.toBe(new URL(h.baseUrl).origin);

    await page.getByLabel('Name').fill('Wen Li');
    await page.getByLabel('Email').fill('wen@example.com');
    await screenshotStep(page, '1-details');
    await page.getByLabel('Email').press('Enter');

    const codeField = page.getByLabel('Verification code');
    await codeField.waitFor();
    const mail = await h.smtp.waitFor('wen@example.com');
    await screenshotStep(page, '2-code');
    await codeField.fill(codeIn(mail));
    await codeField.press('Enter');

    const chat = page.getByRole('button', { name: 'Chat' });
    await chat.waitFor();
    expect(events).toEqual(['chatpoint-code-sent', 'chatpoint-registered']);
    await screenshotStep(page, '3-done');
    // On a desktop the app opens in a new tab, without a window.opener; the customer's page stays.
    const [app] = await Promise.all([page.context().waitForEvent('page'), chat.click()]);
    await app.waitForURL(
      (url) => url.origin === new URL(h.baseUrl).origin && url.pathname.startsWith('/app'),
    );
    expect(await app.evaluate(() => window.opener)).toBeNull();
    expect(page.url()).toBe(customer.url);
    const welcome = app.getByRole('log').getByText('Welcome aboard — Pat here.');
    await welcome.waitFor({ timeout: 15_000 });
    expect(await welcome.count()).toBe(1);
    expect(app.url()).not.toContain('token=');
    await app.close();
    await page.close();
  });

  it('shows a wrong code beside the field and keeps the registrant on the code step', {
    timeout: 60_000,
  }, async () => {
    const page = await browser.newPage();
    await page.goto(customer.url);
    await page.getByLabel('Name').fill('Ola Nordmann');
    await page.getByLabel('Email').fill('ola.n@example.com');
    await page.getByLabel('Email').press('Enter');
    const codeField = page.getByLabel('Verification code');
    await codeField.waitFor();
    const code = codeIn(await h.smtp.waitFor('ola.n@example.com'));
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await codeField.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: /not right|code/i });
    await alert.first().waitFor();
    await screenshotStep(page, '2-code-error');
    expect(await codeField.isVisible()).toBe(true);
    await page.close();
  });
});
