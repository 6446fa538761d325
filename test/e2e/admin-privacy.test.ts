import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openRegistrationPanel, signInToAdmin, usePagesHarness } from '../helpers/pages.ts';

const WAIT = { timeout: 15_000 };
const SCREENSHOTS = path.resolve('docs/screenshots');

/** Rewrites a docs screenshot only when asked (UPDATE_SCREENSHOTS=1) or when it is missing. */
async function keepScreenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, name);
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(file)) await page.screenshot({ path: file });
}

describe('privacy and questions on the admin page', { timeout: 120_000 }, () => {
  const pages = usePagesHarness();

  async function openPrivacySection(viewport: { width: number; height: number }) {
    const { h } = pages;
    const seed = await h.seedWorkdomain();
    const page = await pages.newPage(viewport);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await signInToAdmin(page, h.baseUrl, seed);
    const panel = await openRegistrationPanel(page);
    await panel.getByRole('heading', { name: 'Privacy and questions' }).waitFor(WAIT);
    return page;
  }

  const settings = (page: Page) => page.evaluate(async () => (await fetch('/api/admin/registration')).json());

  /** A policy link, consent and one choice list with two options, as an admin types them. */
  async function fillIn(page: Page) {
    await page.getByRole('textbox', { name: 'Privacy policy URL' }).fill('https://www.example.com/privacy');
    await page.getByRole('checkbox', { name: 'Ask for consent' }).check();
    await page.getByRole('textbox', { name: 'Policy version' }).fill('2026-12');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.locator('#field-0-label').fill('Company size');
    await page.locator('#field-0-key').fill('company_size');
    await page.locator('#field-0-type').selectOption('select');
    await page.locator('#field-0-options').fill('1-10\n11-500');
    await page.locator('#field-0-required').check();
  }

  it('sets a policy link, consent and a choice question, previews and saves them', async () => {
    const page = await openPrivacySection({ width: 1280, height: 900 });
    await fillIn(page);
    const preview = page.locator('#privacy-preview');
    await expect.poll(() => preview.textContent(), WAIT).toContain('Company size *');
    expect(await preview.textContent()).toContain('I agree to the Terms and the Privacy Policy');
    expect(await page.locator('#preview-0 option').allTextContents()).toEqual(['1-10', '11-500']);

    await page.getByRole('button', { name: 'Help: Questions' }).click();
    expect(await page.locator('#help-fields').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Help: Questions' }).click();
    await page.locator('#field-0-options').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await keepScreenshot(page, 'admin-privacy-questions.png');

    await page.getByRole('button', { name: 'Save privacy and questions' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Privacy and questions saved.' }).count(), WAIT)
      .toBe(1);
    expect(await settings(page)).toMatchObject({
      privacyPolicyUrl: 'https://www.example.com/privacy',
      consentRequired: true,
      policyVersion: '2026-12',
      fields: [
        {
          key: 'company_size',
          label: { en: 'Company size' },
          type: 'select',
          required: true,
          options: ['1-10', '11-500'],
        },
      ],
    });
  });

  it("opens a registrant's details from the users list: answers, choices, export and erase", async () => {
    const { h } = pages;
    const page = await openPrivacySection({ width: 1280, height: 900 });
    await fillIn(page);
    await page.getByRole('checkbox', { name: 'Offer news and offers' }).check();
    await page.getByRole('button', { name: 'Save privacy and questions' }).click();
    await expect.poll(async () => (await settings(page)).fields.length, WAIT).toBe(1);

    const { linkId } = await settings(page);
    const email = 'riley@example.test';
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, {
      name: 'Riley Registrant',
      email,
      consent: true,
      marketing: true,
      fields: { company_size: '11-500' },
    });
    expect(started.status).toBe(202);
    const code = await h.codeFor(email);
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    expect(verified.status).toBe(201);

    await page.reload();
    await page.getByRole('button', { name: 'Riley Registrant', exact: true }).click();
    const detail = page.getByRole('dialog', { name: 'Riley Registrant' });
    await detail.waitFor(WAIT);
    const text = await detail.textContent();
    expect(text).toContain('company_size: 11-500');
    expect(text).toMatch(/News and offers\s*Yes/);
    expect(text).toMatch(/Policy version agreed to\s*2026-12/);
    expect(text).toMatch(/Registered via\s*The default link/);
    await keepScreenshot(page, 'admin-user-detail.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await keepScreenshot(page, 'admin-user-detail-phone.png');
    await page.setViewportSize({ width: 1280, height: 900 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByRole('button', { name: 'Export data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^user-.+\.json$/);

    await detail.getByRole('button', { name: 'Erase' }).click();
    const confirm = page.getByRole('dialog', { name: 'Erase Riley Registrant?' });
    await confirm.getByRole('button', { name: 'Erase' }).click();
    await page.getByText('Riley Registrant was erased.').waitFor(WAIT);
  });

  it("shows the server's refusal beside the section", async () => {
    const page = await openPrivacySection({ width: 1280, height: 900 });
    await page.getByRole('checkbox', { name: 'Ask for consent' }).check();
    await page.getByRole('button', { name: 'Save privacy and questions' }).click();
    await expect.poll(() => page.locator('#privacy-error').textContent(), WAIT).not.toBe('');
    expect((await settings(page)).consentRequired).toBe(false);
  });

  it('fits a 390 px phone', async () => {
    const page = await openPrivacySection({ width: 390, height: 844 });
    await fillIn(page);
    const dialog = page.getByRole('dialog', { name: 'Public registration' });
    const overflow = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const remove = (await page.getByRole('button', { name: 'Remove Question 1' }).boundingBox())!;
    expect(remove.x + remove.width).toBeLessThanOrEqual(390);
    await page.locator('#field-0-key').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await keepScreenshot(page, 'admin-privacy-questions-phone.png');
  });
});
