import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { createInternalUser } from '../../server/accounts/users.ts';
import type { Harness } from '../helpers/harness.ts';
import { usePagesHarness } from '../helpers/pages.ts';
import { codeIn } from '../helpers/smtp-sink.ts';

const WAIT = { timeout: 15_000 };
const SCREENSHOTS = path.resolve('docs/screenshots');
const PHONE = { width: 390, height: 780 };

/** Rewrites a docs screenshot only when asked (UPDATE_SCREENSHOTS=1) or when it is missing. */
async function screenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS || !existsSync(file)) await page.screenshot({ path: file });
}

describe('a person in charge who leaves, and the one who takes over', { timeout: 90_000 }, () => {
  const pages = usePagesHarness();
  let h: Harness;
  beforeAll(() => {
    h = pages.h;
  });

  /** A registrant in `lang`; the web-app link from verify. */
  async function registrant(linkId: string, name: string, email: string, lang: string) {
    const started = await h.request('POST', `/api/registrations/${linkId}/start`, { name, email, lang });
    const code = codeIn(await h.smtp.waitFor(email));
    const verified = await h.request('POST', `/api/registrations/${linkId}/verify`, {
      registrationId: started.body.registrationId,
      code,
    });
    expect(verified.status).toBe(201);
    return verified.body.webUrl as string;
  }

  async function adminApi(adminId: string) {
    const { sessionToken } = await createSession(h.db, adminId);
    return (method: string, url: string, body?: unknown) =>
      h.request(method, url, body, { authorization: `Bearer ${sessionToken}` });
  }

  it('tells a Japanese registrant on a phone that nobody is assigned, then shows the new PIC’s conversation', async () => {
    const seed = await h.seedWorkdomain({ welcome: 'ようこそ！ご用件をどうぞ。' });
    const webUrl = await registrant(seed.linkId, '山田 花子', 'hanako.handover@example.test', 'ja');
    const admin = await adminApi(seed.admin.id);
    expect((await admin('POST', `/api/admin/users/${seed.pic.id}/deactivate`)).status).toBe(200);

    const page = await pages.newPage(PHONE, { phone: true });
    await page.goto(webUrl);
    const notice = page.getByRole('status').filter({ hasText: 'この会話の担当者はまだ決まっていません。' });
    await notice.waitFor(WAIT);
    // Above the message box, and it stays after the registrant writes there.
    const box = page.getByRole('textbox', { name: 'メッセージ' });
    const [noticeBox, messageBox] = [await notice.boundingBox(), await box.boundingBox()];
    expect(noticeBox!.y + noticeBox!.height).toBeLessThanOrEqual(messageBox!.y);
    expect(noticeBox!.x + noticeBox!.width).toBeLessThanOrEqual(PHONE.width);
    await box.fill('どなたかいますか？');
    await box.press('Enter');
    await page.getByRole('log').getByText('どなたかいますか？').waitFor(WAIT);
    expect(await notice.isVisible()).toBe(true);
    await screenshot(page, 'web-app-ja-unassigned-phone.png');

    const kim = await createInternalUser(h.db, h.deps.hasher, {
      workdomainId: seed.workdomain.id,
      email: `kim.${Date.now().toString(36)}@acme.test`,
      name: '佐藤 健',
      password: 'new-pic-pass-1234',
      role: 'member',
    });
    expect((await admin('PUT', '/api/admin/registration', { picUserId: kim.id })).status).toBe(200);

    // Signed in by cookie: opening the app again lands in the newest conversation, the new PIC's.
    await page.reload();
    await page.getByRole('heading', { name: '佐藤 健' }).waitFor(WAIT);
    await page.getByRole('log').getByText('この会話は今後 佐藤 健 が担当します。').waitFor(WAIT);
    expect(await page.getByRole('status').filter({ hasText: 'この会話の担当者' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'web-app-ja-handover-phone.png');

    // The old conversation stays readable, in Japanese, and says its person no longer answers.
    await page.getByRole('button', { name: /会話/ }).click();
    await page.getByRole('button', { name: /Pat Chen/ }).click();
    await page.getByRole('log').getByText('ようこそ！ご用件をどうぞ。').waitFor(WAIT);
    await page
      .getByRole('log')
      .getByText(`山田 花子 さんが登録ページから ${seed.workdomain.name} に参加しました。`)
      .waitFor(WAIT);
    await page
      .getByRole('status')
      .filter({ hasText: 'Pat Chen はこちらでは応対しなくなりました。' })
      .waitFor(WAIT);
  });

  it('says in the deactivation dialog how many registrants the PIC looks after and what happens to them', async () => {
    const seed = await h.seedWorkdomain();
    await registrant(seed.linkId, 'Ann Lee', 'ann.dialog@example.test', 'en');
    await registrant(seed.linkId, 'Bo Chan', 'bo.dialog@example.test', 'en');
    const page = await pages.newPage({ width: 1280, height: 800 });
    await page.goto(`${h.baseUrl}/admin`);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(seed.admin.email);
    await page.getByLabel('Password').fill(seed.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('button', { name: `Deactivate ${seed.pic.name}` }).click();
    const confirm = page.getByRole('dialog', { name: `Deactivate ${seed.pic.name}?` });
    await expect.poll(() => confirm.isVisible(), WAIT).toBe(true);
    const text = await confirm.textContent();
    expect(text).toContain('This closes public registration');
    expect(text).toContain(
      '2 registrants have Pat Chen as their contact. Until you choose a new person in charge, they are told that nobody is assigned yet; then the new person in charge takes them over, each in a new conversation.',
    );
    await screenshot(page, 'admin-deactivate-pic-dialog.png');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
  });
});
