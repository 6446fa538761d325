import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { usePagesHarness } from '../helpers/pages.ts';

const WAIT = { timeout: 15_000 };

describe('an admin exports and erases one person', { timeout: 120_000 }, () => {
  const pages = usePagesHarness();

  async function signedIn(seed: Awaited<ReturnType<typeof pages.h.seedWorkdomain>>, width: number) {
    const page = await pages.newPage({ width, height: 844 }, { phone: width < 600 });
    await page.goto(`${pages.h.baseUrl}/admin`);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(seed.admin.email);
    await page.getByLabel('Password').fill(seed.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  }

  async function eraseFlow(page: Page, name: string, email: string, shot: string) {
    const exportButton = page.getByRole('button', { name: `Export data of ${name}` });
    await exportButton.waitFor(WAIT);
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const saved = path.join(mkdtempSync(path.join(tmpdir(), 'chatpoint-export-')), 'export.json');
    await download.saveAs(saved);
    const exported = JSON.parse(readFileSync(saved, 'utf8'));
    expect(exported.user).toMatchObject({ name, email, kind: 'external' });

    await page.getByRole('button', { name: `Erase ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Erase ${name}?` }).waitFor(WAIT);
    expect(await dialog.getByText(`${name} (${email}) is erased for good`).count()).toBe(1);
    // The documentation's pictures are refreshed on request, so a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/${shot}.png` });
    await dialog.getByRole('button', { name: 'Erase' }).click();
    await page.getByText(`${name} was erased.`).waitFor(WAIT);
    await expect.poll(() => page.getByRole('button', { name: `Erase ${name}` }).count(), WAIT).toBe(0);
  }

  it('on a desktop and on a 390 px phone, behind a confirmation that names the person', async () => {
    const { h } = pages;
    for (const [width, shot] of [
      [1280, 'admin-erase-confirmation-desktop'],
      [390, 'admin-erase-confirmation-phone'],
    ] as const) {
      const seed = await h.seedWorkdomain();
      const email = `erase.${width}@example.test`;
      const { verified } = await h.register(seed.linkId, 'Erin Example', email);
      expect(verified.status).toBe(201);
      await eraseFlow(await signedIn(seed, width), 'Erin Example', email, shot);
      const gone = await h.request('POST', `/api/registrations/${seed.linkId}/start`, {
        name: 'Erin',
        email,
      });
      expect(gone.status).toBe(202);
    }
  });
});
