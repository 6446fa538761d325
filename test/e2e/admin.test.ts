import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpTexts } from '../../pages/admin/help-texts.ts';
import { launchChromium } from '../helpers/browser.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const SCREENSHOTS = path.resolve('docs/screenshots');

/** Rewrites a docs screenshot only when asked (UPDATE_SCREENSHOTS=1) or when it is missing. */
async function keepScreenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, name);
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(file)) await page.screenshot({ path: file });
}
const PIC_PASSWORD = 'pic-pass-12345';
const WAIT = { timeout: 15_000 };

type Seed = Awaited<ReturnType<Harness['seedWorkdomain']>>;

/** The focused element, looking through open shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return {
      label: element?.getAttribute('aria-label') ?? null,
      inOpenDialog: Boolean(element?.closest('dialog[open]')),
    };
  });

/** axe-core's serious and critical findings on the page as it is now (the widget preview frame has its own tests). */
async function seriousA11yFindings(page: Page) {
  // Evaluated rather than added as a <script>: the page's CSP rightly refuses inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const { violations } = await (window as any).axe.run(document, { iframes: false });
    return violations.map((violation: any) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node: any) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation: { impact: string }) =>
    ['serious', 'critical'].includes(violation.impact),
  );
}

/** The registration settings as the signed-in page sees them. */
const registrationSeenBy = (page: Page) =>
  page.evaluate(async () => (await fetch('/api/admin/registration')).json());

describe('the admin page at /admin', { timeout: 90_000 }, () => {
  let h: Harness;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function newPage(
    options: { viewport?: { width: number; height: number }; permissions?: string[] } = {},
  ): Promise<Page> {
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      permissions: options.permissions ?? [],
    });
    contexts.push(context);
    return context.newPage();
  }

  async function signIn(page: Page, seed: Seed, as: 'admin' | 'pic' = 'admin') {
    await page.goto(`${h.baseUrl}/admin`);
    const user = as === 'admin' ? seed.admin : seed.pic;
    // The email alone names the account: nobody types a workdomain.
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(as === 'admin' ? seed.adminPassword : PIC_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function openPanel(page: Page) {
    await page.getByRole('button', { name: 'Public registration' }).click();
    const panel = page.getByRole('dialog', { name: 'Public registration' });
    await expect.poll(() => panel.isVisible(), WAIT).toBe(true);
    await expect.poll(() => page.getByRole('switch', { name: 'Registration open' }).count(), WAIT).toBe(1);
    return panel;
  }

  beforeAll(async () => {
    if (!existsSync(path.resolve('dist/pages/.vite/manifest.json')))
      throw new Error(
        'The pages are not built: run `npm run build` (or `npx vite build --mode pages`) first.',
      );
    mkdirSync(SCREENSHOTS, { recursive: true });
    h = await createHarness({ backend: 'pglite', listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await h?.close();
  });

  it('signs in, opens the panel from the top-right icon and creates the link on the first open', async () => {
    const seed = await h.seedWorkdomain({ open: false });
    const page = await newPage();
    await signIn(page, seed);
    await expect
      .poll(() => page.getByRole('heading', { name: 'User administration', exact: true }).isVisible(), WAIT)
      .toBe(true);

    const icon = page.getByRole('button', { name: 'Public registration' });
    const box = (await icon.boundingBox())!;
    expect(box.x + box.width).toBeGreaterThan(1280 * 0.85);
    expect(box.y).toBeLessThan(200);

    const panel = await openPanel(page);
    expect(await focused(page)).toMatchObject({ label: 'Close', inOpenDialog: true });
    await expect
      .poll(() => panel.getByText('The registration link is created the first time').isVisible(), WAIT)
      .toBe(true);

    const openSwitch = page.getByRole('switch', { name: 'Registration open' });
    expect(await openSwitch.getAttribute('aria-checked')).toBe('false');
    await openSwitch.click();
    await expect.poll(() => openSwitch.getAttribute('aria-checked'), WAIT).toBe('true');

    const link = page.getByLabel('Registration link', { exact: true });
    await expect.poll(() => link.count(), WAIT).toBe(1);
    const url = await link.inputValue();
    expect(url).toMatch(/\/join\/[\w-]+$/);
    const registration = await registrationSeenBy(page);
    expect(registration).toMatchObject({ open: true, url });
    expect(await page.getByLabel('Embed snippet', { exact: true }).inputValue()).toBe(registration.embed);

    const qr = page.getByRole('img', { name: 'QR code of the registration link' });
    await expect
      .poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0), WAIT)
      .toBe(true);
    expect(await page.getByRole('link', { name: 'Download QR code' }).getAttribute('download')).toBeTruthy();
    expect(await page.getByTitle('Widget preview').getAttribute('src')).toBe(
      `/join/${registration.linkId}?preview=1`,
    );
    await expect.poll(() => panel.getByText('Opened registration').isVisible(), WAIT).toBe(true);
    // Tall enough to show the settings, the link with its QR code, the snippet and the preview at once.
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page
      .frameLocator('iframe[title="Widget preview"]')
      .getByRole('button', { name: 'Send code' })
      .waitFor(WAIT);
    await keepScreenshot(page, 'admin-registration-panel.png');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible(), WAIT).toBe(false);
    expect(await focused(page)).toMatchObject({ label: 'Public registration', inOpenDialog: false });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Email me a code' }).isVisible(), WAIT)
      .toBe(true);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
  });

  it('copies the embed snippet to the clipboard and says so', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await signIn(page, seed);
    await openPanel(page);
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count(), WAIT).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const { embed } = await registrationSeenBy(page);
    expect(embed).toContain(`link="${seed.linkId}"`);
    expect(copied).toBe(embed);
  });

  it('regenerates the link only after a confirmation; the old link stops working', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage();
    await signIn(page, seed);
    await openPanel(page);
    const link = page.getByLabel('Registration link', { exact: true });
    expect(await link.inputValue()).toContain(`/join/${seed.linkId}`);

    const regenerate = page.getByRole('button', { name: 'Regenerate link', exact: true });
    await regenerate.click();
    const confirm = page.getByRole('dialog', { name: 'Regenerate the registration link?' });
    await expect.poll(() => confirm.isVisible(), WAIT).toBe(true);
    expect(await confirm.textContent()).toContain('The old link and embedded widgets stop working');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirm.isVisible(), WAIT).toBe(false);
    expect((await registrationSeenBy(page)).linkId).toBe(seed.linkId);

    await regenerate.click();
    await confirm.getByRole('button', { name: 'Regenerate link' }).click();
    await expect.poll(() => link.inputValue(), WAIT).not.toContain(seed.linkId);
    const { linkId, url } = await registrationSeenBy(page);
    expect(await link.inputValue()).toBe(url);
    expect(await page.getByTitle('Widget preview').getAttribute('src')).toBe(`/join/${linkId}?preview=1`);
    expect((await h.request('GET', `/api/registrations/${seed.linkId}`)).status).toBe(404);
    expect((await h.request('GET', `/api/registrations/${linkId}`)).status).toBe(200);
  });

  it('shows each help text from its "?" button with the keyboard', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage();
    await signIn(page, seed);
    await openPanel(page);

    await page.getByRole('switch', { name: 'Registration open' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ label: 'Help: Registration open' });
    const openHelp = page.getByText(helpTexts.open);
    expect(await openHelp.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => openHelp.isVisible(), WAIT).toBe(true);
    const button = page.getByRole('button', { name: 'Help: Registration open' });
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await button.getAttribute('aria-controls')).toBe('help-open');
    await page.keyboard.press('Enter');
    await expect.poll(() => openHelp.isVisible(), WAIT).toBe(false);

    await page.getByLabel('Person in charge', { exact: true }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ label: 'Help: Person in charge' });
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByText(helpTexts.pic).isVisible(), WAIT).toBe(true);

    for (const setting of [
      'Capacity',
      'Welcome message',
      'First message from registrants',
      'Registration link',
      'Embed snippet',
      'Regenerate link',
    ]) {
      expect(await page.getByRole('button', { name: `Help: ${setting}` }).count()).toBe(1);
    }
  });

  it('closes registration when the PIC is deactivated from the users table, and says why', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage();
    await signIn(page, seed);

    await page.getByRole('button', { name: `Deactivate ${seed.pic.name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Deactivate ${seed.pic.name}?` });
    await expect.poll(() => confirm.isVisible(), WAIT).toBe(true);
    expect(await confirm.textContent()).toContain('This closes public registration');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();

    const row = page.getByRole('row').filter({ hasText: seed.pic.email });
    await expect.poll(() => row.getByRole('cell', { name: 'Inactive' }).count(), WAIT).toBe(1);
    expect(await row.getByRole('button', { name: `Reactivate ${seed.pic.name}` }).count()).toBe(1);

    await openPanel(page);
    const openSwitch = page.getByRole('switch', { name: 'Registration open' });
    await expect.poll(() => openSwitch.getAttribute('aria-checked'), WAIT).toBe('false');
    await expect.poll(() => page.locator('#closed-reason').textContent(), WAIT).toContain('PIC unavailable');
    expect(
      await page
        .getByText(
          'The person in charge is no longer active. Choose another person in charge, then open registration again.',
        )
        .isVisible(),
    ).toBe(true);
    expect(await registrationSeenBy(page)).toMatchObject({ open: false, closedReason: 'pic_unavailable' });
    // Only active internal users can be chosen now.
    const options = await page
      .getByLabel('Person in charge', { exact: true })
      .locator('option:not([disabled])')
      .allTextContents();
    expect(options.join('\n')).not.toContain(seed.pic.email);
    expect(options.join('\n')).toContain(seed.admin.email);
    await expect
      .poll(() => page.getByRole('cell', { name: 'Registration closed automatically' }).count(), WAIT)
      .toBe(1);

    // Choosing another person in charge and switching on opens registration again.
    await page.getByLabel('Person in charge', { exact: true }).selectOption(seed.admin.id);
    await openSwitch.click();
    await expect.poll(() => openSwitch.getAttribute('aria-checked'), WAIT).toBe('true');
    expect(await registrationSeenBy(page)).toMatchObject({ open: true, pic: { id: seed.admin.id } });
  });

  it('explains a registration closed because the capacity is used up or the plan is not eligible', async () => {
    const full = await h.seedWorkdomain({ limit: 1 });
    expect((await h.register(full.linkId, 'Ana Lima', 'ana.full@example.test')).verified.status).toBe(201);
    const page = await newPage();
    await signIn(page, full);
    await openPanel(page);
    await expect.poll(() => page.locator('#closed-reason').textContent(), WAIT).toContain('Capacity reached');
    expect(await page.getByRole('switch', { name: 'Registration open' }).getAttribute('aria-checked')).toBe(
      'false',
    );
    const capacity = page.locator('#capacity-text');
    expect(await capacity.textContent()).toMatch(/1 \/ 1 external users\s*Full:/);
    expect(await capacity.getAttribute('class')).toContain('capacity-warning');
    expect(await page.locator('meter#capacity').evaluate((meter: HTMLMeterElement) => meter.value)).toBe(1);

    const standard = await h.seedWorkdomain({ plan: 'standard', open: false });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, standard);
    await openPanel(page);
    await expect
      .poll(() => page.locator('#closed-reason').textContent(), WAIT)
      .toContain('Plan not eligible');
    await page.getByRole('switch', { name: 'Registration open' }).click();
    await expect.poll(() => page.locator('#open-error').textContent(), WAIT).toMatch(/\S/);
    expect(await registrationSeenBy(page)).toMatchObject({ open: false, linkId: null });
  });

  it('previews the welcome message live, as text, and saves it', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage();
    await signIn(page, seed);
    await openPanel(page);

    const editor = page.getByLabel('Welcome message', { exact: true });
    const preview = page.locator('#welcome-preview');
    expect(await preview.textContent()).toBe('Welcome! How can we help?');
    await editor.fill('');
    await editor.pressSequentially('Hello');
    await expect.poll(() => preview.textContent(), WAIT).toBe('Hello');
    const markup = ' <b>bold</b> <img src=x onerror="document.title=1">';
    await editor.pressSequentially(markup);
    await expect.poll(() => preview.textContent(), WAIT).toBe(`Hello${markup}`);
    expect(await preview.locator('b, img').count()).toBe(0);
    expect(await page.getByText(seed.pic.name).first().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Settings saved.' }).count(), WAIT)
      .toBe(1);
    expect((await registrationSeenBy(page)).welcomeMessage).toBe(`Hello${markup}`);
    expect(await page.title()).not.toBe('1');
  });

  it('asks registrants for a first message when the admin chooses so', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage();
    await signIn(page, seed);
    await openPanel(page);

    const mode = page.getByLabel('First message from registrants', { exact: true });
    expect(await mode.inputValue()).toBe('off');
    await mode.selectOption('required');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Settings saved.' }).count(), WAIT)
      .toBe(1);
    expect((await registrationSeenBy(page)).message).toBe('required');
    expect((await h.request('GET', `/api/registrations/${seed.linkId}`)).body.message).toBe('required');
  });

  it('has no serious accessibility findings on the users view and the open panel, and fits 320 px', async () => {
    const seed = await h.seedWorkdomain();
    const { verified } = await h.register(seed.linkId, 'Ana Lima', 'ana.lima@example.test');
    expect(verified.status).toBe(201);
    const page = await newPage();
    await signIn(page, seed);

    const registrant = page.getByRole('row').filter({ hasText: 'ana.lima@example.test' });
    await expect.poll(() => registrant.count(), WAIT).toBe(1);
    expect(await registrant.textContent()).toContain('Via registration link');
    expect(await registrant.textContent()).toContain('External');
    expect(await seriousA11yFindings(page)).toEqual([]);
    await keepScreenshot(page, 'admin-users.png');

    await openPanel(page);
    await page.getByRole('button', { name: 'Help: Person in charge' }).click();
    await expect.poll(() => page.getByRole('rowheader', { name: 'Accounts created' }).count(), WAIT).toBe(1);
    expect(await seriousA11yFindings(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = () =>
      page.evaluate(() => {
        const panel = document
          .querySelector('chatpoint-admin')!
          .shadowRoot!.querySelector('chatpoint-registration-panel')!
          .shadowRoot!.querySelector('dialog')!;
        return {
          page: document.documentElement.scrollWidth,
          panel: panel.scrollWidth - panel.clientWidth,
        };
      });
    expect(await overflow()).toEqual({ page: 320, panel: 0 });
    await page.keyboard.press('Escape');
    expect((await overflow()).page).toBe(320);
  });

  it('tells a member who signs in that the page is for administrators', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage();
    await signIn(page, seed, 'pic');
    await expect.poll(() => page.getByText('This page is for administrators.').isVisible(), WAIT).toBe(true);
    expect(await page.getByRole('button', { name: 'Public registration' }).count()).toBe(0);
  });

  it('keeps the admin on the form with an alert for a wrong password', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage();
    await page.goto(`${h.baseUrl}/admin`);
    expect(await page.getByLabel('Workdomain').count()).toBe(0);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(seed.admin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await expect.poll(() => alert.count(), WAIT).toBe(1);
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('heading', { name: 'User administration', exact: true }).count()).toBe(0);
  });

  it('signs an administrator in with a code from email', async () => {
    const seed = await h.seedWorkdomain();
    const page = await newPage();
    await page.goto(`${h.baseUrl}/admin`);
    await page.getByLabel('Email').fill(seed.admin.email);
    await page.getByRole('button', { name: 'Email me a code' }).click();
    await page.getByLabel('Sign-in code').waitFor(WAIT);
    await h.smtp.waitFor(seed.admin.email, (mail) => mail.subject.endsWith('sign-in code'));
    const mail = h.smtp.all(seed.admin.email).at(-1)!;
    await page.getByLabel('Sign-in code').fill(/\d{6}/.exec(mail.subject)![0]);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Public registration' }).isVisible(), WAIT)
      .toBe(true);
  });
});
