import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { updateRegistrationSettings } from '../../server/registration/settings.ts';
import { ja } from '../../widget/i18n/ja.ts';
import { usePagesHarness } from '../helpers/pages.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const WAIT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };

/** The documentation's pictures, refreshed on request so a test run leaves the tree clean. */
async function screenshot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page
    .locator('chatpoint-register')
    .screenshot({ path: `docs/screenshots/${name}.png`, animations: 'disabled' });
}

describe('a registrant answers the business’s questions on a phone, in Japanese', {
  timeout: 120_000,
}, () => {
  const pages = usePagesHarness();

  it('ticks consent, answers a select and a text field, and the PIC sees the answers', async () => {
    const { h } = pages;
    const seed = await h.seedWorkdomain();
    await updateRegistrationSettings(
      h.db,
      seed.workdomain.id,
      {
        privacyPolicyUrl: 'https://acme.example/privacy',
        termsUrl: 'https://acme.example/terms',
        consentRequired: true,
        marketingOptIn: true,
        fields: [
          { key: 'company', label: { en: 'Company', ja: '会社名' }, type: 'text', required: true },
          {
            key: 'heard_from',
            label: { en: 'How did you hear of us?', ja: 'きっかけ' },
            type: 'select',
            required: true,
            options: ['Friend', 'Search', 'Event'],
          },
        ],
      },
      { kind: 'operator' },
      h.baseUrl,
    );
    const context = await pages.browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      locale: 'ja-JP',
    });
    const page = await context.newPage();
    await page.goto(`${h.baseUrl}/join/${seed.linkId}?lang=ja`);
    const form = page.locator('chatpoint-register');
    await form.getByLabel(ja.name).fill('山田 花子');
    await form.getByLabel(ja.email).fill('hanako@example.test');
    await form.getByLabel('会社名').fill('山田商事');
    await form.getByLabel('きっかけ').selectOption('Search');
    const consent = form.getByRole('checkbox', { name: /同意します/ });
    expect(await consent.isChecked()).toBe(false);
    expect(await form.getByRole('checkbox', { name: /お知らせ/ }).isChecked()).toBe(false);
    expect(await form.getByRole('link', { name: '利用規約' }).getAttribute('target')).toBe('_blank');
    await form.getByRole('button', { name: ja.submit }).click();
    // Without the tick the server refuses (no mail), and the refusal stands beside the checkbox.
    await form.getByText('登録するには同意が必要です。').waitFor(WAIT);
    await consent.check();
    await screenshot(page, 'widget-consent-fields-phone');
    await form.getByRole('button', { name: ja.submit }).click();
    const code = codeIn(await h.smtp.waitFor('hanako@example.test'));
    await form.getByLabel(ja.code).fill(code);
    await form.getByRole('button', { name: ja.verify }).click();
    await form.getByRole('button', { name: ja.chat }).waitFor(WAIT);

    // The person in charge reads the answers in the conversation.
    const pic = await (await pages.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await pic.goto(`${h.baseUrl}/app`);
    await pic.getByRole('button', { name: 'Use a password instead' }).click();
    await pic.getByLabel('Email').fill(seed.pic.email);
    await pic.getByLabel('Password', { exact: true }).fill('pic-pass-12345');
    await pic.getByRole('button', { name: 'Sign in' }).click();
    await pic
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /山田 花子/ })
      .click();
    const log = pic.getByRole('log');
    await log.getByText('Company: 山田商事').waitFor(WAIT);
    await log.getByText('How did you hear of us?: Search').waitFor(WAIT);
    if (process.env.UPDATE_SCREENSHOTS)
      await pic.screenshot({ path: 'docs/screenshots/pic-sees-answers-desktop.png' });

    // The same form on a desktop, for the docs.
    const desktop = await (
      await pages.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en' })
    ).newPage();
    await desktop.goto(`${h.baseUrl}/join/${seed.linkId}?lang=en`);
    await desktop.locator('chatpoint-register').getByLabel('Company').waitFor(WAIT);
    await screenshot(desktop, 'widget-consent-fields-desktop');
  });
});
