import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginTokens, refusedOrigins, registrations } from '../../server/db/schema/index.ts';
import { closeRegistration } from '../../server/registration/availability.ts';
import { embedSnippet } from '../../server/registration/link.ts';
import { updateRegistrationSettings } from '../../server/registration/settings.ts';
import { launchChromium } from '../helpers/browser.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const WAIT = { timeout: 15_000 };

/** Keeps docs/screenshots/<name>.png (desktop, 1280 px) and <name>-phone.png (390 px) current when asked to, or when missing. */
async function screenshots(page: Page, name: string, target = () => page.locator('body')) {
  mkdirSync('docs/screenshots', { recursive: true });
  for (const [suffix, width] of [
    ['', 1280],
    ['-phone', 390],
  ] as const) {
    const file = `docs/screenshots/${name}${suffix}.png`;
    if (!process.env.UPDATE_SCREENSHOTS && existsSync(file)) continue;
    await page.setViewportSize({ width, height: 800 });
    await target().screenshot({ path: file, animations: 'disabled' });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('what a registrant meets at the edges, in Chromium', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    h = await createHarness({ backend: 'pglite', listen: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function startByMail(linkId: string, name: string, email: string) {
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, { name, email });
    expect(started.status).toBe(202);
    const mail = await h.smtp.waitFor(email);
    const link = new RegExp(`${h.baseUrl}/join/${linkId}#verify=[\\w-]+\\.\\d{6}`).exec(mail.text)![0];
    return { registrationId: started.body.registrationId as string, code: codeIn(mail), link };
  }

  const stateOf = async (registrationId: string) =>
    (await h.db.select().from(registrations).where(eq(registrations.id, registrationId)))[0]!.state;

  it('the one-tap link: a scanner that loads it verifies nothing; the person presses Verify and reaches Chat', {
    timeout: 90_000,
  }, async () => {
    const { linkId } = await h.seedWorkdomain();
    const { registrationId, code, link } = await startByMail(linkId, 'Tao Tap', 'tap@example.com');

    // The scanner: open the page, let scripts run and the network go idle, click nothing.
    const scanner = await browser.newPage();
    const verifies: string[] = [];
    scanner.on('request', (request) => {
      if (request.url().includes('/verify')) verifies.push(request.url());
    });
    await scanner.goto(link, { waitUntil: 'networkidle' });
    const scannedCode = scanner.getByLabel('Verification code');
    await scannedCode.waitFor(WAIT);
    expect(await scannedCode.inputValue()).toBe(code);
    await scanner.waitForLoadState('networkidle');
    await scanner.waitForTimeout(500);
    expect(verifies).toEqual([]);
    expect(await stateOf(registrationId)).toBe('code_sent');
    const user = await h.db.select().from(loginTokens);
    expect(user).toHaveLength(0);
    await scanner.close();

    // The person: the same link, the code filled in, one button.
    const page = await browser.newPage();
    await page.goto(link);
    const codeField = page.getByLabel('Verification code');
    await codeField.waitFor(WAIT);
    expect(await codeField.inputValue()).toBe(code);
    expect(page.url()).toBe(`${h.baseUrl}/join/${linkId}`);
    await screenshots(page, 'join-one-tap-code');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Welcome, Tao Tap! Your account is ready.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Chat' }).waitFor(WAIT);
    expect(await stateOf(registrationId)).toBe('completed');

    // A reload while the login token works keeps the Chat step.
    await page.reload();
    await page.getByRole('button', { name: 'Chat' }).waitFor(WAIT);
    await page.close();
  });

  it('a registration completed in another tab says so and offers sign-in with the address filled in', {
    timeout: 90_000,
  }, async () => {
    const { linkId } = await h.seedWorkdomain();
    const page = await browser.newPage();
    await page.goto(`${h.baseUrl}/join/${linkId}`);
    await page.getByLabel('Name').fill('Ola Other');
    await page.getByLabel('Email').fill('ola@example.com');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Verification code').waitFor(WAIT);
    const mail = await h.smtp.waitFor('ola@example.com');
    const [, registrationId] = /#verify=([\w-]+)\./.exec(mail.text)!;
    // Another tab (or a mail app's preview) completes it first.
    const elsewhere = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId,
      code: codeIn(mail),
    });
    expect(elsewhere.status).toBe(201);

    await page.getByLabel('Verification code').fill(codeIn(mail));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('This registration is already complete.').waitFor(WAIT);
    expect(await page.getByText('That code is not right').count()).toBe(0);
    await screenshots(page, 'widget-already-complete', () => page.locator('chatpoint-register'));
    const [app] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Sign in' }).click(),
    ]);
    const email = app.getByLabel('Email');
    await email.waitFor(WAIT);
    expect(await email.inputValue()).toBe('ola@example.com');
    expect(new URL(app.url()).pathname).toBe('/app');
    await app.close();
    await page.close();
  });

  it('a closed join page: no "we will email you a code", a sign-in for members', {
    timeout: 60_000,
  }, async () => {
    const { linkId, workdomain } = await h.seedWorkdomain();
    await closeRegistration(h.db, workdomain.id, { kind: 'operator' });
    const page = await browser.newPage();
    await page.goto(`${h.baseUrl}/join/${linkId}`);
    await page.getByText('Registration is closed.').waitFor(WAIT);
    expect(await page.getByText('6-digit code').count()).toBe(0);
    await page.getByText('Already a member?').waitFor(WAIT);
    const signIn = page.getByRole('link', { name: 'Sign in' });
    expect(new URL((await signIn.getAttribute('href'))!).pathname).toBe('/app');
    await screenshots(page, 'join-closed');
    await page.close();
  });

  it('a page that is not among the allowed web sites: the form says why, and the admin sees the site', {
    timeout: 60_000,
  }, async () => {
    const seed = await h.seedWorkdomain();
    const { linkId, workdomain } = seed;
    await updateRegistrationSettings(
      h.db,
      workdomain.id,
      { allowedOrigins: ['https://www.acme.example'] },
      { kind: 'operator' },
      h.baseUrl,
    );
    const snippet = embedSnippet(h.baseUrl, linkId);
    const customer: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Elsewhere</title></head>
<body style="font: 16px system-ui, sans-serif; max-width: 32rem; margin: 2rem auto"><h1>Talk to us</h1>${snippet}</body></html>`);
    });
    await new Promise<void>((resolve) => customer.listen(0, '127.0.0.1', resolve));
    const customerOrigin = `http://localhost:${(customer.address() as AddressInfo).port}`;
    try {
      const page = await browser.newPage();
      await page.goto(`${customerOrigin}/`);
      await page
        .getByText(
          'This site is not allowed to show this form — its owner can add it under Allowed web sites.',
        )
        .waitFor(WAIT);
      expect(await page.getByText('Cannot reach the server').count()).toBe(0);
      await screenshots(page, 'widget-refused-origin', () => page.locator('chatpoint-register'));
      await page.close();
      const refused = await h.db
        .select()
        .from(refusedOrigins)
        .where(eq(refusedOrigins.workdomainId, workdomain.id));
      expect(refused.map((row) => row.origin)).toEqual([customerOrigin]);

      // The admin sees the refused site under Allowed web sites and allows it with one click.
      const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await admin.goto(`${h.baseUrl}/admin`);
      await admin.getByRole('button', { name: 'Use a password instead' }).click();
      await admin.getByLabel('Email').fill(seed.admin.email);
      await admin.getByLabel('Password').fill(seed.adminPassword);
      await admin.getByRole('button', { name: 'Sign in' }).click();
      await admin.getByRole('button', { name: 'Public registration' }).click();
      const allow = admin.getByRole('button', { name: `Allow ${customerOrigin}` });
      await allow.waitFor(WAIT);
      await allow.scrollIntoViewIfNeeded();
      await screenshots(admin, 'admin-refused-origins', () => admin.locator('#refused-origins'));
      await allow.click();
      await allow.waitFor({ state: 'detached', ...WAIT });
      expect(await admin.getByLabel('Allowed web sites (origins)', { exact: true }).inputValue()).toBe(
        `https://www.acme.example\n${customerOrigin}`,
      );
      await admin.close();

      const again = await browser.newPage();
      await again.goto(`${customerOrigin}/`);
      await again.getByLabel('Name').waitFor(WAIT);
      await again.close();
    } finally {
      await new Promise((resolve) => customer.close(resolve));
    }
  });
});
