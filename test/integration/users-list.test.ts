import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/accounts/sessions.ts';
import { users } from '../../server/db/schema/index.ts';
import { backends } from '../helpers/databases.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';

describe.each(backends)('the admin users list, paged and searchable, on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ backend });
  });
  afterAll(() => h?.close());

  async function adminOfWorkdomainWith(externalUsers: number) {
    const seeded = await h.seedWorkdomain({ limit: 1000 });
    // Many users share one creation instant, so the order must not rest on created_at alone.
    await h.db.insert(users).values(
      Array.from({ length: externalUsers }, (_, i) => ({
        workdomainId: seeded.workdomain.id,
        email: `Person.${i}@Example.com`,
        emailCanonical: `person.${i}@example.com`,
        name: i === 7 ? 'Zoë 50%_off' : `Person ${i}`,
        kind: 'external' as const,
        createdAt: sql`timestamptz '2026-01-01' + ${i % 3} * interval '1 microsecond'`,
      })),
    );
    const { sessionToken } = await createSession(h.db, seeded.admin.id);
    const get = (query = '') =>
      h.request('GET', `/api/admin/users${query}`, undefined, { authorization: `Bearer ${sessionToken}` });
    return { ...seeded, get };
  }

  it('gives 100 a page, newest first, and every user exactly once across the pages', async () => {
    const { get, admin, pic } = await adminOfWorkdomainWith(250);
    const seen: { id: string; createdAt: string }[] = [];
    const pageSizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { users: typeof seen; next: string | null } } = await get(
        cursor ? `?cursor=${encodeURIComponent(cursor)}` : '',
      );
      expect(page.status).toBe(200);
      pageSizes.push(page.body.users.length);
      seen.push(...page.body.users);
      cursor = page.body.next;
    } while (cursor);
    expect(pageSizes).toEqual([100, 100, 52]);
    expect(new Set(seen.map((u) => u.id)).size).toBe(252);
    // The admin and PIC were created now, after the seeded users: they come first.
    expect(
      seen
        .slice(0, 2)
        .map((u) => u.id)
        .sort(),
    ).toEqual([admin.id, pic.id].sort());
    const times = seen.map((u) => Date.parse(u.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('searches names and addresses, taking wildcards literally, and pages the matches', async () => {
    const { get } = await adminOfWorkdomainWith(120);
    const byName = await get(`?q=${encodeURIComponent('50%_')}`);
    expect(byName.body.users.map((u: { name: string }) => u.name)).toEqual(['Zoë 50%_off']);
    expect(byName.body.next).toBeNull();
    const byEmail = await get('?q=PERSON.11');
    const expected = [
      'Person.11@Example.com',
      'Person.110@Example.com',
      'Person.111@Example.com',
      'Person.112@Example.com',
      'Person.113@Example.com',
      'Person.114@Example.com',
      'Person.115@Example.com',
      'Person.116@Example.com',
      'Person.117@Example.com',
      'Person.118@Example.com',
      'Person.119@Example.com',
    ];
    expect(byEmail.body.users.map((u: { email: string }) => u.email).sort()).toEqual(expected.sort());
    const all = await get('?q=person');
    expect(all.body.users).toHaveLength(100);
    const rest = await get(`?q=person&cursor=${encodeURIComponent(all.body.next)}`);
    expect(rest.body.users).toHaveLength(20);
    expect(rest.body.next).toBeNull();
    expect((await get('?q=nobody-has-this')).body).toEqual({ users: [], next: null });
  });

  it('refuses a cursor it did not give and an over-long search with 400 invalid_request', async () => {
    const { get } = await adminOfWorkdomainWith(1);
    for (const query of ['?cursor=not-a-cursor', `?q=${'x'.repeat(101)}`]) {
      const refused = await get(query);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.code).toBe('invalid_request');
    }
  });
});
