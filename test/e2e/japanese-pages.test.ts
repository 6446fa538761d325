import { eq } from 'drizzle-orm';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCatalogues } from '../../pages/admin/i18n/index.ts';
import { pageCatalogues } from '../../pages/ui/i18n/catalogues.ts';
import { ja as pageJa } from '../../pages/ui/i18n/ja.ts';
import { users, workdomains } from '../../server/db/schema/index.ts';
import { updateRegistrationSettings } from '../../server/registration/settings.ts';
import { ja as widgetJa } from '../../widget/i18n/ja.ts';
import type { Harness } from '../helpers/harness.ts';
import { latinWords, readerText } from '../helpers/latin-words.ts';
import { usePagesHarness } from '../helpers/pages.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const WAIT = { timeout: 15_000 };
const adminJa = adminCatalogues.ja;
const REGISTRANT = '山田 花子';
/**
 * Terms Japanese itself writes in Latin letters: key names printed on keyboards, "QR code", "URL",
 * the plan name "Pro", and the names of standards and protocols that admins meet in the same
 * spelling everywhere (API, UTC, https, Webhook, Standard Webhooks, Content-Security-Policy and
 * its directives, SRI).
 */
const JAPANESE_LATIN_TERMS = [
  'Enter',
  'Shift',
  'QR',
  'URL',
  'Pro',
  'API',
  'UTC',
  'https',
  'Webhook',
  'Standard Webhooks',
  'Content-Security-Policy',
  'CSP',
  // Subresource Integrity, written after its Japanese name as browsers' docs do.
  'SRI',
  'script-src',
  'connect-src',
] as const;

describe('every page in Japanese, without English words', { timeout: 120_000 }, () => {
  const pages = usePagesHarness();
  let h: Harness;
  let seed: Awaited<ReturnType<Harness['seedWorkdomain']>>;
  let names: string[];

  beforeAll(async () => {
    h = pages.h;
    seed = await h.seedWorkdomain();
    await updateRegistrationSettings(
      h.db,
      seed.workdomain.id,
      { message: 'optional', welcomeMessages: { ja: 'ようこそ！ご用件をお聞かせください。' } },
      { kind: 'operator' },
      h.baseUrl,
    );
    await h.db.update(users).set({ lang: 'ja' }).where(eq(users.id, seed.admin.id));
    const [workdomain] = await h.db.select().from(workdomains).where(eq(workdomains.id, seed.workdomain.id));
    // Language pickers name each language in itself ("English"): a name, like a person's.
    const autonyms = Object.values(pageCatalogues).map((catalogue) => catalogue.languageName);
    // The chat preview's avatar shows the person in charge's initials.
    const initials = seed.pic.name
      .split(' ')
      .map((part) => part[0])
      .join('');
    names = [workdomain!.name, seed.admin.name, seed.pic.name, initials, REGISTRANT, ...autonyms];
  });

  /** Fails with each Latin word the page shows now, and where it stands. */
  async function expectNoEnglish(page: Page, where: string) {
    const found = latinWords(await readerText(page), names, JAPANESE_LATIN_TERMS);
    expect(found, `${where}: English on a Japanese page`).toEqual([]);
  }

  /** A registrant who registered in Japanese, and their web-app link. */
  async function japaneseRegistrant(email: string) {
    const started = await h.request('POST', `/api/registrations/${seed.linkId}/start`, {
      name: REGISTRANT,
      email,
      lang: 'ja-JP',
    });
    const verified = await h.request('POST', `/api/registrations/${seed.linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: codeIn(await h.smtp.waitFor(email)),
    });
    expect(verified.status).toBe(201);
    return verified.body.webUrl as string;
  }

  it('the join page and every step of the widget', async () => {
    const page = await pages.newPage({ width: 390, height: 844 }, { phone: true });
    await page.goto(`${h.baseUrl}/join/${seed.linkId}?lang=ja`);
    const widget = page.locator('chatpoint-register');
    await widget.getByRole('textbox', { name: widgetJa.name }).waitFor(WAIT);
    await expectNoEnglish(page, 'join page, details step');

    await widget.getByRole('textbox', { name: widgetJa.name }).fill(REGISTRANT);
    await widget.getByRole('textbox', { name: widgetJa.email }).fill('hanako.join@example.test');
    await widget.getByRole('textbox', { name: widgetJa.message }).fill('こんにちは');
    await widget.getByRole('button', { name: widgetJa.submit }).click();
    const code = widget.getByRole('textbox', { name: widgetJa.code });
    await code.waitFor(WAIT);
    await expectNoEnglish(page, 'widget, code step');

    await code.fill('000000');
    await widget.getByRole('button', { name: widgetJa.verify, exact: true }).click();
    await widget.getByRole('alert').filter({ hasText: 'コードが正しくありません' }).waitFor(WAIT);
    await expectNoEnglish(page, 'widget, wrong code');

    await code.fill(codeIn(await h.smtp.waitFor('hanako.join@example.test')));
    await widget.getByRole('button', { name: widgetJa.verify, exact: true }).click();
    await widget.getByRole('button', { name: widgetJa.chat }).waitFor(WAIT);
    await expectNoEnglish(page, 'widget, done step');
  });

  it('the web app: conversation list and conversation, on a desktop and on a phone', async () => {
    const webUrl = await japaneseRegistrant('hanako.app@example.test');
    const desktop = await pages.newPage({ width: 1024, height: 720 });
    await desktop.goto(webUrl);
    await desktop.getByRole('log').getByText('ようこそ！ご用件をお聞かせください。').waitFor(WAIT);
    await expectNoEnglish(desktop, 'web app, desktop');

    const phone = await pages.newPage({ width: 390, height: 844 }, { phone: true });
    // A second sign-in with a fresh link: the first one is spent.
    const again = await h.request('POST', `/api/registrations/${seed.linkId}/start`, {
      name: REGISTRANT,
      email: 'hanako.app@example.test',
      lang: 'ja',
    });
    const signIn = await h.smtp.waitFor('hanako.app@example.test', (mail) => /サインイン/.test(mail.subject));
    const verified = await h.request('POST', `/api/registrations/${seed.linkId}/verify`, {
      registrationId: again.body.registrationId,
      code: codeIn(signIn),
    });
    await phone.goto(verified.body.webUrl);
    await phone.getByRole('log').waitFor(WAIT);
    await expectNoEnglish(phone, 'web app, phone, conversation');
    await phone.getByRole('button', { name: new RegExp(`^‹? ?${pageJa.chat.conversations}`) }).click();
    await phone.getByRole('navigation', { name: pageJa.chat.conversations }).waitFor(WAIT);
    await expectNoEnglish(phone, 'web app, phone, conversation list');
  });

  it('sign-in to the web app: email, code and password forms, and a spent link', async () => {
    const page = await pages.newPage({ width: 390, height: 844 });
    await page.goto(`${h.baseUrl}/app?lang=ja`);
    await page.getByRole('heading', { name: pageJa.signIn.heading }).waitFor(WAIT);
    await expectNoEnglish(page, 'sign-in, email');
    await page.getByLabel(pageJa.common.email).fill(seed.pic.email);
    await page.getByRole('button', { name: pageJa.signIn.emailCode }).click();
    await page.getByRole('textbox', { name: pageJa.signIn.code }).waitFor(WAIT);
    await expectNoEnglish(page, 'sign-in, code');
    await page.getByRole('button', { name: pageJa.signIn.differentEmail }).click();
    await page.getByRole('button', { name: pageJa.signIn.usePassword }).click();
    await page.getByRole('textbox', { name: pageJa.common.password }).waitFor(WAIT);
    await expectNoEnglish(page, 'sign-in, password');

    await page.goto(`${h.baseUrl}/app/open?lang=ja#token=spent&email=hanako.app%40example.test`);
    await page.getByRole('button', { name: pageJa.signIn.emailCode }).waitFor(WAIT);
    await expectNoEnglish(page, 'spent sign-in link');
  });

  it('the reset page: asking for a link, and a link that does not work', async () => {
    const page = await pages.newPage({ width: 390, height: 844 });
    await page.goto(`${h.baseUrl}/reset-password?lang=ja`);
    await page.getByRole('heading', { name: pageJa.reset.requestHeading }).waitFor(WAIT);
    await expectNoEnglish(page, 'reset, request');
    const badLink = await pages.newPage({ width: 390, height: 844 });
    await badLink.goto(`${h.baseUrl}/reset-password?lang=ja#token=not-a-token`);
    await badLink.getByRole('heading', { name: pageJa.reset.invalidHeading }).waitFor(WAIT);
    await expectNoEnglish(badLink, 'reset, bad link');
  });

  it('the admin page: sign-in, users and the registration panel with every help text open', async () => {
    const page = await pages.newPage({ width: 1280, height: 900 });
    await page.goto(`${h.baseUrl}/admin?lang=ja`);
    await page.getByRole('button', { name: pageJa.signIn.usePassword }).click();
    await expectNoEnglish(page, 'admin sign-in');
    await page.getByLabel(pageJa.common.email).fill(seed.admin.email);
    await page.getByLabel(pageJa.common.password).fill(seed.adminPassword);
    await page.getByRole('button', { name: pageJa.signIn.signIn, exact: true }).click();
    await page.getByRole('heading', { name: adminJa.page.heading, exact: true }).waitFor(WAIT);
    await page.getByRole('table').getByText(seed.pic.email).waitFor(WAIT);
    await expectNoEnglish(page, 'admin, users');

    await page.getByRole('button', { name: adminJa.page.publicRegistration }).click();
    const panel = page.getByRole('dialog', { name: adminJa.page.publicRegistration });
    await panel.getByRole('switch').waitFor(WAIT);
    await expect.poll(() => panel.locator('#capacity-text').textContent(), WAIT).toMatch(/\d/);
    const closedHelp = panel.locator('button.help[aria-expanded="false"]');
    while ((await closedHelp.count()) > 0) await closedHelp.first().click();
    await page.getByRole('button', { name: '日本語' }).click();
    await expectNoEnglish(page, 'admin, registration panel');
  });
});
