import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { registrationSettings } from '../../server/db/schema/index.ts';
import { signInToAdmin, usePagesHarness } from '../helpers/pages.ts';

const SCREENSHOTS = path.resolve('docs/screenshots');
const WAIT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Screenshots of the docs are rewritten when asked (UPDATE_SCREENSHOTS=1). */
async function docsScreenshot(page: Page, name: string, element?: ReturnType<Page['locator']>) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await (element ? element.screenshot({ path: file }) : page.screenshot({ path: file }));
}

/** Scrolls the panel so that `heading` sits just below its sticky header. */
const topOf = (heading: ReturnType<Page['locator']>) =>
  heading.evaluate((node) => {
    node.scrollIntoView({ block: 'start' });
    node.closest('dialog')?.scrollBy(0, -70);
  });

describe('the admin page: access rules, preview, funnel and a truthful panel', { timeout: 120_000 }, () => {
  const pages = usePagesHarness();
  type Seed = Awaited<ReturnType<typeof pages.h.seedWorkdomain>>;

  async function signedIn(seed: Seed, viewport = DESKTOP) {
    return signInToAdmin(await pages.newPage(viewport), pages.h.baseUrl, seed);
  }

  async function openPanel(page: Page) {
    await page.getByRole('button', { name: 'Public registration' }).click();
    const panel = page.getByRole('dialog', { name: 'Public registration' });
    await expect.poll(() => page.getByRole('switch', { name: 'Registration open' }).count(), WAIT).toBe(1);
    return panel;
  }

  /** The texts of every non-empty alert in the panel. */
  const alerts = (page: Page) =>
    page
      .getByRole('dialog', { name: 'Public registration' })
      .locator('[role="alert"]')
      .evaluateAll((nodes) => nodes.map((node) => node.textContent!.trim()).filter(Boolean));

  it('saves the access rules as the server stores them, refuses a bad domain beside the form, and audits', async () => {
    const seed = await pages.h.seedWorkdomain();
    const page = await signedIn(seed);
    const panel = await openPanel(page);

    await panel.getByLabel('Allowed email domains', { exact: true }).fill('Example.COM\nbücher.example');
    await panel.getByLabel('Allowed web sites (origins)', { exact: true }).fill('https://Shop.Example.com/');
    await panel.getByLabel('Bot protection (proof of work)', { exact: true }).check();
    await panel.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => panel.getByText('Rules saved.').isVisible(), WAIT).toBe(true);
    expect(await panel.getByLabel('Allowed email domains', { exact: true }).inputValue()).toBe(
      'example.com\nxn--bcher-kva.example',
    );
    expect(await panel.getByLabel('Allowed web sites (origins)', { exact: true }).inputValue()).toBe(
      'https://shop.example.com',
    );
    const stored = await page.evaluate(async () => (await fetch('/api/admin/registration')).json());
    expect(stored).toMatchObject({ botProtection: true, allowedOrigins: ['https://shop.example.com'] });
    await expect.poll(() => panel.getByText('Changed the allowed email domains').count(), WAIT).toBe(1);
    await expect.poll(() => panel.getByText('Changed bot protection').count(), WAIT).toBe(1);

    await panel.getByLabel('Blocked email domains', { exact: true }).fill('not a domain');
    await panel.getByRole('button', { name: 'Save rules' }).click();
    await expect
      .poll(() => alerts(page), WAIT)
      .toEqual(['Blocked email domains: "not a domain" is not a domain name such as example.com.']);

    for (const topic of ['Allowed email domains', 'Blocked email domains', 'Allowed web sites (origins)']) {
      await panel.getByRole('button', { name: `Help: ${topic}` }).click();
    }
    await panel.getByRole('button', { name: 'Help: Bot protection (proof of work)' }).click();
    await expect.poll(() => panel.getByText('Nothing is sent to a third party').isVisible(), WAIT).toBe(true);
    await panel.getByLabel('Blocked email domains', { exact: true }).fill('');
    await topOf(panel.getByRole('heading', { name: 'Who may register' }));
    await docsScreenshot(page, 'admin-access-rules.png');
    expect(await panel.getByLabel('Content-Security-Policy of the page', { exact: true }).inputValue()).toBe(
      `script-src ${pages.h.baseUrl};\nconnect-src ${pages.h.baseUrl};`,
    );
  });

  it('previews exactly the snippet: the form cannot be sent and no view is counted', async () => {
    const seed = await pages.h.seedWorkdomain();
    const page = await signedIn(seed);
    const panel = await openPanel(page);
    // The preview loads lazily, as an admin scrolls to it.
    await panel.locator('iframe[title="Widget preview"]').scrollIntoViewIfNeeded();
    const frame = panel.frameLocator('iframe[title="Widget preview"]');
    const submit = frame.getByRole('button', { name: 'Send code' });
    await expect.poll(() => submit.isVisible(), WAIT).toBe(true);
    expect(await submit.isDisabled()).toBe(true);
    expect(await frame.locator('h1').count()).toBe(0);
    const funnel = await page.evaluate(async () => (await fetch('/api/admin/funnel')).json());
    expect(funnel.last7Days.linkViews).toBe(0);

    // The hosted page counts its visitor once per browser session.
    const visitor = await pages.newPage(PHONE);
    await visitor.goto(`${pages.h.baseUrl}/join/${seed.linkId}`);
    await expect.poll(() => visitor.getByRole('button', { name: 'Send code' }).isVisible(), WAIT).toBe(true);
    await visitor.reload();
    await expect.poll(() => visitor.getByRole('button', { name: 'Send code' }).isVisible(), WAIT).toBe(true);
    const counted = await page.evaluate(async () => (await fetch('/api/admin/funnel')).json());
    expect(counted.last7Days.linkViews).toBe(1);
    expect(counted.byLink).toEqual([expect.objectContaining({ linkId: seed.linkId })]);
    await page.reload();
    const reopened = await openPanel(page);
    const funnelSection = reopened.locator('section', { hasText: 'Per link, last 30 days' });
    await expect.poll(() => funnelSection.getByText('Current').isVisible(), WAIT).toBe(true);
    await docsScreenshot(page, 'admin-funnel.png', funnelSection);
  });

  it('registers through a link with bot protection on, without the registrant doing anything', async () => {
    const seed = await pages.h.seedWorkdomain();
    await pages.h.db
      .update(registrationSettings)
      .set({ botProtection: true })
      .where(eq(registrationSettings.workdomainId, seed.workdomain.id));
    const visitor = await pages.newPage(PHONE);
    await visitor.goto(`${pages.h.baseUrl}/join/${seed.linkId}`);
    const email = `bot.check.${Date.now()}@example.com`;
    await visitor.getByLabel('Name').fill('Human Being');
    await visitor.getByLabel('Email').fill(email);
    await visitor.getByRole('button', { name: 'Send code' }).click();
    await expect.poll(() => visitor.getByLabel('Verification code').isVisible(), WAIT).toBe(true);
    await visitor.getByLabel('Verification code').fill(await pages.h.codeFor(email));
    await visitor.getByLabel('Verification code').press('Enter');
    await expect.poll(() => visitor.getByRole('button', { name: 'Chat' }).isVisible(), WAIT).toBe(true);
  });

  it('follows deactivation and reactivation of the PIC without a reload, one message per problem', async () => {
    const seed = await pages.h.seedWorkdomain();
    const page = await signedIn(seed);
    const row = page.getByRole('row', { name: new RegExp(seed.pic.name) });
    await expect.poll(() => row.getByText('Person in charge').count(), WAIT).toBe(1);

    await page.getByRole('button', { name: `Deactivate ${seed.pic.name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => row.getByText('Inactive').count(), WAIT).toBe(1);

    const panel = await openPanel(page);
    await expect
      .poll(() => panel.getByText('Closed automatically: PIC unavailable').isVisible(), WAIT)
      .toBe(true);
    const pic = panel.getByLabel('Person in charge', { exact: true });
    expect(await pic.locator('option:checked').textContent()).toContain('Choose a person in charge');
    expect(await panel.getByText('no longer active').count()).toBe(1);

    await page.getByRole('switch', { name: 'Registration open' }).click();
    await expect
      .poll(() => alerts(page), WAIT)
      .toEqual(['The person in charge is not an active member of this workdomain.']);
    await expect.poll(() => panel.getByText('Closed automatically: PIC unavailable').count(), WAIT).toBe(0);
    await docsScreenshot(
      page,
      'admin-pic-problem.png',
      panel.locator('section', { hasText: 'Settings' }).first(),
    );
    await panel.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: `Reactivate ${seed.pic.name}` }).click();
    await expect.poll(() => row.getByText('Active', { exact: true }).count(), WAIT).toBe(1);
    await openPanel(page);
    await expect.poll(() => pic.locator('option:checked').textContent(), WAIT).toContain(seed.pic.name);
  });

  it('opening with no PIC says so once, beside the PIC field', async () => {
    const seed = await pages.h.seedWorkdomain({ open: false });
    await pages.h.db
      .update(registrationSettings)
      .set({ picUserId: null })
      .where(eq(registrationSettings.workdomainId, seed.workdomain.id));
    const page = await signedIn(seed);
    const panel = await openPanel(page);
    await page.getByRole('switch', { name: 'Registration open' }).click();
    await expect
      .poll(() => alerts(page), WAIT)
      .toEqual(['Choose a person in charge before opening registration.']);
    expect(await panel.locator('#pic-error').textContent()).toContain('Choose a person in charge');
  });

  it('keeps the users list and the panel within a 390 px phone', async () => {
    const seed = await pages.h.seedWorkdomain();
    await pages.h.register(seed.linkId, 'Phone Person', `phone.${Date.now()}@example.com`);
    const page = await signedIn(seed, PHONE);
    await expect.poll(() => page.locator('chatpoint-admin-users tbody tr').count(), WAIT).toBe(3);
    // Each user is a card (test/e2e/admin-phone.test.ts): nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const panel = await openPanel(page);
    await topOf(panel.getByRole('heading', { name: 'Who may register' }));
    await docsScreenshot(page, 'admin-access-rules-phone.png');
    await topOf(panel.getByRole('heading', { name: 'Funnel' }));
    await docsScreenshot(page, 'admin-funnel-phone.png');
  });
});
