import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { usePagesHarness } from '../helpers/pages.ts';
import { expectedPinnedSnippet } from '../helpers/pinned-snippet.ts';

const WAIT = { timeout: 15_000 };

/** Screenshots of the docs are rewritten when asked (UPDATE_SCREENSHOTS=1). */
async function docsScreenshot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: path.join('docs/screenshots', name) });
}

describe("the Share section's integrity-pinned snippet", { timeout: 120_000 }, () => {
  const pages = usePagesHarness();

  it('shows the versioned, integrity-pinned snippet beside the plain one, with its own copy button', async () => {
    const seed = await pages.h.seedWorkdomain();
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const phone = viewport.width < 600;
      const page = await pages.newPage(viewport, { phone });
      await page.goto(`${pages.h.baseUrl}/admin`);
      await page.getByRole('button', { name: 'Use a password instead' }).click();
      await page.getByLabel('Email').fill(seed.admin.email);
      await page.getByLabel('Password').fill(seed.adminPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Public registration' }).click();
      const pinned = page.getByRole('textbox', { name: 'Snippet pinned with Subresource Integrity' });
      await expect.poll(() => pinned.count(), WAIT).toBe(1);
      expect(await pinned.inputValue()).toBe(expectedPinnedSnippet(pages.h.baseUrl, seed.linkId));
      expect(await page.getByRole('button', { name: 'Copy pinned snippet' }).count()).toBe(1);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(
        true,
      );
      const field = page.locator('.field', { has: pinned });
      await field.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await docsScreenshot(page, `admin-pinned-snippet${phone ? '-phone' : ''}.png`);
      await page.close();
    }
  });
});
