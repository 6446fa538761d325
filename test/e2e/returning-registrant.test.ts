import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet } from '../../server/registration/link.ts';
import { updateRegistrationSettings } from '../../server/registration/settings.ts';
import { launchChromium } from '../helpers/browser.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

/** Keeps docs/screenshots/widget-<step>.png current when asked to, or when missing. */
async function screenshotStep(page: Page, step: string) {
  const file = `docs/screenshots/widget-${step}.png`;
  if (!process.env.UPDATE_SCREENSHOTS && existsSync(file)) return;
  await page.locator('chatpoint-register').screenshot({ path: file, animations: 'disabled' });
}

describe('a registrant in real conditions: a reload on the code step, then coming back', () => {
  let h: Harness;
  let browser: Browser;
  let customer: Server;
  let customerUrl: string;
  let pic: { email: string; id: string };
  let linkId: string;

  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true, env: { RESEND_COOLDOWN_SECONDS: '60' } });
    const seeded = await h.seedWorkdomain({ welcome: 'Welcome aboard — Pat here.' });
    pic = seeded.pic;
    linkId = seeded.linkId;
    await updateRegistrationSettings(
      h.db,
      seeded.workdomain.id,
      { message: 'optional' },
      { kind: 'operator' },
      h.baseUrl,
    );
    const snippet = embedSnippet(h.baseUrl, seeded.linkId);
    customer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Acme</title></head>
<body style="font: 16px Georgia, serif"><h1>Talk to us</h1>${snippet}</body></html>`);
    });
    await new Promise<void>((resolve) => customer.listen(0, '127.0.0.1', resolve));
    customerUrl = `http://localhost:${(customer.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => customer?.close(resolve));
    await h?.close();
  });

  it('keeps the code step over a reload, then signs the same person in again with "Welcome back"', {
    timeout: 90_000,
  }, async () => {
    const email = 'rae@example.com';
    const page = await browser.newPage();
    await page.goto(customerUrl);
    await page.getByLabel('Name').fill('Rae Kim');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Message').fill('Do you ship to Osaka?');
    await screenshotStep(page, '1-details-message');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Verification code').waitFor();
    const countdown = page.getByRole('button', { name: /^Send a new code in \d+ s$/ });
    expect(await countdown.isDisabled()).toBe(true);
    await screenshotStep(page, '2-code-countdown');

    // The mail app, then back: the page reloads, the step and the registration stay.
    await page.reload();
    const codeField = page.getByLabel('Verification code');
    await codeField.waitFor();
    expect(await page.locator('chatpoint-register').getByText(`We sent a code to ${email}.`).count()).toBe(1);
    await codeField.fill(codeIn(await h.smtp.waitFor(email)));
    await codeField.press('Enter');
    await page.getByText('Welcome, Rae Kim! Your account is ready.').waitFor();
    const told = await h.smtp.waitFor(pic.email, (mail) => mail.subject.includes('Rae Kim'));
    expect(told.text).toContain('Do you ship to Osaka?');
    await page.close();

    // Back another day with the same address: a sign-in code, no second account.
    const again = await browser.newPage();
    await again.goto(customerUrl);
    await again.getByLabel('Name').fill('Rae');
    await again.getByLabel('Email').fill(email);
    await again.getByLabel('Email').press('Enter');
    const signInField = again.getByLabel('Verification code');
    await signInField.waitFor();
    const signInMail = await h.smtp.waitFor(email, (mail) =>
      mail.subject.startsWith('Your sign-in code for'),
    );
    await signInField.fill(codeIn(signInMail));
    await signInField.press('Enter');
    await again.getByText('Welcome back, Rae Kim!').waitFor();
    await screenshotStep(again, '3-welcome-back');
    const [app] = await Promise.all([
      again.context().waitForEvent('page'),
      again.getByRole('button', { name: 'Chat' }).click(),
    ]);
    const firstMessage = app.getByRole('log').getByText('Do you ship to Osaka?');
    await firstMessage.waitFor({ timeout: 15_000 });
    expect(await app.getByRole('log').getByText('Welcome aboard — Pat here.').count()).toBe(1);
    await app.close();
    await again.close();
  });

  it('fills in the code from the link in the code mail, verifies on a press, and the code leaves the address bar', {
    timeout: 60_000,
  }, async () => {
    const email = 'tap@example.com';
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, { name: 'Tao Tap', email });
    expect(started.status).toBe(202);
    const mail = await h.smtp.waitFor(email);
    const link = new RegExp(
      `${h.baseUrl}/join/${linkId}#verify=${started.body.registrationId}\\.(\\d{6})`,
    ).exec(mail.text);
    expect(link?.[1]).toBe(codeIn(mail));
    const page = await browser.newPage();
    const joined = await page.goto(link![0]);
    expect(joined!.headers()['referrer-policy']).toBe('no-referrer');
    // Only a press verifies (registration-edges.test.ts shows a scanner's load does not).
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Welcome, Tao Tap! Your account is ready.').waitFor();
    expect(page.url()).toBe(`${h.baseUrl}/join/${linkId}`);
    await page.close();
  });
});
