import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../helpers/harness.ts';
import { usePagesHarness } from '../helpers/pages.ts';

const PIC_PASSWORD = 'pic-pass-12345';
const WAIT = { timeout: 15_000 };

/** Every element under `root`, through open shadow roots (the app's parts each have one). */
const countInShadows = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    let count = 0;
    const visit = (root: Document | ShadowRoot) => {
      count += root.querySelectorAll(selector).length;
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    return count;
  }, selector);

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousA11yFindings(page: Page) {
  // Evaluated rather than added as a <script>: the page's CSP rightly refuses inline script.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations: { id: string; impact: string; nodes: string[] }[] = await page.evaluate(async () => {
    const { violations } = await (window as any).axe.run(document);
    return violations.map((violation: any) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.map((node: any) => JSON.stringify(node.target)),
    }));
  });
  return violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
}

describe('the web app at /app', () => {
  const pages = usePagesHarness();
  let h: Harness;
  beforeAll(() => {
    h = pages.h;
  });
  const newPage = (viewport = { width: 1024, height: 800 }) => pages.newPage(viewport);

  async function signIn(page: Page, workdomain: string, email: string, password: string) {
    await page.goto(`${h.baseUrl}/app?workdomain=${encodeURIComponent(workdomain)}`);
    expect(await page.getByLabel('Workdomain').inputValue()).toBe(workdomain);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('signs the registrant in from the deep link, shows the welcome and carries a conversation with the PIC', async () => {
    const seed = await h.seedWorkdomain({ welcome: 'Welcome to Acme! Ask us anything.' });
    const { verified } = await h.register(seed.linkId, 'Ann Lee', 'ann.lee@example.test');
    expect(verified.status).toBe(201);
    const { deepLink, webUrl } = verified.body as { deepLink: string; webUrl: string };
    expect(deepLink).toMatch(/\/app\/open#token=/);
    expect(webUrl).toMatch(/\/app#token=/);

    const ann = await newPage();
    await ann.goto(deepLink);
    await ann
      .getByText(`Signed in as Ann Lee (ann.lee@example.test) · ${seed.workdomain.name}`)
      .waitFor(WAIT);
    expect(ann.url()).toBe(`${h.baseUrl}/app`);
    expect(await ann.evaluate(() => window.location.href)).not.toContain('token');
    const annLog = ann.getByRole('log');
    await annLog.getByText('Welcome to Acme! Ask us anything.').waitFor(WAIT);
    expect(await annLog.getAttribute('aria-live')).toBe('polite');

    // The documentation's picture; refreshed on request so a test run leaves the tree clean.
    const screenshot = path.resolve('docs/screenshots/web-app.png');
    if (process.env.UPDATE_SCREENSHOTS || !existsSync(screenshot)) {
      mkdirSync(path.dirname(screenshot), { recursive: true });
      await ann.screenshot({ path: screenshot, fullPage: true });
    }

    // Enter sends.
    await ann.getByRole('textbox', { name: 'Message' }).fill('Hello, I have a question about my order.');
    await ann.getByRole('textbox', { name: 'Message' }).press('Enter');
    await annLog.getByText('Hello, I have a question about my order.').waitFor(WAIT);
    expect(await ann.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');

    // The PIC signs in elsewhere, sees the message and answers.
    const pic = await newPage();
    await signIn(pic, seed.workdomain.slug, seed.pic.email, PIC_PASSWORD);
    await pic.getByText(`Signed in as Pat Chen (${seed.pic.email})`).waitFor(WAIT);
    await pic
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /Ann Lee/ })
      .click();
    const picLog = pic.getByRole('log');
    await picLog.getByText('Hello, I have a question about my order.').waitFor(WAIT);
    await picLog.getByText('Welcome to Acme! Ask us anything.').waitFor(WAIT);
    await pic
      .getByRole('textbox', { name: 'Message' })
      .fill('Hi Ann, happy to help. What is the order number?');
    await pic.getByRole('button', { name: 'Send' }).click();

    // The registrant's page polls and shows the answer, after her own message.
    await annLog.getByText('Hi Ann, happy to help. What is the order number?').waitFor(WAIT);
    const lines = await annLog.locator('li').allInnerTexts();
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(at('Welcome to Acme!')).toBeLessThan(at('Hello, I have a question'));
    expect(at('Hello, I have a question')).toBeLessThan(at('Hi Ann, happy to help'));

    // The link worked once: opened again, it explains what to do instead.
    const again = await newPage();
    await again.goto(deepLink);
    await again.getByText(/sign-in link has expired or was already used/).waitFor(WAIT);
    expect(again.url()).toBe(`${h.baseUrl}/app`);
    await again.getByRole('link', { name: 'reset your password' }).waitFor(WAIT);
    await again.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);

    // Sign out ends the session: a reload shows the sign-in form again.
    await ann.getByRole('button', { name: 'Sign out' }).click();
    await ann.getByRole('heading', { name: 'Sign in to ChatPoint' }).waitFor(WAIT);
    await ann.getByText('You are signed out.').waitFor(WAIT);
    await ann.reload();
    await ann.getByRole('heading', { name: 'Sign in to ChatPoint' }).waitFor(WAIT);
    expect(await ann.getByText(/Signed in as/).count()).toBe(0);
  }, 120_000);

  it('shows names and messages with markup as plain text', async () => {
    const seed = await h.seedWorkdomain();
    const name = '<img src=x onerror="window.__pwned=1">Mallory';
    const { verified } = await h.register(seed.linkId, name, 'mallory@example.test');
    expect(verified.status).toBe(201);

    const mallory = await newPage();
    await mallory.goto(verified.body.webUrl);
    await mallory.getByText(`Signed in as ${name} (mallory@example.test)`).waitFor(WAIT);
    const markup = '<b>bold</b><script>window.__pwned=2</script><img src=y onerror="window.__pwned=3">';
    await mallory.getByRole('textbox', { name: 'Message' }).fill(markup);
    await mallory.getByRole('button', { name: 'Send' }).click();
    await mallory.getByRole('log').getByText(markup).waitFor(WAIT);

    const pic = await newPage();
    await signIn(pic, seed.workdomain.slug, seed.pic.email, PIC_PASSWORD);
    await pic.getByRole('navigation', { name: 'Conversations' }).getByText(name).waitFor(WAIT);
    await pic.getByRole('log').getByText(markup).waitFor(WAIT);
    await pic.getByRole('heading', { name }).waitFor(WAIT);

    for (const page of [mallory, pic]) {
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await countInShadows(page, 'img, script:not([src]), b')).toBe(0);
    }
  }, 120_000);

  it('makes a registrant who signs in with the code choose a password, which then signs in (at 320 px)', async () => {
    const seed = await h.seedWorkdomain();
    const { code, verified } = await h.register(seed.linkId, 'Bob Park', 'bob.park@example.test');
    expect(verified.status).toBe(201);

    const bob = await newPage({ width: 320, height: 640 });
    await signIn(bob, seed.workdomain.slug, 'bob.park@example.test', '999999-wrong');
    await bob.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor(WAIT);
    expect(await seriousA11yFindings(bob)).toEqual([]);
    expect(await bob.getByRole('heading', { name: 'Choose your own password' }).count()).toBe(0);

    await bob.getByLabel('Password', { exact: true }).fill(code);
    await bob.getByRole('button', { name: 'Sign in' }).click();
    await bob.getByRole('heading', { name: 'Choose your own password' }).waitFor(WAIT);
    expect(await bob.getByText(/Signed in as/).count()).toBe(0);
    expect(await seriousA11yFindings(bob)).toEqual([]);
    // The current password is the code just typed.
    expect(await bob.getByLabel('Current password or code').inputValue()).toBe(code);

    // A common password is refused beside the field.
    await bob.getByLabel('New password', { exact: true }).fill('password');
    await bob.getByLabel('Repeat the new password', { exact: true }).fill('password');
    await bob.getByRole('button', { name: 'Save password' }).click();
    const newPasswordError = bob.locator('chatpoint-change-password').locator('#password-error');
    await newPasswordError.filter({ hasText: /\S/ }).waitFor(WAIT);
    expect(await newPasswordError.getAttribute('role')).toBe('alert');

    const chosen = 'tangerine-bicycle-harbour-7';
    await bob.getByLabel('New password', { exact: true }).fill(chosen);
    await bob.getByLabel('Repeat the new password', { exact: true }).fill(chosen);
    await bob.getByRole('button', { name: 'Save password' }).click();
    await bob
      .getByText(`Signed in as Bob Park (bob.park@example.test) · ${seed.workdomain.name}`)
      .waitFor(WAIT);
    await bob.getByRole('log').getByText('Welcome! How can we help?').waitFor(WAIT);
    expect(await bob.getByRole('button', { name: 'Choose your own password' }).count()).toBe(0);
    // Nothing sticks out sideways on a 320 px screen.
    expect(await bob.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await seriousA11yFindings(bob)).toEqual([]);

    await bob.getByRole('button', { name: 'Sign out' }).click();
    await bob.getByRole('heading', { name: 'Sign in to ChatPoint' }).waitFor(WAIT);

    // The code no longer works; the chosen password does, without another forced change.
    await signIn(bob, seed.workdomain.slug, 'bob.park@example.test', code);
    await bob.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor(WAIT);
    expect(await bob.getByText(/Signed in as/).count()).toBe(0);
    await signIn(bob, seed.workdomain.slug, 'bob.park@example.test', chosen);
    await bob.getByText('Signed in as Bob Park (bob.park@example.test)', { exact: false }).waitFor(WAIT);
    expect(await bob.getByRole('heading', { name: 'Choose your own password' }).count()).toBe(0);
  }, 120_000);
});
