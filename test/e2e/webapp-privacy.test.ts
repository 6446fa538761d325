import { existsSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema/index.ts';
import { updateRegistrationSettings } from '../../server/registration/settings.ts';
import { usePagesHarness } from '../helpers/pages.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const WAIT = { timeout: 15_000 };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * The documentation's pictures, on a phone and on a desktop; refreshed on request so a test run
 * leaves the tree clean. The page returns to the phone size.
 */
async function pictures(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS && existsSync(`docs/screenshots/${name}-phone.png`)) return;
  await page.screenshot({ path: `docs/screenshots/${name}-phone.png` });
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `docs/screenshots/${name}-desktop.png` });
  await page.setViewportSize(PHONE);
}

describe('the web app and the registrant’s data', { timeout: 120_000 }, () => {
  const pages = usePagesHarness();

  it('lets a registrant delete their account after typing their address, and refuses a wrong one', async () => {
    const { h } = pages;
    const seed = await h.seedWorkdomain();
    const email = 'rae.kim@example.test';
    const { verified } = await h.register(seed.linkId, 'Rae Kim', email);
    expect(verified.status).toBe(201);

    const page = await pages.newPage(PHONE, { phone: true });
    await page.goto((verified.body as { webUrl: string }).webUrl);
    await page.getByRole('log').waitFor(WAIT);
    const open = page.getByRole('button', { name: 'Delete my account' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.waitFor(WAIT);
    expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
    await expect.poll(() => dialog.getByText(/your conversations and messages/).isVisible()).toBe(true);
    const confirm = dialog.getByLabel('Type your email address to confirm');
    await expect.poll(() => confirm.evaluate((input) => input.matches(':focus'))).toBe(true);

    // Escape closes it and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => open.evaluate((button) => button.matches(':focus'))).toBe(true);

    await open.click();
    await confirm.fill('someone.else@example.test');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('This is not the email address of your account.').waitFor(WAIT);
    expect(await confirm.getAttribute('aria-invalid')).toBe('true');
    expect(await h.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    await pictures(page, 'webapp-delete-account');

    await confirm.fill(email);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await page.getByRole('heading', { name: 'Your account was deleted' }).waitFor(WAIT);
    expect((await page.request.get(`${h.baseUrl}/api/me`)).status()).toBe(401);
    expect(await h.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('does not offer the deletion to an internal user', async () => {
    const { h } = pages;
    const seed = await h.seedWorkdomain();
    const page = await pages.newPage(DESKTOP);
    await page.goto(`${h.baseUrl}/app`);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(seed.pic.email);
    await page.getByLabel('Password', { exact: true }).fill('pic-pass-12345');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Delete my account' }).count()).toBe(0);
  });

  it('asks a member who agreed to an older policy version to agree again, in their language', async () => {
    const { h } = pages;
    const seed = await h.seedWorkdomain();
    const policy = (policyVersion: string) =>
      updateRegistrationSettings(
        h.db,
        seed.workdomain.id,
        {
          termsUrl: 'https://acme.example/terms',
          privacyPolicyUrl: 'https://acme.example/privacy',
          consentRequired: true,
          policyVersion,
        },
        { kind: 'operator' },
        h.baseUrl,
      );
    await policy('1');
    const email = 'kenji@example.test';
    const started = await h.request('POST', `/api/registrations/${seed.linkId}/start`, {
      name: '佐藤 健二',
      email,
      consent: true,
      lang: 'ja',
    });
    expect(started.status).toBe(202);
    const verified = await h.request('POST', `/api/registrations/${seed.linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: codeIn(await h.smtp.waitFor(email)),
    });
    expect(verified.status).toBe(201);
    await policy('2');

    const page = await pages.newPage(PHONE, { phone: true });
    await page.goto((verified.body as { webUrl: string }).webUrl);
    await page.getByRole('heading', { name: '続ける前に' }).waitFor(WAIT);
    // The conversation waits behind the prompt.
    expect(await page.getByRole('log').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'サインアウト' }).count()).toBe(1);
    const terms = page.getByRole('link', { name: /利用規約/ });
    expect(await terms.getAttribute('href')).toBe('https://acme.example/terms');
    expect(await terms.getAttribute('target')).toBe('_blank');
    expect(await page.getByRole('link', { name: /プライバシーポリシー/ }).getAttribute('target')).toBe(
      '_blank',
    );
    await pictures(page, 'webapp-consent');

    await page.getByRole('button', { name: '同意する' }).click();
    await page.getByRole('log').waitFor(WAIT);
    const me = await (await page.request.get(`${h.baseUrl}/api/me`)).json();
    expect(me.consentNeeded).toBeNull();
    const [row] = await h.db.select().from(users).where(eq(users.email, email));
    expect(row?.consentVersion).toBe('2');
  });
});
