import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { createHarness, type Harness } from './harness.ts';

export interface PagesHarness {
  /** The real server (PGlite, real SMTP sink), listening on h.baseUrl. */
  readonly h: Harness;
  readonly browser: Browser;
  /**
   * A page in a fresh browser context (its own cookies), closed after the file. `phone` makes it
   * a touch screen (`pointer: coarse`), as a phone's browser reports.
   */
  newPage(viewport?: { width: number; height: number }, options?: { phone?: boolean }): Promise<Page>;
}

/**
 * For browser tests of the built pages: registers beforeAll/afterAll that start the server and
 * Chromium once per file, and fails at once when `npm run build` has not run.
 */
export function usePagesHarness(): PagesHarness {
  let h: Harness | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  // Starting the server and Chromium is slow on a busy machine.
  beforeAll(async () => {
    if (!existsSync(path.resolve('dist/pages/.vite/manifest.json'))) {
      throw new Error(
        'The pages are not built: run `npm run build` (or `npx vite build --mode pages`) first.',
      );
    }
    h = await createHarness({ backend: 'pglite', listen: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await h?.close();
  });

  return {
    get h() {
      if (!h) throw new Error('the pages harness is not started');
      return h;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started');
      return browser;
    },
    async newPage(viewport = { width: 800, height: 800 }, options: { phone?: boolean } = {}) {
      const context = await this.browser.newContext({
        viewport,
        ...(options.phone ? { hasTouch: true, isMobile: true } : {}),
      });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Signs an admin in on /admin with their password; resolves once the users list is shown. */
export async function signInToAdmin(
  page: Page,
  baseUrl: string,
  seed: { admin: { email: string }; adminPassword: string },
): Promise<Page> {
  await page.goto(`${baseUrl}/admin`);
  await page.getByRole('button', { name: 'Use a password instead' }).click();
  await page.getByLabel('Email').fill(seed.admin.email);
  await page.getByLabel('Password').fill(seed.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'User administration', exact: true }).waitFor({ timeout: 15_000 });
  return page;
}

/** Opens the Public registration panel; resolves once its open switch is there. */
export async function openRegistrationPanel(page: Page) {
  await page.getByRole('button', { name: 'Public registration' }).click();
  await page.getByRole('switch', { name: 'Registration open' }).waitFor({ timeout: 15_000 });
  return page.getByRole('dialog', { name: 'Public registration' });
}
