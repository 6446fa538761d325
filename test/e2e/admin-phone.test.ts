import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openRegistrationPanel, signInToAdmin, usePagesHarness } from '../helpers/pages.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const SCREENSHOTS = path.resolve('docs/screenshots');
const WAIT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Screenshots of the docs are rewritten when asked (UPDATE_SCREENSHOTS=1). */
async function docsScreenshot(page: Page, name: string, element?: Locator) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await (element ? element.screenshot({ path: file }) : page.screenshot({ path: file }));
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the admin page on a 390 px phone', { timeout: 120_000 }, () => {
  const pages = usePagesHarness();
  type Seed = Awaited<ReturnType<typeof pages.h.seedWorkdomain>>;

  async function signedIn(seed: Seed, viewport: { width: number; height: number }, requests: string[] = []) {
    const page = await pages.newPage(viewport, { phone: viewport.width < 600 });
    page.on('response', (response) => {
      if (response.url().includes('/static/')) requests.push(`${response.status()} ${response.url()}`);
    });
    return signInToAdmin(page, pages.h.baseUrl, seed);
  }

  const openPanel = openRegistrationPanel;

  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth);

  it('shows each user as a card: no sideways scroll, Deactivate in reach, the notice in the row', async () => {
    const seed = await pages.h.seedWorkdomain();
    const email = `phone.person.${Date.now()}@example.com`;
    await pages.h.register(seed.linkId, 'Phone Person', email);
    const page = await signedIn(seed, PHONE);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await noSidewaysScroll(page)).toBe(true);

    const deactivate = row.getByRole('button', { name: 'Deactivate Phone Person' });
    const button = (await deactivate.boundingBox())!;
    expect(button.x).toBeGreaterThanOrEqual(0);
    expect(button.x + button.width).toBeLessThanOrEqual(PHONE.width);
    await docsScreenshot(page, 'admin-users-phone.png');

    await deactivate.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    const notice = row.getByRole('status');
    await expect.poll(() => notice.textContent(), WAIT).toBe('Phone Person is deactivated.');
    // The notice sits inside the user's card, right under the button that caused it.
    const card = (await row.boundingBox())!;
    const said = (await notice.boundingBox())!;
    expect(said.y).toBeGreaterThanOrEqual(card.y);
    expect(said.y + said.height).toBeLessThanOrEqual(card.y + card.height);
    const reactivate = (await row.getByRole('button', { name: 'Reactivate Phone Person' }).boundingBox())!;
    expect(said.y - (reactivate.y + reactivate.height)).toBeLessThan(24);
    expect(await noSidewaysScroll(page)).toBe(true);
    await docsScreenshot(page, 'admin-users-deactivated-phone.png');
  });

  it('says "Rules saved." beside the button, covering no heading', async () => {
    const seed = await pages.h.seedWorkdomain();
    const page = await signedIn(seed, PHONE);
    const panel = await openPanel(page);
    await panel.getByLabel('Allowed email domains', { exact: true }).fill('example.com');
    const save = panel.getByRole('button', { name: 'Save rules' });
    // The admin has scrolled the section's heading up to just below the panel's header.
    await panel.getByRole('heading', { name: 'Who may register' }).evaluate((node) => {
      node.scrollIntoView({ block: 'start' });
      node.closest('dialog')?.scrollBy(0, -70);
    });
    await save.evaluate((button: HTMLButtonElement) => button.click());
    const toast = panel.getByText('Rules saved.');
    await expect.poll(() => toast.isVisible(), WAIT).toBe(true);
    const said = (await toast.boundingBox())!;
    const headings = await panel.locator('h2, h3, h4').all();
    expect(headings.length).toBeGreaterThan(3);
    for (const heading of headings) {
      const box = await heading.boundingBox();
      if (box) expect(overlaps(said, box), (await heading.textContent()) ?? '').toBe(false);
    }
    const button = (await save.boundingBox())!;
    expect(said.y - (button.y + button.height)).toBeLessThan(40);
    expect(await noSidewaysScroll(page)).toBe(true);
  });

  it('loads the registration panel only when asked, every chunk from /static/ under the page CSP', async () => {
    const seed = await pages.h.seedWorkdomain();
    const requests: string[] = [];
    const page = await signedIn(seed, DESKTOP, requests);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Failed to fetch dynamically imported module/i.test(message.text()))
        refused.push(message.text());
    });
    const before = [...requests];
    expect(before.some((line) => line.includes('registration-panel'))).toBe(false);

    await openPanel(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Webhooks' }).count(), WAIT).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Links' }).count(), WAIT).toBe(1);
    const chunks = requests.filter((line) => line.includes('/static/chunks/'));
    expect(chunks.some((line) => line.includes('registration-panel'))).toBe(true);
    expect(requests.every((line) => line.startsWith('200 '))).toBe(true);
    expect(refused).toEqual([]);
  });

  it('screenshots of the users list, the panel and the funnel, on a desktop and a phone', async () => {
    if (!process.env.UPDATE_SCREENSHOTS) return;
    const seed = await pages.h.seedWorkdomain();
    const member = `returning.member.${Date.now()}@example.com`;
    await pages.h.register(seed.linkId, 'Ana Lima', member);
    await pages.h.register(seed.linkId, 'Ben Okafor', `ben.${Date.now()}@example.com`);
    await pages.h.request('POST', `/api/registrations/${seed.linkId}/start`, {
      name: 'Dropped Off',
      email: `dropped.${Date.now()}@example.com`,
    });
    for (let i = 0; i < 4; i++) await pages.h.request('GET', `/api/registrations/${seed.linkId}?view=1`);
    // A returning member signs in with a sign-in code: counted apart from new accounts.
    const again = await pages.h.request('POST', `/api/registrations/${seed.linkId}/start`, {
      name: 'Ana Lima',
      email: member,
    });
    const isSignIn = (mail: { subject: string }) => mail.subject.startsWith('Your sign-in code for');
    await pages.h.smtp.waitFor(member, () => pages.h.smtp.all(member).some(isSignIn));
    await pages.h.request('POST', `/api/registrations/${seed.linkId}/verify`, {
      registrationId: again.body.registrationId,
      code: codeIn(pages.h.smtp.all(member).filter(isSignIn).at(-1)!),
    });
    for (const viewport of [DESKTOP, PHONE]) {
      const suffix = viewport === PHONE ? '-phone' : '';
      const page = await signedIn(seed, viewport);
      await expect.poll(() => page.getByRole('row').filter({ hasText: member }).count(), WAIT).toBe(1);
      if (viewport === DESKTOP) await docsScreenshot(page, 'admin-users.png');
      const panel = await openPanel(page);
      await docsScreenshot(page, `admin-registration-panel${suffix}.png`);
      const funnel = panel.locator('section', { hasText: 'Per link, last 30 days' });
      await expect.poll(() => funnel.getByText('Current').isVisible(), WAIT).toBe(true);
      if (viewport === DESKTOP) {
        await docsScreenshot(page, 'admin-funnel.png', funnel);
      } else {
        // Scrolled so that the section starts just below the panel's sticky header.
        await panel.getByRole('heading', { name: 'Funnel' }).evaluate((node) => {
          node.scrollIntoView({ block: 'start' });
          node.closest('dialog')?.scrollBy(0, -70);
        });
        await docsScreenshot(page, 'admin-funnel-phone.png');
      }
    }
  });
});
