import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright';
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

/** Whether the element is wholly on screen, without scrolling the page. */
async function inFirstScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  const scrolled = await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0);
  return !!box && scrolled === 0 && box.y >= 0 && box.y + box.height <= viewport.height;
}

/** The documentation's pictures; refreshed on request so a test run leaves the tree clean. */
async function picture(page: Page, name: string) {
  const file = path.resolve('docs/screenshots', name);
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
  }
}

describe('the web app at /app', () => {
  const pages = usePagesHarness();
  let h: Harness;
  beforeAll(() => {
    h = pages.h;
  });
  const newPage = (viewport = { width: 1024, height: 800 }, options: { phone?: boolean } = {}) =>
    pages.newPage(viewport, options);
  const PHONE = { width: 390, height: 844 };

  /** Email and password; nobody types a workdomain. */
  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${h.baseUrl}/app`);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The newest sign-in code mailed to `email`, after `skip` earlier ones. */
  async function signInCodeFor(email: string, skip = 0) {
    const isCode = (mail: { subject: string }) => mail.subject.endsWith('is your ChatPoint sign-in code');
    await h.smtp.waitFor(email, () => h.smtp.all(email).filter(isCode).length > skip);
    return /\d{6}/.exec(h.smtp.all(email).filter(isCode).at(-1)!.subject)![0];
  }

  it('signs the registrant in from the deep link, shows the welcome and carries a conversation with the PIC', async () => {
    const seed = await h.seedWorkdomain({ welcome: 'Welcome to Acme! Ask us anything.' });
    const { verified } = await h.register(seed.linkId, 'Ann Lee', 'ann.lee@example.test');
    expect(verified.status).toBe(201);
    const { deepLink, webUrl } = verified.body as { deepLink: string; webUrl: string };
    expect(deepLink).toMatch(/\/app\/open#token=[^&]+&email=ann\.lee%40example\.test$/);
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
    // A desktop keeps both columns; the back button is for phones.
    await ann.getByRole('navigation', { name: 'Conversations' }).waitFor(WAIT);
    const back = ann.locator('chatpoint-chat').locator('button.back');
    expect(await back.count()).toBe(1);
    expect(await back.isVisible()).toBe(false);
    await picture(ann, 'web-app.png');

    // Enter sends.
    await ann.getByRole('textbox', { name: 'Message' }).fill('Hello, I have a question about my order.');
    await ann.getByRole('textbox', { name: 'Message' }).press('Enter');
    await annLog.getByText('Hello, I have a question about my order.').waitFor(WAIT);
    expect(await ann.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');

    // The PIC signs in elsewhere with email and password, sees an unread mark, and answers.
    const pic = await newPage();
    await signIn(pic, seed.pic.email, PIC_PASSWORD);
    await pic.getByText(`Signed in as Pat Chen (${seed.pic.email})`).waitFor(WAIT);
    const annInList = pic
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /Ann Lee/ });
    await annInList.getByText('1 unread').waitFor(WAIT);
    await annInList.click();
    const picLog = pic.getByRole('log');
    await picLog.getByText('Hello, I have a question about my order.').waitFor(WAIT);
    await picLog.getByText('Welcome to Acme! Ask us anything.').waitFor(WAIT);
    expect(await annInList.getByText(/unread/).count()).toBe(0);
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

    // The link worked once: opened again, it says so and offers a code by email, address filled in.
    const again = await newPage();
    await again.goto(deepLink);
    await again.getByText(/This sign-in link has expired/).waitFor(WAIT);
    expect(again.url()).toBe(`${h.baseUrl}/app`);
    expect(await again.getByLabel('Email').inputValue()).toBe('ann.lee@example.test');
    await again.getByRole('button', { name: 'Email me a code' }).click();
    await again.getByLabel('Sign-in code').fill(await signInCodeFor('ann.lee@example.test'));
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again.getByRole('log').getByText('Hi Ann, happy to help.', { exact: false }).waitFor(WAIT);

    // Sign out ends the session: a reload shows the sign-in form again.
    await ann.getByRole('button', { name: 'Sign out' }).click();
    await ann.getByRole('heading', { name: 'Sign in to ChatPoint' }).waitFor(WAIT);
    await ann.getByText('You are signed out.').waitFor(WAIT);
    await ann.reload();
    await ann.getByRole('heading', { name: 'Sign in to ChatPoint' }).waitFor(WAIT);
    expect(await ann.getByText(/Signed in as/).count()).toBe(0);
  }, 120_000);

  it('opens a phone straight into the conversation, the welcome and the message box on the first screen', async () => {
    const seed = await h.seedWorkdomain({ welcome: 'Welcome to Acme! Ask us anything.' });
    const { verified } = await h.register(seed.linkId, 'Cleo Diaz', 'cleo.diaz@example.test');
    const cleo = await newPage(PHONE, { phone: true });
    await cleo.goto(verified.body.webUrl);
    const welcome = cleo.getByRole('log').getByText('Welcome to Acme! Ask us anything.');
    await welcome.waitFor(WAIT);
    const messageBox = cleo.getByRole('textbox', { name: 'Message' });
    const nudge = cleo.getByRole('region', { name: 'Password' });
    await nudge.waitFor(WAIT);
    // The password nudge does not push the conversation off the screen.
    expect(await inFirstScreen(cleo, welcome)).toBe(true);
    expect(await inFirstScreen(cleo, messageBox)).toBe(true);
    expect(await inFirstScreen(cleo, cleo.getByRole('button', { name: 'Send' }))).toBe(true);
    // One pane: the list waits behind the back button.
    expect(await cleo.getByRole('navigation', { name: 'Conversations' }).isVisible()).toBe(false);
    expect(await cleo.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await picture(cleo, 'web-app-phone.png');

    // A message sent stays in view with the box.
    await messageBox.fill('Hi! Is the shop open on Sundays?');
    await cleo.getByRole('button', { name: 'Send' }).click();
    const sent = cleo.getByRole('log').getByText('Hi! Is the shop open on Sundays?');
    await sent.waitFor(WAIT);
    expect(await inFirstScreen(cleo, sent)).toBe(true);
    expect(await inFirstScreen(cleo, messageBox)).toBe(true);

    // Right after the link, a password needs no code; a password manager sees the address.
    await nudge.getByRole('button', { name: 'Choose a password' }).click();
    await cleo.getByRole('heading', { name: 'Choose a password' }).waitFor(WAIT);
    expect(await cleo.getByLabel('Current password or code').count()).toBe(0);
    const form = cleo.locator('chatpoint-change-password');
    const username = form.locator('input[autocomplete="username"]');
    expect(await username.inputValue()).toBe('cleo.diaz@example.test');
    expect(await form.locator('input[autocomplete="new-password"]').count()).toBe(2);
    expect(await seriousA11yFindings(cleo)).toEqual([]);
    // "Not now" leaves a small reminder instead of the banner.
    await cleo.getByRole('button', { name: 'Not now' }).click();
    await cleo.getByRole('log').waitFor(WAIT);
    expect(await cleo.getByRole('region', { name: 'Password' }).count()).toBe(0);
    await cleo.getByRole('button', { name: 'Set a password' }).click();
    const chosen = 'marigold-lantern-quay-3';
    await cleo.getByLabel('New password', { exact: true }).fill(chosen);
    await cleo.getByLabel('Repeat the new password', { exact: true }).fill(chosen);
    await cleo.getByRole('button', { name: 'Save password' }).click();
    await cleo.getByText('Your new password is saved.').waitFor(WAIT);
    expect(await cleo.getByRole('button', { name: 'Set a password' }).count()).toBe(0);

    // The PIC on a phone starts from the list, with the unread mark, and comes back through it.
    const pic = await newPage(PHONE, { phone: true });
    await signIn(pic, seed.pic.email, PIC_PASSWORD);
    const list = pic.getByRole('navigation', { name: 'Conversations' });
    await list
      .getByRole('button', { name: /Cleo Diaz/ })
      .getByText('1 unread')
      .waitFor(WAIT);
    expect(await pic.getByRole('log').count()).toBe(0);
    await list.getByRole('button', { name: /Cleo Diaz/ }).click();
    await pic.getByRole('log').getByText('Hi! Is the shop open on Sundays?').waitFor(WAIT);
    expect(await list.isVisible()).toBe(false);
    expect(await inFirstScreen(pic, pic.getByRole('textbox', { name: 'Message' }))).toBe(true);
    await pic.getByRole('button', { name: /^Conversations/ }).click();
    await list.waitFor({ state: 'visible', ...WAIT });
    expect(await list.getByText(/unread/).count()).toBe(0);
  }, 120_000);

  it('opens the conversation that the PIC’s new-registrant mail links to, once signed in', async () => {
    const seed = await h.seedWorkdomain({ welcome: 'Welcome to Acme! Ask us anything.' });
    for (const [name, email] of [
      ['Eve Park', 'eve.park@example.test'],
      ['Finn Ode', 'finn.ode@example.test'],
    ] as const)
      expect((await h.register(seed.linkId, name, email)).verified.status).toBe(201);
    const mail = await h.smtp.waitFor(seed.pic.email, (m) => m.text.includes('Eve Park'));
    const link = /\/app\?conversation=[0-9a-f-]{36}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();

    const pic = await newPage();
    await pic.goto(`${h.baseUrl}${link}`);
    await pic.getByRole('button', { name: 'Use a password instead' }).click();
    await pic.getByLabel('Email').fill(seed.pic.email);
    await pic.getByLabel('Password', { exact: true }).fill(PIC_PASSWORD);
    await pic.getByRole('button', { name: 'Sign in' }).click();
    // An internal user starts from the list, unless a link names a conversation.
    await pic.getByRole('log').getByText('Eve Park joined', { exact: false }).waitFor(WAIT);
    expect(await pic.getByRole('log').getByText('Finn Ode', { exact: false }).count()).toBe(0);
    const current = pic.getByRole('navigation', { name: 'Conversations' }).locator('[aria-current="true"]');
    expect(await current.textContent()).toContain('Eve Park');
  }, 120_000);

  it('signs in by email alone with a code, asking which workdomain by name when there are several', async () => {
    const first = await h.seedWorkdomain();
    const second = await h.seedWorkdomain();
    const email = 'dana.both@example.test';
    expect((await h.register(first.linkId, 'Dana Both', email)).verified.status).toBe(201);
    // The second code mail, not the first one again.
    const started = await h.request('POST', `/api/registrations/${second.linkId}/start`, {
      name: 'Dana Both',
      email,
    });
    const code2 = await h.codeFor(email, 1);
    const verified = await h.request('POST', `/api/registrations/${second.linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: code2,
    });
    expect(verified.status).toBe(201);

    const dana = await newPage(PHONE, { phone: true });
    await dana.goto(`${h.baseUrl}/app`);
    expect(await dana.getByLabel('Workdomain').count()).toBe(0);
    await dana.getByLabel('Email').fill(email);
    await picture(dana, 'sign-in.png');
    await dana.getByRole('button', { name: 'Email me a code' }).click();
    const codeField = dana.getByLabel('Sign-in code');
    await codeField.waitFor(WAIT);
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    const code = await signInCodeFor(email);

    // A wrong code stays on the step, beside the field.
    await codeField.fill(code === '000000' ? '111111' : '000000');
    await dana.getByRole('button', { name: 'Sign in' }).click();
    await dana.getByText(/That code is not right\. 4 tries left\./).waitFor(WAIT);
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');

    await codeField.fill(code);
    await dana.getByRole('button', { name: 'Sign in' }).click();
    await dana.getByRole('heading', { name: 'Which workdomain?' }).waitFor(WAIT);
    expect(await dana.getByText(first.workdomain.slug).count()).toBe(0);
    expect(await seriousA11yFindings(dana)).toEqual([]);
    await dana.getByRole('button', { name: second.workdomain.name, exact: true }).click();
    await dana.getByText(`Signed in as Dana Both (${email}) · ${second.workdomain.name}`).waitFor(WAIT);
    await dana.getByRole('log').getByText('Welcome! How can we help?').waitFor(WAIT);
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
    await signIn(pic, seed.pic.email, PIC_PASSWORD);
    await pic.getByRole('navigation', { name: 'Conversations' }).getByText(name).waitFor(WAIT);
    await pic.getByRole('navigation', { name: 'Conversations' }).getByText(name).click();
    await pic.getByRole('log').getByText(markup).waitFor(WAIT);
    await pic.getByRole('heading', { name }).waitFor(WAIT);

    for (const page of [mallory, pic]) {
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await countInShadows(page, 'img, script:not([src]), b')).toBe(0);
    }
  }, 120_000);

  it('lets a registrant who signs in with the code as password choose one without typing it again (at 320 px)', async () => {
    const seed = await h.seedWorkdomain();
    const { code, verified } = await h.register(seed.linkId, 'Bob Park', 'bob.park@example.test');
    expect(verified.status).toBe(201);

    const bob = await newPage({ width: 320, height: 640 });
    await signIn(bob, 'bob.park@example.test', '999999-wrong');
    await bob.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor(WAIT);
    expect(await seriousA11yFindings(bob)).toEqual([]);
    expect(await bob.getByText(/Signed in as/).count()).toBe(0);

    await bob.getByLabel('Password', { exact: true }).fill(code);
    await bob.getByRole('button', { name: 'Sign in' }).click();
    await bob.getByRole('log').getByText('Welcome! How can we help?').waitFor(WAIT);
    expect(await seriousA11yFindings(bob)).toEqual([]);
    await bob.getByRole('button', { name: 'Choose a password' }).click();
    // The code was just typed: the form does not ask for it again.
    expect(await bob.getByLabel('Current password or code').count()).toBe(0);

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
    expect(await bob.getByRole('button', { name: 'Choose a password' }).count()).toBe(0);
    // Nothing sticks out sideways on a 320 px screen.
    expect(await bob.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await seriousA11yFindings(bob)).toEqual([]);

    await bob.getByRole('button', { name: 'Sign out' }).click();
    await bob.getByRole('heading', { name: 'Sign in to ChatPoint' }).waitFor(WAIT);

    // The code no longer works; the chosen password does.
    await signIn(bob, 'bob.park@example.test', code);
    await bob.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor(WAIT);
    expect(await bob.getByText(/Signed in as/).count()).toBe(0);
    await signIn(bob, 'bob.park@example.test', chosen);
    await bob.getByText('Signed in as Bob Park (bob.park@example.test)', { exact: false }).waitFor(WAIT);
    expect(await bob.getByRole('region', { name: 'Password' }).count()).toBe(0);
  }, 120_000);

  it('has one heading, says what happens next, and offers the app only on touch screens', async () => {
    const seed = await h.seedWorkdomain();
    const phone = await pages.newPage({ width: 390, height: 844 }, { phone: true });
    await phone.goto(`${h.baseUrl}/join/${seed.linkId}`);
    await phone.getByLabel('Name').waitFor(WAIT);
    const headings = phone.getByRole('heading');
    expect(await headings.allInnerTexts()).toEqual([`Chat with ${seed.workdomain.name}`]);
    await phone.getByText(`someone from ${seed.workdomain.name} will answer`, { exact: false }).waitFor(WAIT);
    expect(await phone.getByRole('link', { name: 'Open this in the app' }).isVisible()).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await inFirstScreen(phone, phone.getByRole('button', { name: 'Send code' }))).toBe(true);
    expect(await seriousA11yFindings(phone)).toEqual([]);
    await picture(phone, 'join-phone.png');

    const desktop = await pages.newPage({ width: 1280, height: 800 });
    await desktop.goto(`${h.baseUrl}/join/${seed.linkId}`);
    await desktop.getByLabel('Name').waitFor(WAIT);
    expect(await desktop.getByRole('link', { name: 'Open this in the app' }).isVisible()).toBe(false);
    await picture(desktop, 'join.png');
  }, 120_000);
});
