import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { passwordResets } from '../../server/db/schema/index.ts';
import type { Harness } from '../helpers/harness.ts';
import { usePagesHarness } from '../helpers/pages.ts';

const WAIT = { timeout: 15_000 };

describe('the password-reset page', () => {
  const pages = usePagesHarness();
  let h: Harness;
  beforeAll(() => {
    h = pages.h;
  });
  const newPage = (viewport?: { width: number; height: number }) => pages.newPage(viewport);

  /** The reset link in the text part of the newest reset mail to `email`, after `skip` earlier ones. */
  async function resetLinkFor(email: string, skip = 0): Promise<string> {
    const isReset = (subject: string) => /reset/i.test(subject);
    await h.smtp.waitFor(email, (mail) => isReset(mail.subject) && h.smtp.all(email).indexOf(mail) >= skip);
    const mail = h.smtp
      .all(email)
      .filter((mail) => isReset(mail.subject))
      .at(-1)!;
    const link = /(https?:\/\/\S+?\/reset-password#token=[\w.~-]+)/.exec(mail.text)?.[1];
    if (!link) throw new Error(`no reset link in the text of "${mail.subject}"`);
    return link;
  }

  it('sets a new password from the emailed link once, and the new password signs in to /app', async () => {
    const seed = await h.seedWorkdomain();
    const email = 'ann.reset@example.test';
    const { code, verified } = await h.register(seed.linkId, 'Ann Reset', email);
    expect(verified.status).toBe(201);

    const requested = await h.request('POST', '/api/auth/password-reset', {
      workdomain: seed.workdomain.slug,
      email,
    });
    expect(requested.status).toBe(202);
    const link = await resetLinkFor(email);
    expect(link.startsWith(`${h.baseUrl}/reset-password#token=`)).toBe(true);

    const page = await newPage();
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor(WAIT);
    expect(page.url()).toBe(`${h.baseUrl}/reset-password`);
    await page.getByText('8–128 characters', { exact: false }).waitFor(WAIT);

    // Mistakes show beside their field, and the link stays usable.
    const newPassword = page.getByLabel('New password', { exact: true });
    const repeat = page.getByLabel('Repeat the new password', { exact: true });
    const save = page.getByRole('button', { name: 'Save new password' });
    await newPassword.fill('a-fresh-password-42');
    await repeat.fill('a-fresh-password-43');
    await save.click();
    await page.locator('#confirm-error').getByText('do not match').waitFor(WAIT);
    await newPassword.fill('password');
    await repeat.fill('password');
    await save.click();
    const passwordError = page.locator('#password-error');
    await passwordError.filter({ hasText: /\S/ }).waitFor(WAIT);
    expect(await passwordError.getAttribute('role')).toBe('alert');
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');

    const chosen = 'a-fresh-password-42';
    await newPassword.fill(chosen);
    await repeat.fill(chosen);
    await save.click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor(WAIT);
    const open = page.getByRole('link', { name: 'Open ChatPoint' });
    expect(await open.getAttribute('href')).toBe('/app');

    // The same link a second time: the page says it was used before anyone types, and offers another.
    const again = await newPage();
    await again.goto(link);
    expect(again.url()).toBe(`${h.baseUrl}/reset-password`);
    await again.getByText('This reset link was already used.', { exact: false }).waitFor(WAIT);
    expect(await again.getByLabel('New password', { exact: true }).count()).toBe(0);
    const mailsBefore = h.smtp.all(email).length;
    expect(await again.getByLabel('Workdomain').count()).toBe(0);
    await again.getByLabel('Email').fill(email);
    await again.getByRole('button', { name: 'Email me a link' }).click();
    await again.getByText('we sent a link', { exact: false }).waitFor(WAIT);
    const newerLink = await resetLinkFor(email, mailsBefore);
    expect(newerLink).not.toBe(link);

    // Expired while unopened: said so at once too.
    await h.db.update(passwordResets).set({ expiresAt: sql`now() - interval '1 second'` });
    const late = await newPage();
    await late.goto(newerLink);
    await late.getByText('This reset link has expired.', { exact: false }).waitFor(WAIT);

    // "Open ChatPoint": the code is dead, the new password signs in by email alone.
    await open.click();
    await page.waitForURL(`${h.baseUrl}/app`);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor(WAIT);
    await page.getByLabel('Password', { exact: true }).fill(chosen);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as Ann Reset (${email})`).waitFor(WAIT);
    expect(await page.getByRole('region', { name: 'Password' }).count()).toBe(0);
  }, 120_000);

  it('without a link, asks for one by email alone; every workdomain of the address gets its link', async () => {
    const first = await h.seedWorkdomain();
    const second = await h.seedWorkdomain();
    const email = 'two.places@example.test';
    expect((await h.register(first.linkId, 'Two Places', email)).verified.status).toBe(201);
    const started = await h.request('POST', `/api/registrations/${second.linkId}/start`, {
      name: 'Two Places',
      email,
    });
    const verified = await h.request('POST', `/api/registrations/${second.linkId}/verify`, {
      registrationId: started.body.registrationId,
      code: await h.codeFor(email, 1),
    });
    expect(verified.status).toBe(201);

    const page = await newPage();
    const response = await page.goto(`${h.baseUrl}/reset-password`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor(WAIT);
    expect(await page.getByLabel('Workdomain').count()).toBe(0);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('we sent a link', { exact: false }).waitFor(WAIT);
    const isReset = (subject: string) => subject.startsWith('Reset your ChatPoint password');
    await h.smtp.waitFor(email, () => h.smtp.all(email).filter((mail) => isReset(mail.subject)).length >= 2);
    const texts = h.smtp
      .all(email)
      .filter((mail) => isReset(mail.subject))
      .map((mail) => mail.text);
    expect(texts.some((text) => text.includes(first.workdomain.name))).toBe(true);
    expect(texts.some((text) => text.includes(second.workdomain.name))).toBe(true);

    // No account behind this email: the answer is the same.
    const other = await newPage();
    await other.goto(`${h.baseUrl}/reset-password`);
    await other.getByLabel('Email').fill('nobody@example.test');
    await other.getByRole('button', { name: 'Email me a link' }).click();
    await other.getByText('we sent a link', { exact: false }).waitFor(WAIT);
  }, 120_000);

  it('"Forgot password?" on the admin sign-in page mails a link whose page leads back to /admin', async () => {
    const seed = await h.seedWorkdomain();
    const email = seed.admin.email;
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${h.baseUrl}/admin`);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor(WAIT);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('we sent a link', { exact: false }).waitFor(WAIT);

    await h.smtp.waitFor(email, (mail) => /reset/i.test(mail.subject));
    const mail = h.smtp
      .all(email)
      .filter((mail) => /reset/i.test(mail.subject))
      .at(-1)!;
    const link = /(https?:\/\/\S+?\/reset-password\?next=%2Fadmin#token=[\w.~-]+)/.exec(mail.text)?.[1];
    expect(link, mail.text).toBeTruthy();
    expect(link!.startsWith(`${h.baseUrl}/reset-password?next=%2Fadmin#token=`)).toBe(true);

    // The mail is opened in a new tab, as mail clients do.
    const mailTab = await newPage({ width: 390, height: 844 });
    await mailTab.goto(link!);
    await mailTab.getByRole('heading', { name: 'Choose a new password' }).waitFor(WAIT);
    expect(mailTab.url()).toBe(`${h.baseUrl}/reset-password?next=%2Fadmin`);
    const chosen = 'admin-came-back-77';
    await mailTab.getByLabel('New password', { exact: true }).fill(chosen);
    await mailTab.getByLabel('Repeat the new password', { exact: true }).fill(chosen);
    await mailTab.getByRole('button', { name: 'Save new password' }).click();
    const back = mailTab.getByRole('link', { name: 'Sign in to user administration' });
    await back.waitFor(WAIT);
    if (process.env.SCREENSHOTS_DIR)
      await mailTab.screenshot({ path: `${process.env.SCREENSHOTS_DIR}/reset-done-admin.png` });
    await back.click();
    await mailTab.waitForURL(`${h.baseUrl}/admin`);
    await mailTab.getByRole('button', { name: 'Use a password instead' }).click();
    await mailTab.getByLabel('Email').fill(email);
    await mailTab.getByLabel('Password', { exact: true }).fill(chosen);
    await mailTab.getByRole('button', { name: 'Sign in' }).click();
    await mailTab
      .getByRole('link', { name: 'Forgot your password?' })
      .waitFor({ state: 'detached', ...WAIT });
    const me = await mailTab.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(200);
  }, 120_000);

  it('leads only to its own pages: another origin in ?next= is ignored, and refused by the API', async () => {
    for (const next of ['//evil.test', 'https://evil.test/admin', '/admin/../x', 'javascript:alert(1)']) {
      const refused = await h.request('POST', '/api/auth/password-reset', {
        workdomain: 'acme',
        email: 'ann@example.com',
        next,
      });
      expect(refused.status, next).toBe(400);
    }
    const page = await newPage();
    await page.goto(`${h.baseUrl}/reset-password?next=${encodeURIComponent('//evil.test')}`);
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor(WAIT);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.postData() ?? ''));
    await page.getByLabel('Email').fill('nobody@example.test');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText('we sent a link', { exact: false }).waitFor(WAIT);
    expect(requests.join('\n')).not.toContain('evil');
  }, 120_000);
});
