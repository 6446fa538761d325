import { sql } from 'drizzle-orm';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { createPasswordHasher } from '../../server/accounts/password-hasher.ts';
import { createInternalUser } from '../../server/accounts/users.ts';
import { users } from '../../server/db/schema/index.ts';
import { usePagesHarness } from '../helpers/pages.ts';

const WAIT = { timeout: 15_000 };

describe('the admin users list in the page: paged and searchable', { timeout: 120_000 }, () => {
  const pages = usePagesHarness();

  async function signedIn(seed: Awaited<ReturnType<typeof pages.h.seedWorkdomain>>): Promise<Page> {
    const page = await pages.newPage({ width: 1280, height: 900 });
    await page.goto(`${pages.h.baseUrl}/admin`);
    await page.getByRole('button', { name: 'Use a password instead' }).click();
    await page.getByLabel('Email').fill(seed.admin.email);
    await page.getByLabel('Password').fill(seed.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'User administration', exact: true }).isVisible(), WAIT)
      .toBe(true);
    return page;
  }

  it('shows 100 users, then the rest on "Show more users", narrows by a search, and still offers an early staff member as PIC', async () => {
    const h = pages.h;
    const seed = await h.seedWorkdomain({ limit: 1000 });
    // A colleague who joined long ago: far beyond the first page, and still a possible PIC.
    const veteran = await createInternalUser(h.db, createPasswordHasher(1000), {
      workdomainId: seed.workdomain.id,
      email: `veteran.${Date.now()}@acme.test`,
      name: 'Vera Veteran',
      password: 'veteran-pass-123',
      role: 'member',
    });
    await h.db.execute(sql`update ${users} set created_at = '2020-01-01' where id = ${veteran.id}`);
    await h.db.insert(users).values(
      Array.from({ length: 130 }, (_, i) => ({
        workdomainId: seed.workdomain.id,
        email: `customer.${i}@example.com`,
        emailCanonical: `customer.${i}@example.com`,
        name: `Customer ${i}`,
        kind: 'external' as const,
        createdAt: sql`timestamptz '2026-01-01' + ${i} * interval '1 second'`,
      })),
    );
    const page = await signedIn(seed);
    const rows = page.locator('chatpoint-admin-users tbody tr');
    await expect.poll(() => rows.count(), WAIT).toBe(100);
    await page.getByRole('button', { name: 'Show more users' }).click();
    await expect.poll(() => rows.count(), WAIT).toBe(133);
    expect(await page.getByRole('button', { name: 'Show more users' }).count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: 'Vera Veteran' }).count()).toBe(1);

    await page.getByRole('searchbox', { name: 'Search by name or email' }).fill('customer.12');
    await expect.poll(() => rows.count(), WAIT).toBe(11);
    await page.getByRole('searchbox', { name: 'Search by name or email' }).fill('nobody-like-this');
    await expect
      .poll(() => page.getByText('No user’s name or email holds “nobody-like-this”.').isVisible(), WAIT)
      .toBe(true);

    await page.getByRole('button', { name: 'Public registration' }).click();
    const picChoice = page.getByRole('dialog', { name: 'Public registration' }).getByRole('combobox').first();
    await expect.poll(() => picChoice.locator('option', { hasText: 'Vera Veteran' }).count(), WAIT).toBe(1);
  });
});
